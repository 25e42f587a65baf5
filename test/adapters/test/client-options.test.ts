// Issue 14, section 4: new Client(app, options) refuses options it does not know, by name.
import { describe, expect, it } from 'vitest';
import { Client } from '../../../src/adapters/test/index.js';
import type { App } from '../../../src/gateway.js';

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
