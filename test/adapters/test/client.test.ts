import { describe, expect, it, vi } from 'vitest';
import busboy from 'busboy';
import { Client, TestResponse } from '../../../src/adapters/test/index.js';
import { LintError } from '../../../src/middleware/lint.js';
import { Request } from '../../../src/request/request.js';
import { Response } from '../../../src/response/response.js';
import type { App, Environ } from '../../../src/gateway.js';

const enc = new TextEncoder();

/** An app that answers with a JSON summary of the request. */
const echo = Request.application(async (req) =>
  Response.json({
    method: req.method,
    path: req.path,
    rootPath: req.rootPath,
    args: req.args.toLists(),
    cookie: req.headers.get('Cookie') ?? null,
    contentType: req.headers.get('Content-Type') ?? null,
    body: req.method === 'GET' || req.method === 'HEAD' ? null : await req.text(),
  }),
);

describe('Client: basics', () => {
  it('calls the app in process and returns a buffered TestResponse', async () => {
    const client = new Client(echo);
    const res = await client.get('/hello?x=1&x=2', { query: { y: ['a', 'b c'] } });
    expect(res).toBeInstanceOf(TestResponse);
    expect(res).toBeInstanceOf(Response);
    expect(res.statusCode).toBe(200);
    expect(res.status).toBe('200 OK');
    expect(res.headers.get('Content-Type')).toBe('application/json');
    expect(await res.json()).toMatchObject({ method: 'GET', path: '/hello', args: { x: ['1', '2'], y: ['a', 'b c'] } });
    expect(res.request).toBeInstanceOf(Request);
    expect(res.request.path).toBe('/hello');
    expect(res.url).toBe('http://localhost/hello?x=1&x=2&y=a&y=b+c');
    expect(res.history).toEqual([]);
  });

  it('has a method for each verb, plus request()', async () => {
    const client = new Client(echo);
    for (const verb of ['get', 'post', 'put', 'patch', 'delete', 'options'] as const) {
      const res = await client[verb]('/');
      expect(((await res.json()) as { method: string }).method).toBe(verb.toUpperCase());
    }
    const res = await client.request('PROPFIND', '/dav');
    expect(((await res.json()) as { method: string }).method).toBe('PROPFIND');
  });

  it('keeps the exact status and headers the app sent (no defaults added)', async () => {
    const app: App = (_e, sr) => (sr('299 Custom', [['X-A', '1'], ['X-A', '2']]), [enc.encode('x')]);
    const res = await new Client(app).get('/');
    expect(res.status).toBe('299 Custom');
    expect(res.headers.toList()).toEqual([['X-A', '1'], ['X-A', '2']]);
    expect(await res.text()).toBe('x');
  });

  it('uses baseUrl for scheme, host and port', async () => {
    const res = await new Client(echo, { baseUrl: 'https://example.com:8443' }).get('/x');
    expect(res.request.url).toBe('https://example.com:8443/x');
    expect(res.environ['tsgi.url_scheme']).toBe('https');
  });

  it('sends JSON, urlencoded forms and raw bodies', async () => {
    const client = new Client(echo);
    const json = (await (await client.post('/', { json: { a: [1, 'é'] } })).json()) as Record<string, unknown>;
    expect(json).toMatchObject({ contentType: 'application/json', body: '{"a":[1,"é"]}' });
    const form = (await (await client.post('/', { form: { q: 'a b', tag: ['x', 'y'] } })).json()) as Record<string, unknown>;
    expect(form).toMatchObject({ contentType: 'application/x-www-form-urlencoded', body: 'q=a+b&tag=x&tag=y' });
    const raw = (await (await client.put('/', { body: 'raw', headers: { 'Content-Type': 'text/plain' } })).json()) as Record<string, unknown>;
    expect(raw).toMatchObject({ method: 'PUT', body: 'raw', contentType: 'text/plain' });
  });

  it('reads urlencoded forms through Request.form()', async () => {
    const app = Request.application(async (req) => Response.json((await req.form()).toLists()));
    const res = await new Client(app).post('/', { form: [['a', '1'], ['a', '2'], ['b', 'é&']] });
    expect(await res.json()).toEqual({ a: ['1', '2'], b: ['é&'] });
  });

  it('sends multipart forms with Files that a real parser reads back', async () => {
    const app: App = async (environ, startResponse) => {
      const fields: Record<string, unknown> = {};
      await new Promise<void>((resolve, reject) => {
        const parser = busboy({ headers: { 'content-type': environ.CONTENT_TYPE ?? '' } });
        parser.on('field', (name, value) => (fields[name] = value));
        parser.on('file', (name, stream, info) => {
          const parts: Buffer[] = [];
          stream.on('data', (part: Buffer) => parts.push(part));
          stream.on('end', () => (fields[name] = { ...info, text: Buffer.concat(parts).toString() }));
        });
        parser.on('close', resolve);
        parser.on('error', reject);
        (async () => {
          for await (const chunk of environ['tsgi.input']) parser.write(chunk);
          parser.end();
        })().catch(reject);
      });
      const body = enc.encode(JSON.stringify(fields));
      startResponse('200 OK', [['Content-Type', 'application/json'], ['Content-Length', String(body.byteLength)]]);
      return [body];
    };
    const file = new File(['file contents'], 'notes.txt', { type: 'text/plain' });
    const res = await new Client(app).post('/upload', { form: { title: 'hello', doc: file } });
    expect(res.request.mimetype).toBe('multipart/form-data');
    expect(await res.json()).toEqual({
      title: 'hello',
      doc: { filename: 'notes.txt', encoding: '7bit', mimeType: 'text/plain', text: 'file contents' },
    });
  });

  it('drops the body of HEAD responses and keeps Content-Length', async () => {
    let computed = false;
    const app: App = (environ, sr) => {
      sr('200 OK', [['Content-Length', '5']]);
      computed = environ.REQUEST_METHOD === 'HEAD';
      return [enc.encode('hello')];
    };
    const res = await new Client(app).head('/');
    expect(computed).toBe(true);
    expect(res.headers.get('Content-Length')).toBe('5');
    expect((await res.bytes()).byteLength).toBe(0);
    const viaResponse = await new Client(new Response('hello')).head('/');
    expect(viaResponse.headers.get('Content-Length')).toBe('5');
    expect(await viaResponse.text()).toBe('');
  });

  it('closes the app body exactly once', async () => {
    let closes = 0;
    const app: App = (_e, sr) => {
      sr('200 OK', []);
      return (function* () {
        try {
          yield enc.encode('a');
        } finally {
          closes++;
        }
      })();
    };
    await new Client(app).get('/');
    expect(closes).toBe(1);
  });
});

describe('Client: errors and lint', () => {
  const boom: App = () => {
    throw new Error('kaboom');
  };

  it('answers 500 when the app throws, keeping the error for the test', async () => {
    const res = await new Client(boom).get('/');
    expect(res.statusCode).toBe(500);
    expect(await res.text()).toBe('Internal Server Error');
    expect((res.error as Error).message).toBe('kaboom');
    expect(res.errors).toContain('kaboom');
  });

  it('rethrows with throwErrors', async () => {
    await expect(new Client(boom, { throwErrors: true }).get('/')).rejects.toThrow('kaboom');
    const late: App = async function* (_e, sr) {
      sr('200 OK', []);
      yield enc.encode('part');
      throw new Error('late');
    };
    await expect(new Client(late, { throwErrors: true }).get('/')).rejects.toThrow('late');
  });

  it('marks a response aborted when the app fails after its headers', async () => {
    const late: App = async function* (_e, sr) {
      sr('200 OK', []);
      yield enc.encode('part');
      throw new Error('late');
    };
    const res = await new Client(late).get('/');
    expect(res.statusCode).toBe(200);
    expect(res.aborted).toBe(true);
    expect(await res.text()).toBe('part');
    expect((res.error as Error).message).toBe('late');
  });

  it('keeps what Request.application writes to tsgi.errors', async () => {
    const app = Request.application(() => {
      throw new TypeError('handler bug');
    });
    const res = await new Client(app).get('/');
    expect(res.statusCode).toBe(500);
    expect(res.errors).toContain('handler bug');
  });

  it('runs lint by default and throws the LintError even when the app swallowed it', async () => {
    const bad: App = (_e, sr) => {
      try {
        sr('200', [['Connection', 'close']]);
      } catch {
        // A careless app that would hide the problem.
      }
      return [];
    };
    const error = await new Client(bad).get('/').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LintError);
    expect((error as LintError).rule).toBe('6.2');
    const bytes: App = (_e, sr) => (sr('200 OK', []), ['text' as unknown as Uint8Array]);
    await expect(new Client(bytes).get('/')).rejects.toThrow(/rule 7\.2/);
  });

  it('can turn lint off', async () => {
    const app: App = (_e, sr) => (sr('200 OK', [['Content-Length', '9']]), [enc.encode('short')]);
    await expect(new Client(app).get('/')).rejects.toThrow(/rule 7\.5/);
    const res = await new Client(app, { lint: false }).get('/');
    expect(await res.text()).toBe('short');
  });
});

describe('Client: streaming', () => {
  it('reads a server-sent event stream chunk by chunk before it ends, and closes it', async () => {
    const produced: number[] = [];
    let finished = false;
    const events: App = async function* (_e, startResponse) {
      startResponse('200 OK', [['Content-Type', 'text/event-stream'], ['Cache-Control', 'no-cache']]);
      try {
        for (let i = 0; ; i++) {
          produced.push(i);
          yield enc.encode(`data: ${i}\n\n`);
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      } finally {
        finished = true;
      }
    };
    const res = await new Client(events).get('/events', { buffered: false });
    expect(res.headers.get('Content-Type')).toBe('text/event-stream');
    expect(res.isOpen).toBe(true);
    const seen: string[] = [];
    for await (const chunk of res.chunks()) {
      seen.push(new TextDecoder().decode(chunk));
      // The stream never ends: each event is produced only when the test pulls it.
      expect(produced.length).toBe(seen.length);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual(['data: 0\n\n', 'data: 1\n\n', 'data: 2\n\n']);
    expect(finished).toBe(true);
    expect(res.isOpen).toBe(false);
  });

  it('reads the rest of a streamed body with text(), and close() ends it early', async () => {
    const three: App = function* (_e, sr) {
      sr('200 OK', []);
      yield enc.encode('a');
      yield enc.encode('b');
      yield enc.encode('c');
    };
    const res = await new Client(three).get('/', { buffered: false });
    const first = await res.chunks().next();
    expect(new TextDecoder().decode(first.value as Uint8Array)).toBe('a');
    expect(await res.text()).toBe('bc');

    let closed = false;
    const endless: App = async function* (_e, sr) {
      sr('200 OK', []);
      try {
        for (;;) yield enc.encode('x');
      } finally {
        closed = true;
      }
    };
    const open = await new Client(endless).get('/', { buffered: false });
    await open.close();
    expect(closed).toBe(true);
  });
});

/** An app with cookie routes. */
const cookieApp = Request.application((req) => {
  const res = Response.json({ path: req.path, cookies: { ...req.cookies } });
  switch (req.path) {
    case '/login':
      res.setCookie('session', 'abc 123', { path: '/', httpOnly: true });
      res.setCookie('short', '1', { maxAge: 1 });
      res.setCookie('old', '1', { expires: new Date(Date.now() - 1000) });
      break;
    case '/admin/enter':
      res.setCookie('admin', 'yes', { path: '/admin' });
      break;
    case '/logout':
      res.deleteCookie('session', { path: '/' });
      break;
    case '/wide':
      res.setCookie('wide', '1', { domain: 'example.com', path: '/' });
      break;
    case '/foreign':
      res.setCookie('foreign', '1', { domain: 'other.org' });
      break;
  }
  return res;
});

async function cookiesSeen(client: Client, url: string): Promise<Record<string, string>> {
  return ((await (await client.get(url)).json()) as { cookies: Record<string, string> }).cookies;
}

describe('Client: cookies', () => {
  it('sends cookies back on later requests, honouring Path, Max-Age, Expires and deletion', async () => {
    const client = new Client(cookieApp);
    await client.get('/login');
    expect(await cookiesSeen(client, '/')).toEqual({ session: 'abc 123', short: '1' });
    await client.get('/admin/enter');
    expect(await cookiesSeen(client, '/admin/page')).toEqual({ admin: 'yes', session: 'abc 123', short: '1' });
    expect(await cookiesSeen(client, '/administrator')).not.toHaveProperty('admin');
    await client.get('/logout');
    expect(await cookiesSeen(client, '/')).toEqual({ short: '1' });
  });

  it('lets Max-Age cookies expire', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const client = new Client(cookieApp);
      await client.get('/login');
      const stored = client.cookies!.get('short')!;
      expect(stored.expires!.getTime() - Date.now()).toBe(1000);
      expect(await cookiesSeen(client, '/')).toEqual({ session: 'abc 123', short: '1' });
      vi.setSystemTime(Date.now() + 1500);
      expect(await cookiesSeen(client, '/')).toEqual({ session: 'abc 123' });
      expect(client.cookies!.get('short')).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('replaces a cookie set again and drops one set with a past Expires', async () => {
    const client = new Client(cookieApp);
    await client.get('/login');
    client.cookies!.set('session', 'new');
    expect(await cookiesSeen(client, '/')).toMatchObject({ session: 'new' });
    client.cookies!.set('short', '1', { expires: new Date(Date.now() - 1) });
    expect(await cookiesSeen(client, '/')).toEqual({ session: 'new' });
  });

  it('scopes cookies by domain: Domain cookies reach subdomains, host-only ones do not, foreign ones are refused', async () => {
    const client = new Client(cookieApp, { baseUrl: 'http://example.com' });
    await client.get('/login');
    await client.get('/wide');
    await client.get('/foreign');
    expect(await cookiesSeen(client, 'http://api.example.com/')).toEqual({ wide: '1' });
    expect(await cookiesSeen(client, '/')).toEqual({ session: 'abc 123', short: '1', wide: '1' });
    expect(client.cookies!.get('foreign')).toBeUndefined();
  });

  it('gives tests access to the jar: get, set, delete, forUrl, clear', async () => {
    const client = new Client(cookieApp);
    await client.get('/login');
    const session = client.cookies!.get('session', { domain: 'localhost', path: '/' })!;
    expect(session).toMatchObject({ name: 'session', value: 'abc 123', rawValue: 'abc%20123', httpOnly: true, hostOnly: true });
    client.cookies!.set('theme', 'dark mode', { path: '/' });
    expect(client.cookies!.forUrl('/')).toMatchObject({ theme: 'dark mode', session: 'abc 123' });
    expect(await cookiesSeen(client, '/')).toMatchObject({ theme: 'dark mode' });
    client.cookies!.delete('theme');
    expect(client.cookies!.get('theme')).toBeUndefined();
    client.cookies!.clear();
    expect(client.cookies!.all()).toEqual([]);
    expect(await cookiesSeen(client, '/')).toEqual({});
  });

  it('merges init.cookies with the jar, and keeps no jar with cookies: false', async () => {
    const client = new Client(cookieApp);
    await client.get('/login');
    expect(await (await client.get('/', { cookies: { extra: 'x' } })).json()).toMatchObject({
      cookies: { session: 'abc 123', short: '1', extra: 'x' },
    });
    const jarless = new Client(cookieApp, { cookies: false });
    await jarless.get('/login');
    expect(jarless.cookies).toBeNull();
    expect(await cookiesSeen(jarless, '/')).toEqual({});
  });
});

describe('Client: redirects', () => {
  /** Redirects `/r/<code>` to `/target` with that code; `/target` echoes the request. */
  const redirector: App = (environ: Environ, startResponse) => {
    const match = /^\/r\/(\d{3})$/.exec(environ.PATH_INFO);
    if (match) {
      startResponse(`${match[1]} Redirect`, [['Location', '/target?from=' + match[1]], ['Content-Length', '0']]);
      return [];
    }
    return echo(environ, startResponse);
  };

  it('does not follow unless asked', async () => {
    const res = await new Client(redirector).post('/r/302');
    expect(res.statusCode).toBe(302);
    expect(res.location).toBe('/target?from=302');
  });

  for (const code of [301, 302, 303]) {
    it(`${code}: POST becomes GET and the body and its headers are dropped`, async () => {
      const res = await new Client(redirector, { followRedirects: true }).post(`/r/${code}`, { form: { a: '1' } });
      expect(res.statusCode).toBe(200);
      expect(await res.json()).toMatchObject({ method: 'GET', path: '/target', args: { from: [String(code)] }, contentType: null });
      expect(res.history.map((hop) => hop.statusCode)).toEqual([code]);
      expect(res.history[0].request.method).toBe('POST');
    });
  }

  it('303 turns PUT into GET; 301 and 302 keep PUT; HEAD stays HEAD', async () => {
    const client = new Client(redirector, { followRedirects: true });
    expect(((await (await client.put('/r/303', { body: 'x' })).json()) as { method: string }).method).toBe('GET');
    expect(await (await client.put('/r/302', { body: 'x' })).json()).toMatchObject({ method: 'PUT', body: 'x' });
    expect((await client.head('/r/303')).request.method).toBe('HEAD');
  });

  for (const code of [307, 308]) {
    it(`${code}: method and body are kept`, async () => {
      const res = await new Client(redirector).post(`/r/${code}`, { json: { k: 1 }, followRedirects: true });
      expect(await res.json()).toMatchObject({ method: 'POST', path: '/target', body: '{"k":1}', contentType: 'application/json' });
    });
  }

  it('refuses to resend a streamed body on 307', async () => {
    async function* chunks() {
      yield 'once';
    }
    await expect(new Client(redirector, { followRedirects: true }).post('/r/307', { body: chunks() })).rejects.toThrow(
      /cannot resend a streamed request body/,
    );
  });

  it('does not follow redirects to another host', async () => {
    const away: App = (_e, sr) => (sr('302 Found', [['Location', 'https://evil.example/'], ['Content-Length', '0']]), []);
    const res = await new Client(away, { followRedirects: true }).get('/');
    expect(res.statusCode).toBe(302);
    expect(res.history).toEqual([]);
  });

  it('throws a clear error on a loop', async () => {
    const loop: App = (environ, sr) => {
      sr('302 Found', [['Location', environ.PATH_INFO === '/a' ? '/b' : '/a'], ['Content-Length', '0']]);
      return [];
    };
    await expect(new Client(loop, { followRedirects: true }).get('/a')).rejects.toThrow(
      /redirect loop: GET http:\/\/localhost\/a -> 302, GET http:\/\/localhost\/b -> 302, GET http:\/\/localhost\/a -> 302/,
    );
  });

  it('follows a redirect back to the same URL when a cookie changed (not a loop)', async () => {
    const gate = Request.application((req) => {
      if (req.cookies.seen) return new Response('welcome');
      const res = new Response('', { status: 302, headers: { Location: '/' } });
      res.setCookie('seen', '1');
      return res;
    });
    const res = await new Client(gate, { followRedirects: true }).get('/');
    expect(await res.text()).toBe('welcome');
    expect(res.history).toHaveLength(1);
  });

  it('throws past maxRedirects', async () => {
    const counter: App = (environ, sr) => {
      const n = Number(environ.PATH_INFO.slice(1)) || 0;
      sr('302 Found', [['Location', `/${n + 1}`], ['Content-Length', '0']]);
      return [];
    };
    await expect(new Client(counter, { followRedirects: true, maxRedirects: 3 }).get('/0')).rejects.toThrow(
      /more than 3 redirects/,
    );
    const ok = await new Client(redirector, { followRedirects: true, maxRedirects: 1 }).get('/r/301');
    expect(ok.statusCode).toBe(200);
  });
});
