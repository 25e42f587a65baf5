import { describe, expect, it } from 'vitest';
import { AppRun, responseFromApp } from '../../src/response/from-app.js';
import { Response } from '../../src/response/response.js';
import { createEnviron } from '../../src/request/create-environ.js';
import type { App } from '../../src/gateway.js';

const enc = new TextEncoder();

function closingApp(chunks: string[], counter: { closes: number }, status = '200 OK'): App {
  return (_environ, startResponse) => {
    startResponse(status, [['X-Test', '1']]);
    return (function* () {
      try {
        for (const chunk of chunks) yield enc.encode(chunk);
      } finally {
        counter.closes++;
      }
    })();
  };
}

describe('responseFromApp', () => {
  it('returns a buffered Response with exactly the status and headers sent', async () => {
    const counter = { closes: 0 };
    const res = await responseFromApp(closingApp(['a', '', 'b'], counter, '201 Created'), createEnviron('/'));
    expect(res).toBeInstanceOf(Response);
    expect(res.status).toBe('201 Created');
    expect(res.headers.toList()).toEqual([['X-Test', '1']]);
    expect(await res.text()).toBe('ab');
    expect(counter.closes).toBe(1);
  });

  it('awaits async apps and async bodies', async () => {
    const app: App = async (_e, sr) => {
      await Promise.resolve();
      sr('200 OK', []);
      return (async function* () {
        yield enc.encode('async');
      })();
    };
    expect(await (await responseFromApp(app, createEnviron('/'))).text()).toBe('async');
  });

  it('lets the app replace its headers with an error before the first chunk', async () => {
    const app: App = function* (_e, sr) {
      sr('200 OK', [['X-First', '1']]);
      yield new Uint8Array(0);
      sr('503 Service Unavailable', [['Retry-After', '5']], new Error('db down'));
      yield enc.encode('later');
    };
    const res = await responseFromApp(app, createEnviron('/'));
    expect(res.statusCode).toBe(503);
    expect(res.headers.toList()).toEqual([['Retry-After', '5']]);
  });

  it('rethrows the error when the app replaces headers after sending a chunk, and closes once', async () => {
    let closes = 0;
    const app: App = function* (_e, sr) {
      sr('200 OK', []);
      try {
        yield enc.encode('part');
        sr('500 Internal Server Error', [], new Error('too late'));
      } finally {
        closes++;
      }
    };
    await expect(responseFromApp(app, createEnviron('/'))).rejects.toThrow('too late');
    expect(closes).toBe(1);
  });

  it('rejects a second startResponse without an error, and an app that never calls it', async () => {
    const twice: App = (_e, sr) => (sr('200 OK', []), sr('200 OK', []), []);
    await expect(responseFromApp(twice, createEnviron('/'))).rejects.toThrow(/twice/);
    await expect(responseFromApp(() => [], createEnviron('/'))).rejects.toThrow(/did not call startResponse/);
    await expect(responseFromApp(() => [enc.encode('x')], createEnviron('/'))).rejects.toThrow(/before startResponse/);
  });

  it('rejects bodies that are not iterables of bytes', async () => {
    const text: App = (_e, sr) => (sr('200 OK', []), 'no' as unknown as Uint8Array[]);
    await expect(responseFromApp(text, createEnviron('/'))).rejects.toThrow(/not an iterable/);
    const strings: App = (_e, sr) => (sr('200 OK', []), ['no' as unknown as Uint8Array]);
    await expect(responseFromApp(strings, createEnviron('/'))).rejects.toThrow(/not a Uint8Array/);
  });

  it('drops the body for HEAD but runs the app and closes its body', async () => {
    const counter = { closes: 0 };
    const res = await responseFromApp(closingApp(['hello'], counter), createEnviron('/', { method: 'HEAD' }));
    expect((await res.bytes()).byteLength).toBe(0);
    expect(counter.closes).toBe(1);
  });

  it('closes the body when the app throws while producing it', async () => {
    let closes = 0;
    const app: App = (_e, sr) => {
      sr('200 OK', []);
      return {
        [Symbol.iterator]: () => ({
          next: () => {
            throw new Error('broken');
          },
          return: () => {
            closes++;
            return { done: true as const, value: undefined };
          },
        }),
      };
    };
    await expect(responseFromApp(app, createEnviron('/'))).rejects.toThrow('broken');
    expect(closes).toBe(1);
  });
});

describe('AppRun', () => {
  it('resolves at the first non-empty chunk and pulls the rest on demand', async () => {
    const pulled: number[] = [];
    const app: App = function* (_e, sr) {
      sr('200 OK', []);
      for (let i = 0; i < 3; i++) {
        pulled.push(i);
        yield enc.encode(String(i));
      }
    };
    const run = await AppRun.start(app, createEnviron('/'));
    expect(run.headersSent).toBe(true);
    expect(pulled).toEqual([0]);
    expect(new TextDecoder().decode(await run.next())).toBe('0');
    expect(new TextDecoder().decode(await run.next())).toBe('1');
    expect(pulled).toEqual([0, 1]);
    await run.close();
    await run.close();
    expect(run.closed).toBe(true);
    expect(await run.next()).toBeUndefined();
  });
});
