import { describe, expect, it } from 'vitest';
import { lint, LintError } from '../../src/middleware/lint.js';
import { createEnviron } from '../../src/request/create-environ.js';
import { AppRun } from '../../src/response/from-app.js';
import { Response } from '../../src/response/response.js';
import { Request } from '../../src/request/request.js';
import { NotFound } from '../../src/errors.js';
import type { App, Body, Environ, StartResponse } from '../../src/gateway.js';

const enc = new TextEncoder();
const bytes = (text: string) => enc.encode(text);
const noop: StartResponse = () => {};

/** Runs `app` through lint with a correct server (AppRun); returns the rules reported. */
async function brokenRules(app: App, environ: Environ = createEnviron('/')): Promise<string[]> {
  const errors: LintError[] = [];
  const linted = lint(app, { onError: (error) => errors.push(error) });
  try {
    const run = await AppRun.start(linted, environ);
    await run.rest();
  } catch {
    // Some violations also make the app or the server fail; the lint report is what we check.
  }
  return errors.map((error) => `${error.rule} ${error.side}`);
}

const ok = (headers: Array<[string, string]> = []): App => (_environ, startResponse) => {
  startResponse('200 OK', headers);
  return [bytes('ok')];
};

describe('lint: good apps pass', () => {
  const good: Record<string, [App, Environ?]> = {
    'a list body': [ok([['Content-Type', 'text/plain'], ['Content-Length', '2']])],
    'startResponse inside a generator': [
      function* (_environ, startResponse) {
        startResponse('200 OK', []);
        yield bytes('a');
        yield new Uint8Array(0);
        yield bytes('b');
      },
    ],
    'an async app and an async generator body': [
      async (_environ, startResponse) => {
        await Promise.resolve();
        startResponse('201 Created', [['Location', '/x']]);
        return (async function* () {
          yield bytes('made');
        })();
      },
    ],
    'an empty body': [(_e, sr) => (sr('204 No Content', []), [])],
    'an error replacing the headers before any chunk': [
      function* (_environ, startResponse) {
        startResponse('200 OK', [['Content-Length', '5']]);
        yield new Uint8Array(0);
        startResponse('500 Internal Server Error', [['Content-Length', '4']], new Error('boom'));
        yield bytes('oops');
      },
    ],
    'HEAD with the body computed': [
      (_e, sr) => (sr('200 OK', [['Content-Length', '5']]), [bytes('hello')]),
      createEnviron('/', { method: 'HEAD' }),
    ],
    'HEAD with no body but the GET length': [
      (_e, sr) => (sr('200 OK', [['Content-Length', '5']]), []),
      createEnviron('/', { method: 'HEAD' }),
    ],
    '304 with the representation length': [(_e, sr) => (sr('304 Not Modified', [['Content-Length', '99']]), [])],
    'an echo reading the input while producing the body': [
      async function* (environ, startResponse) {
        startResponse('200 OK', [['Content-Length', environ.CONTENT_LENGTH ?? '0']]);
        for await (const chunk of environ['tsgi.input']) yield chunk;
      },
      createEnviron('/', { body: 'echo me' }),
    ],
    'a status with an empty reason and repeated Set-Cookie': [
      (_e, sr) => (sr('299 ', [['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2']]), [bytes('x')]),
    ],
    'a tsgi Response': [new Response('hi', { headers: { 'X-A': '1' } })],
    'a streamed tsgi Response': [new Response(['a', 'b'])],
    'a Request.application handler': [Request.application((req) => new Response(`hi ${req.args.get('n')}`)), createEnviron('/?n=1')],
    'an HTTPException from Request.application': [
      Request.application(() => {
        throw new NotFound();
      }),
    ],
    'an app writing to tsgi.errors and adding dotted keys': [
      (environ, sr) => {
        environ['tsgi.errors'].write('note\n');
        environ['myapp.user'] = 'ada';
        sr('200 OK', []);
        return [];
      },
    ],
  };
  for (const [name, [app, environ]] of Object.entries(good)) {
    it(name, async () => {
      expect(await brokenRules(app, environ ?? createEnviron('/'))).toEqual([]);
    });
  }

  it('passes the body through unchanged, keeping sync bodies sync', async () => {
    const body = lint(ok())(createEnviron('/'), noop) as Body;
    expect(typeof (body as Iterable<Uint8Array>)[Symbol.iterator]).toBe('function');
    expect([...(body as Iterable<Uint8Array>)]).toEqual([bytes('ok')]);
  });
});

describe('lint: each app-side rule', () => {
  const cases: Array<[string, string, App, Environ?]> = [
    ['2.2 app', 'a string body', (_e, sr) => (sr('200 OK', []), 'text' as unknown as Body)],
    ['2.2 app', 'an undefined body', (_e, sr) => (sr('200 OK', []), undefined as unknown as Body)],
    ['2.2 app', 'a plain object body', (_e, sr) => (sr('200 OK', []), {} as unknown as Body)],
    [
      '4.4 app',
      'reading tsgi.input twice',
      async (environ, sr) => {
        for await (const _ of environ['tsgi.input']) void _;
        for await (const _ of environ['tsgi.input']) void _;
        sr('200 OK', []);
        return [];
      },
      createEnviron('/', { body: 'x' }),
    ],
    [
      '5.1 app',
      'writing a non-string to tsgi.errors',
      (environ, sr) => {
        environ['tsgi.errors'].write(42 as unknown as string);
        sr('200 OK', []);
        return [];
      },
    ],
    [
      '6.1 app',
      'calling startResponse with four arguments',
      (_e, sr) => {
        (sr as (...args: unknown[]) => void)('200 OK', [], undefined, 'extra');
        return [];
      },
    ],
    ['6.2 app', 'a status without a reason separator', (_e, sr) => (sr('200', []), [])],
    ['6.2 app', 'a status that is not a number', (_e, sr) => (sr('OK', []), [])],
    ['6.2 app', 'a two-digit status', (_e, sr) => (sr('20 OK', []), [])],
    ['6.2 app', 'a status with CR LF', (_e, sr) => (sr('200 OK\r\nX: y', []), [])],
    ['6.2 app', 'a numeric status', (_e, sr) => (sr(200 as unknown as string, []), [])],
    ['6.3 app', 'headers that are an object', (_e, sr) => (sr('200 OK', { a: 'b' } as unknown as []), [])],
    ['6.3 app', 'a header with a number value', (_e, sr) => (sr('200 OK', [['X-N', 1 as unknown as string]]), [])],
    ['6.3 app', 'a header triple', (_e, sr) => (sr('200 OK', [['a', 'b', 'c'] as unknown as [string, string]]), [])],
    ['6.3 app', 'a header name with a space', (_e, sr) => (sr('200 OK', [['X Bad', 'v']]), [])],
    ['6.3 app', 'a header value with LF', (_e, sr) => (sr('200 OK', [['X-A', 'v\nSet-Cookie: a=1']]), [])],
    ['6.3 app', 'a header value with NUL', (_e, sr) => (sr('200 OK', [['X-A', 'v\0']]), [])],
    ['6.4 app', 'a Connection header', (_e, sr) => (sr('200 OK', [['Connection', 'close']]), [])],
    ['6.4 app', 'a Transfer-Encoding header', (_e, sr) => (sr('200 OK', [['transfer-encoding', 'chunked']]), [])],
    ['6.8 app', 'a Status header', (_e, sr) => (sr('200 OK', [['status', '404 Not Found']]), [])],
    ['6.5 app', 'a chunk before startResponse', () => [bytes('early')]],
    ['6.5 app', 'an empty body and no startResponse', () => []],
    [
      '6.5 app',
      'startResponse called after the body was closed',
      (_e, sr) => {
        sr('200 OK', []);
        return {
          [Symbol.iterator]: () => ({
            next: () => ({ done: true as const, value: undefined }),
            return: () => {
              sr('500 Oops', [], new Error('late'));
              return { done: true as const, value: undefined };
            },
          }),
        };
      },
    ],
    [
      '6.6 app',
      'startResponse called twice without an error',
      (_e, sr) => {
        sr('200 OK', []);
        sr('404 Not Found', []);
        return [];
      },
    ],
    ['6.7 app', 'two Content-Length headers', (_e, sr) => (sr('200 OK', [['Content-Length', '1'], ['content-length', '1']]), [bytes('x')])],
    ['6.7 app', 'a Content-Length that is not digits', (_e, sr) => (sr('200 OK', [['Content-Length', '1.0']]), [bytes('x')])],
    ['6.7 app', 'a Content-Length on a 204', (_e, sr) => (sr('204 No Content', [['Content-Length', '0']]), [])],
    ['7.2 app', 'a string chunk', (_e, sr) => (sr('200 OK', []), ['text' as unknown as Uint8Array])],
    ['7.2 app', 'an ArrayBuffer chunk', (_e, sr) => (sr('200 OK', []), [new ArrayBuffer(2) as unknown as Uint8Array])],
    ['7.5 app', 'more bytes than Content-Length', (_e, sr) => (sr('200 OK', [['Content-Length', '2']]), [bytes('abc')])],
    ['7.5 app', 'fewer bytes than Content-Length', (_e, sr) => (sr('200 OK', [['Content-Length', '5']]), [bytes('abc')])],
    [
      '7.5 app',
      'HEAD body bytes that disagree with Content-Length',
      (_e, sr) => (sr('200 OK', [['Content-Length', '5']]), [bytes('abc')]),
      createEnviron('/', { method: 'HEAD' }),
    ],
    ['7.7 app', 'body bytes on a 204', (_e, sr) => (sr('204 No Content', []), [bytes('x')])],
    ['7.7 app', 'body bytes on a 304', (_e, sr) => (sr('304 Not Modified', []), [bytes('x')])],
    ['7.7 app', 'body bytes on a 1xx', (_e, sr) => (sr('103 Early Hints', []), [bytes('x')])],
  ];
  for (const [rule, name, app, environ] of cases) {
    it(`rule ${rule}: ${name}`, async () => {
      expect(await brokenRules(app, environ ?? createEnviron('/'))).toContain(rule);
    });
  }

  it('rule 4.7 app: reading tsgi.input after the body was closed', async () => {
    let environ: Environ | undefined;
    const errors: LintError[] = [];
    const linted = lint(
      (env, sr) => {
        environ = env;
        sr('200 OK', []);
        return [];
      },
      { onError: (error) => errors.push(error) },
    );
    const run = await AppRun.start(linted, createEnviron('/', { body: 'late' }));
    await run.rest();
    for await (const _ of environ!['tsgi.input']) void _;
    expect(errors.map((error) => error.rule)).toContain('4.7');
  });
});

describe('lint: each server-side rule', () => {
  const environCases: Array<[string, string, (environ: Environ) => void]> = [
    ['3.1', 'a missing PATH_INFO', (e) => delete (e as Partial<Environ>).PATH_INFO],
    ['3.1', 'a numeric SERVER_PORT', (e) => ((e as Record<string, unknown>).SERVER_PORT = 80)],
    ['3.2', 'a method with a space', (e) => (e.REQUEST_METHOD = 'GET X')],
    ['3.3', 'SCRIPT_NAME ending with /', (e) => (e.SCRIPT_NAME = '/app/')],
    ['3.3', 'SCRIPT_NAME without a leading /', (e) => (e.SCRIPT_NAME = 'app')],
    ['3.4', 'PATH_INFO without a leading /', (e) => (e.PATH_INFO = 'x')],
    ['3.6', 'SERVER_PORT not digits', (e) => (e.SERVER_PORT = 'http')],
    ['3.6', 'an empty SERVER_NAME', (e) => (e.SERVER_NAME = '')],
    ['3.7', 'a bad SERVER_PROTOCOL', (e) => (e.SERVER_PROTOCOL = 'HTTP 1.1')],
    ['3.9', 'CONTENT_LENGTH not digits', (e) => (e.CONTENT_LENGTH = '')],
    ['3.9', 'HTTP_CONTENT_TYPE set', (e) => (e.HTTP_CONTENT_TYPE = 'text/plain')],
    ['3.9', 'HTTP_CONTENT_LENGTH set', (e) => (e.HTTP_CONTENT_LENGTH = '0')],
    ['3.10', 'a header value that is an array', (e) => ((e as Record<string, unknown>).HTTP_ACCEPT = ['a'])],
    ['3.10', 'a header value with LF', (e) => (e.HTTP_X_A = 'a\nb')],
    ['3.12', 'REMOTE_PORT not digits', (e) => (e.REMOTE_PORT = 'x')],
    ['3.13', 'a wrong tsgi.version', (e) => ((e as Record<string, unknown>)['tsgi.version'] = [2, 0])],
    ['3.14', 'an upper-case scheme', (e) => ((e as Record<string, unknown>)['tsgi.url_scheme'] = 'HTTP')],
    ['3.15', 'a sync-iterable input', (e) => ((e as Record<string, unknown>)['tsgi.input'] = [new Uint8Array(1)])],
    ['3.16', 'errors without write', (e) => ((e as Record<string, unknown>)['tsgi.errors'] = {})],
    ['3.17', 'a non-boolean tsgi.multithread', (e) => ((e as Record<string, unknown>)['tsgi.multithread'] = 'yes')],
    ['3.18', 'an undotted lower-case key', (e) => ((e as Record<string, unknown>).user = 'ada')],
    ['3.19', "a non-boolean tsgi.throw_errors (environ['tsgi.throw_errors'] = 'yes')", (e) => ((e as Record<string, unknown>)['tsgi.throw_errors'] = 'yes')],
  ];
  for (const [rule, name, mutate] of environCases) {
    it(`rule ${rule}: ${name}`, async () => {
      const environ = createEnviron('/');
      mutate(environ);
      expect(await brokenRules(ok(), environ)).toContain(`${rule} server`);
    });
  }

  const readAll = (async (environ: Environ, sr: StartResponse) => {
    for await (const _ of environ['tsgi.input']) void _;
    sr('200 OK', []);
    return [];
  }) satisfies App;

  it('rule 4.1: an input longer than CONTENT_LENGTH', async () => {
    const environ = createEnviron('/', { body: 'abcdef', environ: { CONTENT_LENGTH: '3' } });
    expect(await brokenRules(readAll, environ)).toContain('4.1 server');
  });

  it('rule 4.6: an input that ends before CONTENT_LENGTH instead of throwing', async () => {
    const environ = createEnviron('/', { body: 'abc', environ: { CONTENT_LENGTH: '10' } });
    expect(await brokenRules(readAll, environ)).toContain('4.6 server');
  });

  it('rule 4.2: an input that yields strings', async () => {
    const environ = createEnviron('/', {
      environ: { 'tsgi.input': { async *[Symbol.asyncIterator]() { yield 'text'; } } },
    });
    expect(await brokenRules(readAll, environ)).toContain('4.2 server');
  });

  async function serverRules(serve: (body: Body) => Promise<void>, app: App = ok()): Promise<string[]> {
    const errors: LintError[] = [];
    const body = await lint(app, { onError: (error) => errors.push(error) })(createEnviron('/'), noop);
    await serve(body).catch(() => {});
    return errors.map((error) => `${error.rule} ${error.side}`);
  }

  it('rule 8.1: return() called twice', async () => {
    const rules = await serverRules(async (body) => {
      const iterator = (body as Iterable<Uint8Array>)[Symbol.iterator]();
      iterator.next();
      iterator.return?.();
      iterator.return?.();
    });
    expect(rules).toContain('8.1 server');
  });

  it('rule 8.2: next() after return()', async () => {
    const rules = await serverRules(async (body) => {
      const iterator = (body as Iterable<Uint8Array>)[Symbol.iterator]();
      iterator.return?.();
      iterator.next();
    });
    expect(rules).toContain('8.2 server');
  });

  it('rule 7.3: the iterator obtained twice', async () => {
    const rules = await serverRules(async (body) => {
      [...(body as Iterable<Uint8Array>)];
      [...(body as Iterable<Uint8Array>)];
    });
    expect(rules).toContain('7.3 server');
  });

  it('rule 7.3: two next() calls pending at once', async () => {
    const slow: App = async function* (_e, sr) {
      sr('200 OK', []);
      await new Promise((resolve) => setTimeout(resolve, 5));
      yield bytes('a');
      yield bytes('b');
    };
    const rules = await serverRules(async (body) => {
      const iterator = (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
      await Promise.all([iterator.next(), iterator.next()]);
      await iterator.return?.();
    }, slow);
    expect(rules).toContain('7.3 server');
  });

  it('rule 6.6: a server that does not rethrow a late error', async () => {
    const errors: LintError[] = [];
    const app: App = function* (_e, sr) {
      sr('200 OK', []);
      yield bytes('a');
      sr('500 Internal Server Error', [], new Error('late'));
    };
    const body = lint(app, { onError: (error) => errors.push(error) })(createEnviron('/'), noop) as Iterable<Uint8Array>;
    expect(() => [...body]).toThrow('late');
    expect(errors.map((error) => `${error.rule} ${error.side}`)).toContain('6.6 server');
  });

  it('forwards return() to the app body exactly once', async () => {
    let closes = 0;
    const app: App = (_e, sr) => {
      sr('200 OK', []);
      return {
        [Symbol.iterator]: () => ({
          next: () => ({ done: false as const, value: bytes('x') }),
          return: () => {
            closes++;
            return { done: true as const, value: undefined };
          },
        }),
      };
    };
    const run = await AppRun.start(lint(app), createEnviron('/'));
    await run.next();
    await run.close();
    expect(closes).toBe(1);
  });
});

describe('lint: throwing mode', () => {
  it('throws a LintError naming the rule into the app from startResponse', async () => {
    const app = lint((_e, sr) => (sr('OK', []), []));
    expect(() => app(createEnviron('/'), noop)).toThrow(LintError);
    try {
      app(createEnviron('/'), noop);
    } catch (error) {
      expect(error).toBeInstanceOf(LintError);
      expect((error as LintError).rule).toBe('6.2');
      expect((error as LintError).message).toMatch(/^tsgi lint: rule 6\.2 \(app\): status must be "NNN reason"/);
    }
  });

  it('throws into the server from the body iterator', async () => {
    const app = lint((_e, sr) => (sr('200 OK', []), ['x' as unknown as Uint8Array]));
    const body = app(createEnviron('/'), noop) as Iterable<Uint8Array>;
    expect(() => [...body]).toThrow(/rule 7\.2 \(app\): the body yielded a string "x"/);
  });

  it('rejects a bad environ before calling the app', () => {
    let called = false;
    const app = lint(() => {
      called = true;
      return [];
    });
    expect(() => app({ ...createEnviron('/'), SERVER_PORT: 'x' }, noop)).toThrow(/rule 3\.6 \(server\)/);
    expect(called).toBe(false);
  });
});
