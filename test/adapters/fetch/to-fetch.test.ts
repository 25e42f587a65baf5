import { describe, expect, it } from 'vitest';
import { toFetchHandler, buildEnviron } from '../../../src/adapters/fetch/index.js';
import type { App, Environ, ErrorStream } from '../../../src/gateway.js';
import { lint, type LintError } from '../../../src/middleware/lint.js';

const enc = new TextEncoder();
const silent: ErrorStream = { write: () => undefined };

function capture(): { app: App; seen: () => Environ } {
  let environ: Environ | undefined;
  return {
    app: (env, start) => {
      environ = env;
      start('200 OK', [['Content-Type', 'text/plain']]);
      return [enc.encode('ok')];
    },
    seen: () => environ!,
  };
}

describe('buildEnviron', () => {
  it('takes scheme, host, port, path and query from the URL', () => {
    const env = buildEnviron(new Request('https://example.com/caf%C3%A9/a%2Fb?x=1&y=%20'));
    expect(env.REQUEST_METHOD).toBe('GET');
    expect(env['tsgi.url_scheme']).toBe('https');
    expect(env.SERVER_NAME).toBe('example.com');
    expect(env.SERVER_PORT).toBe('443');
    expect(env.PATH_INFO).toBe('/café/a/b');
    expect(env.SCRIPT_NAME).toBe('');
    expect(env.QUERY_STRING).toBe('x=1&y=%20');
    expect(env.REQUEST_URI).toBe('/caf%C3%A9/a%2Fb?x=1&y=%20');
    expect(env.HTTP_HOST).toBe('example.com');
  });

  it('keeps an explicit port and invalid escapes as they were', () => {
    const env = buildEnviron(new Request('http://127.0.0.1:8080/%zz/%C3'));
    expect(env.SERVER_PORT).toBe('8080');
    expect(env.HTTP_HOST).toBe('127.0.0.1:8080');
    expect(env.PATH_INFO).toBe('/%zz/%C3');
  });

  it('maps headers to HTTP_* and CONTENT_*, dropping names with underscores', () => {
    const env = buildEnviron(
      new Request('http://h/', {
        method: 'POST',
        body: 'a=1',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Request-Id': 'abc',
          'X_Forwarded_For': '6.6.6.6',
          Accept: 'text/html',
        },
      }),
    );
    expect(env.CONTENT_TYPE).toBe('application/x-www-form-urlencoded');
    expect(env.HTTP_X_REQUEST_ID).toBe('abc');
    expect(env.HTTP_ACCEPT).toBe('text/html');
    expect(env.HTTP_X_FORWARDED_FOR).toBeUndefined();
  });

  it('reads the client address from a string, Deno info or Bun requestIP()', () => {
    const req = () => new Request('http://h/');
    expect(buildEnviron(req(), { remoteAddr: '10.0.0.1' }).REMOTE_ADDR).toBe('10.0.0.1');
    const deno = buildEnviron(req(), { remoteAddr: { hostname: '::1', port: 5000, transport: 'tcp' } as never });
    expect([deno.REMOTE_ADDR, deno.REMOTE_PORT]).toEqual(['::1', '5000']);
    const bun = buildEnviron(req(), { remoteAddr: { address: '127.0.0.1', port: 1234 } });
    expect([bun.REMOTE_ADDR, bun.REMOTE_PORT]).toEqual(['127.0.0.1', '1234']);
    expect(buildEnviron(req()).REMOTE_ADDR).toBeUndefined();
  });

  it('streams the request body as tsgi.input', async () => {
    const parts = ['one,', 'two,', 'three'];
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        const next = parts.shift();
        if (next === undefined) c.close();
        else c.enqueue(enc.encode(next));
      },
    });
    const env = buildEnviron(new Request('http://h/', { method: 'PUT', body, duplex: 'half' } as RequestInit));
    const chunks: string[] = [];
    for await (const chunk of env['tsgi.input']) chunks.push(new TextDecoder().decode(chunk));
    expect(chunks.join('')).toBe('one,two,three');
  });
});

describe('toFetchHandler', () => {
  it('answers with the status, headers (repeated Set-Cookie kept) and body', async () => {
    const app: App = (_env, start) => {
      start('201 Created', [
        ['Content-Type', 'text/plain'],
        ['Set-Cookie', 'a=1; Path=/'],
        ['Set-Cookie', 'b=2; Path=/'],
      ]);
      return [enc.encode('hello '), new Uint8Array(0), enc.encode('world')];
    };
    const res = await toFetchHandler(app)(new Request('http://h/'));
    expect(res.status).toBe(201);
    // The standard reason phrase is the runtime's to write (statusText '' as for new Response()).
    expect(res.statusText).toBe('');
    expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(await res.text()).toBe('hello world');
  });

  it('passes the client address and the Workers execution context', async () => {
    const { app, seen } = capture();
    const ctx = { waitUntil: () => undefined };
    await toFetchHandler(app)(new Request('http://h/'), { remoteAddr: '192.0.2.1' }, ctx);
    expect(seen().REMOTE_ADDR).toBe('192.0.2.1');
    expect(seen()['fetch.ctx']).toBe(ctx);
  });

  it('accepts startResponse called lazily from the body', async () => {
    const app: App = (_env, start) =>
      (async function* () {
        start('200 OK', [['X-Lazy', 'yes']]);
        yield enc.encode('late');
      })();
    const res = await toFetchHandler(app)(new Request('http://h/'));
    expect(res.headers.get('x-lazy')).toBe('yes');
    expect(await res.text()).toBe('late');
  });

  it('lets an error page replace the headers before the first chunk', async () => {
    const app: App = (_env, start) =>
      (function* () {
        start('200 OK', [['X-First', '1']]);
        start('503 Service Unavailable', [['Retry-After', '5']], new Error('db down'));
        yield enc.encode('later');
      })();
    const res = await toFetchHandler(app)(new Request('http://h/'));
    expect(res.status).toBe(503);
    expect(res.headers.get('x-first')).toBeNull();
    expect(res.headers.get('retry-after')).toBe('5');
  });

  it('pulls the app body only as fast as the client reads (back-pressure)', async () => {
    let produced = 0;
    const app: App = (_env, start) => {
      start('200 OK', []);
      return (async function* () {
        for (let i = 0; i < 1000; i++) {
          produced++;
          yield enc.encode(`chunk ${i}\n`);
        }
      })();
    };
    const res = await toFetchHandler(app)(new Request('http://h/'));
    const reader = res.body!.getReader();
    await reader.read();
    await reader.read();
    await new Promise((r) => setTimeout(r, 20));
    // The first chunk was pulled to learn the headers, then one per read: no read-ahead.
    expect(produced).toBeLessThanOrEqual(3);
    await reader.cancel();
  });

  it('calls the body iterator return() exactly once when the client cancels', async () => {
    let returns = 0;
    let nexts = 0;
    const body: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => ({
        next: async () => {
          nexts++;
          return { done: false, value: enc.encode('x') };
        },
        return: async () => {
          returns++;
          return { done: true, value: undefined };
        },
      }),
    };
    const app: App = (_env, start) => {
      start('200 OK', []);
      return body;
    };
    const res = await toFetchHandler(app)(new Request('http://h/'));
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    await reader.cancel().catch(() => undefined);
    expect(returns).toBe(1);
    expect(nexts).toBeGreaterThan(0);
  });

  it('calls return() once after a body that finished (rule 8.1)', async () => {
    let returns = 0;
    const app: App = (_env, start) => {
      start('200 OK', []);
      let sent = false;
      return {
        [Symbol.asyncIterator]: () => ({
          next: async () => (sent ? { done: true as const, value: undefined } : ((sent = true), { done: false as const, value: enc.encode('x') })),
          return: async () => {
            returns++;
            return { done: true as const, value: undefined };
          },
        }),
      };
    };
    const res = await toFetchHandler(app)(new Request('http://h/'));
    expect(await res.text()).toBe('x');
    await new Promise((r) => setTimeout(r, 0));
    expect(returns).toBe(1);
  });

  it.each([
    ['HEAD', '200 OK'],
    ['GET', '204 No Content'],
    ['GET', '304 Not Modified'],
  ])('sends no body for %s %s and closes the app body once', async (method, status) => {
    let closed = 0;
    const app: App = (_env, start) => {
      start(status, [['Content-Type', 'text/plain']]);
      return (function* () {
        try {
          yield enc.encode('should not be sent');
          yield enc.encode('more');
        } finally {
          closed++;
        }
      })();
    };
    const res = await toFetchHandler(app)(new Request('http://h/', { method }));
    expect(res.status).toBe(Number(status.slice(0, 3)));
    expect(res.body).toBeNull();
    expect(closed).toBe(1);
  });

  it('answers 500 when the app throws before the headers, and logs it', async () => {
    const logged: string[] = [];
    const errors: ErrorStream = { write: (m) => logged.push(m) };
    const throwing: App = () => {
      throw new Error('boom');
    };
    const res = await toFetchHandler(throwing, { errors })(new Request('http://h/'));
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('Internal Server Error\n');
    expect(logged.join('')).toContain('boom');

    const noStart: App = () => [enc.encode('x')];
    expect((await toFetchHandler(noStart, { errors })(new Request('http://h/'))).status).toBe(500);
    const badStatus: App = (_e, start) => {
      start('OK', []);
      return [];
    };
    expect((await toFetchHandler(badStatus, { errors })(new Request('http://h/'))).status).toBe(500);
  });

  it('errors the stream when the app throws after the first chunk', async () => {
    const app: App = (_env, start) => {
      start('200 OK', []);
      return (async function* () {
        yield enc.encode('part');
        throw new Error('mid-stream');
      })();
    };
    const res = await toFetchHandler(app, { errors: silent })(new Request('http://h/'));
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow('mid-stream');
  });

  it('re-raises a startResponse error after the headers were sent', async () => {
    const app: App = (_env, start) => {
      start('200 OK', []);
      return (async function* () {
        yield enc.encode('part');
        start('500 Internal Server Error', [], new Error('too late'));
      })();
    };
    const res = await toFetchHandler(app, { errors: silent })(new Request('http://h/'));
    await expect(res.text()).rejects.toThrow('too late');
  });

  it('echoes a large uploaded body chunk by chunk', async () => {
    const app: App = (env, start) => {
      start('200 OK', [['Content-Type', 'application/octet-stream']]);
      return env['tsgi.input'];
    };
    const payload = new Uint8Array(3 * 1024 * 1024).map((_, i) => i % 251);
    const res = await toFetchHandler(app)(new Request('http://h/', { method: 'POST', body: payload }));
    const echoed = new Uint8Array(await res.arrayBuffer());
    expect(echoed.length).toBe(payload.length);
    expect(echoed[12345]).toBe(payload[12345]);
  });

  it('follows the protocol as a server: lint finds nothing on streamed, buffered, HEAD and aborted bodies', async () => {
    const violations: LintError[] = [];
    const streaming: App = (_env, start) => {
      start('200 OK', [['Content-Type', 'text/plain']]);
      return (async function* () {
        for (let i = 0; i < 5; i++) yield enc.encode(`${i}`);
      })();
    };
    const buffered: App = (_env, start) => {
      start('200 OK', [['Content-Type', 'text/plain'], ['Content-Length', '2']]);
      return [enc.encode('ok')];
    };
    const handler = (app: App) => toFetchHandler(lint(app, { onError: (e) => violations.push(e) }));
    expect(await (await handler(streaming)(new Request('http://h/'))).text()).toBe('01234');
    expect(await (await handler(buffered)(new Request('http://h/'))).text()).toBe('ok');
    expect((await handler(streaming)(new Request('http://h/', { method: 'HEAD' }))).body).toBeNull();
    const aborted = await handler(streaming)(new Request('http://h/'));
    const reader = aborted.body!.getReader();
    await reader.read();
    await reader.cancel();
    await new Promise((r) => setTimeout(r, 10));
    expect(violations.map((v) => v.message)).toEqual([]);
  });
});
