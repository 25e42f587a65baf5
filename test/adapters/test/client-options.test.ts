// Issue 14, section 4: new Client(app, options) refuses options it does not know, by name.
import { describe, expect, it } from 'vitest';
import { Client } from '../../../src/adapters/test/index.js';
import type { App } from '../../../src/gateway.js';
import { Request } from '../../../src/request/request.js';

const app: App = (_environ, startResponse) => {
  startResponse('204 No Content', []);
  return [];
};

describe('new Client(app, options)', () => {
  it('names an unknown option and the likely one', () => {
    // @ts-expect-error: typos.
    expect(() => new Client(app, { throwError: true })).toThrow(new TypeError("new Client: unknown option 'throwError' (did you mean 'throwErrors'?)"));
    // @ts-expect-error: typos.
    expect(() => new Client(app, { followRedirect: true })).toThrow("(did you mean 'followRedirects'?)");
  });

  it('takes every option it documents', () => {
    expect(
      () =>
        new Client(app, { cookies: false, lint: false, throwErrors: true, followRedirects: true, maxRedirects: 2, baseUrl: 'https://example.com' }),
    ).not.toThrow();
  });
});

describe('the options of one request', () => {
  it('names an unknown one, in the client and in Request.blank', async () => {
    const client = new Client(app);
    // @ts-expect-error: a typo.
    await expect(client.get('/', { quary: { q: 'x' } })).rejects.toThrow("createEnviron: unknown option 'quary' (did you mean 'query'?)");
    // @ts-expect-error: a typo.
    expect(() => Request.blank('/', { jsn: { ok: true } })).toThrow("createEnviron: unknown option 'jsn' (did you mean 'json'?)");
  });

  it('takes the client-only ones', async () => {
    const res = await new Client(app).get('/', { followRedirects: true, buffered: false, query: { q: 'x' } });
    expect(res.statusCode).toBe(204);
  });
});
