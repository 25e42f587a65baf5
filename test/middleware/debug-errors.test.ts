/** `debugErrors(app)`: the development error page for raw apps, and `tsgi.debug` for the apps inside. */
import { describe, expect, it } from 'vitest';
import { debugErrors } from '../../src/middleware/debug-errors.js';
import { Request } from '../../src/request/request.js';
import { Client } from '../../src/adapters/test/client.js';
import type { App, Environ } from '../../src/gateway.js';

const encoder = new TextEncoder();
const GENERIC = 'Internal Server Error';

/** A raw app whose body yields `chunks` and then throws; counts `return()` calls. */
function failingBody(chunks: string[], closed: { count: number }): App {
  return (_environ, startResponse) => {
    startResponse('200 OK', [['Content-Type', 'text/plain']]);
    let index = 0;
    return {
      [Symbol.asyncIterator]: () => ({
        async next() {
          if (index < chunks.length) return { done: false, value: encoder.encode(chunks[index++]) };
          throw new Error('the body broke');
        },
        async return() {
          closed.count += 1;
          return { done: true as const, value: undefined };
        },
      }),
    };
  };
}

describe('debugErrors', () => {
  it('answers what a raw app throws with the page, to this machine only', async () => {
    const app = debugErrors(() => {
      throw new Error('raw app failed');
    });
    const local = await new Client(app).get('http://localhost:8000/');
    expect(local.statusCode).toBe(500);
    expect(await local.text()).toContain('Error: raw app failed');
    expect(String(local.error)).toContain('raw app failed');
    const remote = await new Client(app).get('http://evil.example/');
    expect(remote.statusCode).toBe(500);
    expect(await remote.text()).not.toContain('raw app failed');
  });

  it('answers a rejected promise and a body that fails before its first byte', async () => {
    const rejecting = debugErrors(async () => {
      throw new Error('async failure');
    });
    expect(await (await new Client(rejecting).get('/')).text()).toContain('Error: async failure');

    const closed = { count: 0 };
    const res = await new Client(debugErrors(failingBody([''], closed))).get('/', { headers: { Accept: 'application/json' } });
    expect(res.statusCode).toBe(500);
    expect(((await res.json()) as { errors: Array<{ message: string }> }).errors[0].message).toBe('the body broke');
    expect(closed.count).toBe(1); // the failed body is closed exactly once (rule 11.2)
  });

  it('leaves an error after the first byte to the server: the response is cut, not replaced', async () => {
    const closed = { count: 0 };
    const res = await new Client(debugErrors(failingBody(['partial '], closed))).get('/');
    expect(res.statusCode).toBe(200);
    expect(String(res.error)).toContain('the body broke');
    expect(await res.text()).toBe('partial ');
    expect(closed.count).toBe(1);
  });

  it('sets tsgi.debug, so Request.application apps inside show the page themselves', async () => {
    let seen: Environ['tsgi.debug'];
    const inner = Request.application((req) => {
      seen = req.environ['tsgi.debug'];
      throw new Error('inside an application');
    });
    const res = await new Client(debugErrors(inner)).get('/');
    expect(seen).toBe(true);
    expect(await res.text()).toContain('Error: inside an application');
  });

  it('passes arrays and text bodies through untouched, and successful responses unchanged', async () => {
    const body = [encoder.encode('ok')];
    const app: App = (_environ, startResponse) => {
      startResponse('200 OK', [['Content-Type', 'text/plain']]);
      return body;
    };
    const startResponse = () => undefined;
    const environ = { 'tsgi.errors': { write() {} } } as unknown as Environ;
    expect(debugErrors(app)(environ, startResponse)).toBe(body);
    expect(await (await new Client(debugErrors(app)).get('/')).text()).toBe('ok');
  });

  it('rethrows for throwErrors, and when the request is not local', async () => {
    const app = debugErrors(() => {
      throw new Error('rethrown');
    });
    await expect(new Client(app, { throwErrors: true }).get('/')).rejects.toThrow('rethrown');
    const proxied = await new Client(app).get('/', { headers: { 'X-Forwarded-For': '203.0.113.1' } });
    expect(await proxied.text()).toBe(GENERIC);
  });
});
