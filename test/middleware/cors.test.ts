// Issue 18: the cors middleware (src/middleware/cors.ts), through the test client (lint on) and
// through the raw protocol where the test needs to see the body object or startResponse calls.
import { describe, expect, it } from 'vitest';
import type { App, Environ, HeaderList } from '../../src/gateway.js';
import { cors } from '../../src/middleware/index.js';
import { Client } from '../../src/adapters/test/index.js';
import { Request, Response } from '../../src/index.js';
import { header, rawEnviron, runRaw } from '../support/raw.js';

const SITE = 'https://app.example.com';

/** An app that records its calls and answers with `headers`. */
function recorder(headers: Record<string, string> = {}) {
  const calls: string[] = [];
  const app = Request.application((req) => {
    calls.push(`${req.method} ${req.path}`);
    return new Response('ok', { headers });
  });
  return { app, calls };
}

function accessControl(res: { headers: Iterable<[string, string]> }): string[] {
  return [...res.headers].map(([name]) => name.toLowerCase()).filter((name) => name.startsWith('access-control-'));
}

const preflight = (origin: string, method = 'PUT', requestHeaders?: string) => ({
  headers: {
    Origin: origin,
    'Access-Control-Request-Method': method,
    ...(requestHeaders === undefined ? {} : { 'Access-Control-Request-Headers': requestHeaders }),
  },
});

describe('cors: options checked when built', () => {
  const app: App = (_e, start) => {
    start('204 No Content', []);
    return [];
  };

  it("throws for origins '*' with credentials: true", () => {
    expect(() => cors(app, { origins: '*', credentials: true })).toThrow(
      /cors: origins '\*' with credentials: true is refused: browsers reject '\*' on credentialed requests/,
    );
  });

  it('requires origins: nothing is opened by default', () => {
    // @ts-expect-error: origins is required.
    expect(() => cors(app, {})).toThrow("cors: the origins option is required: '*', a list of origins, or a function of the origin");
    // @ts-expect-error: options are required.
    expect(() => cors(app)).toThrow('cors: the origins option is required');
  });

  it('says why a listed origin is not one', () => {
    expect(() => cors(app, { origins: ['https://app.example.com/'] })).toThrow(
      `cors: origins[0] "https://app.example.com/" ends with a slash: an origin has no path (write 'https://app.example.com')`,
    );
    expect(() => cors(app, { origins: [SITE, 'https://app.example.com/api'] })).toThrow('cors: origins[1] "https://app.example.com/api" has a path');
    expect(() => cors(app, { origins: ['app.example.com'] })).toThrow('is not scheme://host[:port]');
    expect(() => cors(app, { origins: ['https://app.example.com.'] })).toThrow('ends with a dot');
    expect(() => cors(app, { origins: ['https://*.example.com'] })).toThrow('malformed host');
    expect(() => cors(app, { origins: [SITE, '*'] })).toThrow("cors: '*' cannot be listed among origins; write origins: '*' to allow any origin");
    // @ts-expect-error: one origin is a list of one.
    expect(() => cors(app, { origins: SITE })).toThrow(`for one origin write origins: ["${SITE}"]`);
    // @ts-expect-error: regular expressions are not accepted.
    expect(() => cors(app, { origins: [/example\.com/] })).toThrow('cors: origins[0] must be a string, got object');
  });

  it('checks methods, header names and maxAge', () => {
    expect(() => cors(app, { origins: [SITE], methods: ['GET', 'PU T'] })).toThrow('cors: methods[1] "PU T" is not a valid method');
    expect(() => cors(app, { origins: [SITE], allowHeaders: ['X-A', 'X-B\r\n'] })).toThrow('is not a valid header name');
    expect(() => cors(app, { origins: [SITE], exposeHeaders: ['a,b'] })).toThrow('cors: exposeHeaders[0] "a,b" is not a valid header name');
    expect(() => cors(app, { origins: [SITE], credentials: true, exposeHeaders: ['*'] })).toThrow(
      `cors: '*' in exposeHeaders means "any" only without credentials`,
    );
    expect(() => cors(app, { origins: [SITE], credentials: true, allowHeaders: ['*'] })).toThrow("'*' in allowHeaders");
    expect(() => cors(app, { origins: [SITE], credentials: true, methods: ['*'] })).toThrow("'*' in methods");
    expect(() => cors(app, { origins: [SITE], maxAge: -1 })).toThrow('cors: maxAge must be a whole number of seconds (0 or more), got -1');
    expect(() => cors(app, { origins: [SITE], maxAge: 1.5 })).toThrow('maxAge');
    // @ts-expect-error: a typo.
    expect(() => cors(app, { origins: [SITE], credential: true })).toThrow("cors: unknown option 'credential' (did you mean 'credentials'?)");
    expect(() =>
      cors(app, { origins: '*', credentials: false, methods: ['*'], allowHeaders: ['*'], exposeHeaders: ['*'], maxAge: 0 }),
    ).not.toThrow();
  });
});

describe('cors: simple requests', () => {
  it('echoes an allowed origin, with credentials and exposed headers, and the app runs', async () => {
    const { app, calls } = recorder({ 'X-Request-Id': '7' });
    const client = new Client(cors(app, { origins: [SITE], credentials: true, exposeHeaders: ['X-Request-Id'] }));
    const res = await client.get('/data', { headers: { Origin: SITE } });
    expect(await res.text()).toBe('ok');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(SITE);
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBe('true');
    expect(res.headers.get('Access-Control-Expose-Headers')).toBe('X-Request-Id');
    expect(res.headers.get('Vary')).toBe('Origin');
    expect(res.headers.get('Access-Control-Allow-Methods')).toBeUndefined(); // preflight-only headers
    expect(calls).toEqual(['GET /data']);
  });

  it('gives a refused origin no CORS headers, but Vary: Origin; the app still runs', async () => {
    const { app, calls } = recorder();
    const client = new Client(cors(app, { origins: [SITE], credentials: true }));
    const res = await client.post('/data', { headers: { Origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(200);
    expect(accessControl(res)).toEqual([]);
    expect(res.headers.get('Vary')).toBe('Origin');
    expect(calls).toEqual(['POST /data']);
  });

  it('adds Vary: Origin to requests without Origin too (the answer depends on it)', async () => {
    const { app } = recorder();
    const res = await new Client(cors(app, { origins: [SITE] })).get('/');
    expect(accessControl(res)).toEqual([]);
    expect(res.headers.get('Vary')).toBe('Origin');
  });

  it('refuses lookalikes of a listed origin', async () => {
    const { app } = recorder();
    const client = new Client(cors(app, { origins: ['https://example.com'] }));
    for (const origin of [
      'https://example.com.evil.net',
      'https://example.com.',
      'https://evil-example.com',
      'https://notexample.com',
      'https://sub.example.com',
      'http://example.com',
      'https://example.com:8443',
      'https://example.com/',
      'https://example.com@evil.net',
      'https://example.com, https://evil.net',
      'null',
      '*',
      '',
    ]) {
      const res = await client.get('/', { headers: { Origin: origin } });
      expect(accessControl(res), origin).toEqual([]);
      expect(res.headers.get('Vary'), origin).toBe('Origin');
    }
  });

  it('matches case and default-port variants, and echoes the origin as sent', async () => {
    const { app } = recorder();
    const client = new Client(cors(app, { origins: ['HTTPS://Example.com:443', 'http://localhost:5173'] }));
    for (const origin of ['https://example.com', 'https://EXAMPLE.com', 'https://example.com:443', 'http://localhost:5173']) {
      const res = await client.get('/', { headers: { Origin: origin } });
      expect(res.headers.get('Access-Control-Allow-Origin'), origin).toBe(origin);
    }
    const other = await client.get('/', { headers: { Origin: 'http://localhost:5174' } });
    expect(other.headers.get('Access-Control-Allow-Origin')).toBeUndefined();
  });

  it("allows the null origin only when listed ('*' covers it)", async () => {
    const { app } = recorder();
    const listed = await new Client(cors(app, { origins: [SITE, 'null'] })).get('/', { headers: { Origin: 'null' } });
    expect(listed.headers.get('Access-Control-Allow-Origin')).toBe('null');
    const star = await new Client(cors(app, { origins: '*' })).get('/', { headers: { Origin: 'null' } });
    expect(star.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const predicate = await new Client(cors(app, { origins: (origin) => origin.endsWith('.example.com') })).get('/', {
      headers: { Origin: 'null' },
    });
    expect(predicate.headers.get('Access-Control-Allow-Origin')).toBeUndefined();
  });

  it("answers '*' on every response, with no Vary", async () => {
    const { app } = recorder();
    const client = new Client(cors(app, { origins: '*', exposeHeaders: ['X-Total'] }));
    for (const headers of [{ Origin: 'https://anyone.example' }, {}] as Array<Record<string, string>>) {
      const res = await client.get('/', { headers });
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
      expect(res.headers.get('Access-Control-Expose-Headers')).toBe('X-Total');
      expect(res.headers.get('Access-Control-Allow-Credentials')).toBeUndefined();
      expect(res.headers.get('Vary')).toBeUndefined();
    }
  });

  it('merges Vary without clobbering it', async () => {
    const cases: Array<[string, string]> = [
      ['Accept-Encoding', 'Accept-Encoding, Origin'],
      ['accept-encoding, origin', 'accept-encoding, origin'],
      ['*', '*'],
    ];
    for (const [given, expected] of cases) {
      const { app } = recorder({ Vary: given });
      const client = new Client(cors(app, { origins: [SITE] }));
      for (const origin of [SITE, 'https://evil.example']) {
        const res = await client.get('/', { headers: { Origin: origin } });
        expect(res.headers.getAll('Vary'), `${given} / ${origin}`).toEqual([expected]);
      }
    }
  });

  it("keeps the app's own CORS headers", async () => {
    const { app } = recorder({ 'Access-Control-Allow-Origin': '*' });
    const res = await new Client(cors(app, { origins: [SITE], credentials: true })).get('/', { headers: { Origin: SITE } });
    expect(res.headers.getAll('Access-Control-Allow-Origin')).toEqual(['*']);
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBeUndefined();
    expect(res.headers.get('Vary')).toBe('Origin');
  });
});

describe('cors: origin functions', () => {
  it('get the normalised origin and the environ; only true allows', async () => {
    const seen: Array<[string, string]> = [];
    const { app } = recorder();
    const mw = cors(app, {
      origins: (origin, environ) => {
        seen.push([origin, environ.PATH_INFO]);
        return origin === 'https://tenant.example.com' && environ.PATH_INFO.startsWith('/api/');
      },
    });
    const client = new Client(mw);
    const ok = await client.get('/api/x', { headers: { Origin: 'https://Tenant.example.com:443' } });
    expect(ok.headers.get('Access-Control-Allow-Origin')).toBe('https://Tenant.example.com:443');
    const wrongPath = await client.get('/admin', { headers: { Origin: 'https://tenant.example.com' } });
    expect(wrongPath.headers.get('Access-Control-Allow-Origin')).toBeUndefined();
    const malformed = await client.get('/api/x', { headers: { Origin: 'https://tenant.example.com/' } });
    expect(malformed.headers.get('Access-Control-Allow-Origin')).toBeUndefined();
    expect(seen).toEqual([
      ['https://tenant.example.com', '/api/x'],
      ['https://tenant.example.com', '/admin'],
    ]); // the malformed origin never reached the function
  });

  it('may answer asynchronously; a truthy non-boolean refuses', async () => {
    const { app, calls } = recorder();
    const asyncMw = cors(app, { origins: async (origin) => origin === SITE });
    const res = await new Client(asyncMw).get('/', { headers: { Origin: SITE } });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(SITE);
    const pre = await new Client(asyncMw).options('/', preflight(SITE));
    expect(pre.statusCode).toBe(204);
    expect(pre.headers.get('Access-Control-Allow-Origin')).toBe(SITE);
    expect(calls).toEqual(['GET /']);
    const sloppy = cors(app, { origins: (() => 'yes') as unknown as () => boolean });
    const refused = await new Client(sloppy).get('/', { headers: { Origin: SITE } });
    expect(refused.headers.get('Access-Control-Allow-Origin')).toBeUndefined();
  });
});

describe('cors: preflights', () => {
  it('answers an allowed preflight with 204 and the configured headers, without calling the app', async () => {
    const { app, calls } = recorder();
    const client = new Client(cors(app, { origins: [SITE], credentials: true, maxAge: 600 }));
    const res = await client.options('/data', preflight(SITE, 'PUT', 'content-type,x-api-key'));
    expect(res.statusCode).toBe(204);
    expect(await res.text()).toBe('');
    expect(Object.fromEntries([...res.headers].map(([k, v]) => [k.toLowerCase(), v]))).toEqual({
      'access-control-allow-origin': SITE,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE',
      'access-control-allow-headers': 'content-type, x-api-key',
      'access-control-max-age': '600',
      vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
    });
    expect(calls).toEqual([]);
  });

  it('sends a fixed allowHeaders list and custom methods as given', async () => {
    const { app } = recorder();
    const client = new Client(cors(app, { origins: [SITE], methods: ['GET', 'PUT'], allowHeaders: ['Content-Type', 'Authorization'] }));
    const res = await client.options('/', preflight(SITE, 'PUT', 'x-other'));
    expect(res.headers.get('Access-Control-Allow-Methods')).toBe('GET, PUT');
    expect(res.headers.get('Access-Control-Allow-Headers')).toBe('Content-Type, Authorization');
    expect(res.headers.get('Access-Control-Max-Age')).toBeUndefined();
    expect(res.headers.get('Vary')).toBe('Origin, Access-Control-Request-Method');
  });

  it("answers a refused origin's preflight with no CORS headers, without calling the app", async () => {
    const { app, calls } = recorder();
    const client = new Client(cors(app, { origins: [SITE], credentials: true }));
    for (const origin of ['https://evil.example', 'https://app.example.com.evil.net', 'null', 'https://app.example.com/']) {
      const res = await client.options('/data', preflight(origin, 'DELETE', 'x-api-key'));
      expect(res.statusCode, origin).toBe(204);
      expect(accessControl(res), origin).toEqual([]);
      expect(res.headers.get('Vary'), origin).toBe('Origin, Access-Control-Request-Method, Access-Control-Request-Headers');
    }
    expect(calls).toEqual([]);
  });

  it('lets OPTIONS without Access-Control-Request-Method, or without Origin, reach the app', async () => {
    const { app, calls } = recorder({ Allow: 'GET, OPTIONS' });
    const client = new Client(cors(app, { origins: [SITE] }));
    const withOrigin = await client.options('/a', { headers: { Origin: SITE } });
    expect(withOrigin.statusCode).toBe(200);
    expect(withOrigin.headers.get('Allow')).toBe('GET, OPTIONS');
    expect(withOrigin.headers.get('Access-Control-Allow-Origin')).toBe(SITE); // an ordinary CORS request
    expect(withOrigin.headers.get('Access-Control-Allow-Methods')).toBeUndefined();
    const noOrigin = await client.options('/b', { headers: { 'Access-Control-Request-Method': 'PUT' } });
    expect(noOrigin.statusCode).toBe(200);
    expect(accessControl(noOrigin)).toEqual([]);
    expect(calls).toEqual(['OPTIONS /a', 'OPTIONS /b']);
  });

  it("answers '*' preflights with *", async () => {
    const { app } = recorder();
    const res = await new Client(cors(app, { origins: '*', allowHeaders: ['*'], methods: ['*'] })).options('/', preflight('https://x.example'));
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Access-Control-Allow-Methods')).toBe('*');
    expect(res.headers.get('Access-Control-Allow-Headers')).toBe('*');
    expect(res.headers.get('Vary')).toBe('Origin, Access-Control-Request-Method');
  });

  it('reflects no headers from a 16 KB Access-Control-Request-Headers, quickly', async () => {
    const { app } = recorder();
    const client = new Client(cors(app, { origins: [SITE] }));
    const huge = Array.from({ length: 2000 }, (_, i) => `x-h${i}`).join(',').slice(0, 16 * 1024);
    const started = performance.now();
    const res = await client.options('/', preflight(SITE, 'PUT', huge));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(res.statusCode).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(SITE);
    expect(res.headers.get('Access-Control-Allow-Headers')).toBeUndefined(); // the browser refuses
    const hundred = Array.from({ length: 100 }, (_, i) => `x-h${i}`).join(',');
    const ok = await client.options('/', preflight(SITE, 'PUT', hundred));
    expect(ok.headers.get('Access-Control-Allow-Headers')?.split(', ')).toHaveLength(100);
  });
});

describe('cors: the body passes through', () => {
  it('returns the app body object itself, and adds headers when the app starts its response lazily', async () => {
    let pulled = 0;
    const body = (async function* () {
      pulled++;
      yield new TextEncoder().encode('one');
      pulled++;
      yield new TextEncoder().encode('two');
    })();
    const app: App = (_environ, start) => {
      // The app starts its response from inside its body, before the first chunk.
      return (async function* () {
        start('200 OK', [['Content-Type', 'text/plain'], ['Vary', 'Accept']]);
        yield* body;
      })();
    };
    const seen: HeaderList[] = [];
    const wrapped = cors(app, { origins: [SITE] });
    const environ: Environ = rawEnviron({ HTTP_ORIGIN: SITE });
    const out = await wrapped(environ, (_s, h) => void seen.push(h));
    const it = (out as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    const first = await it.next();
    expect(new TextDecoder().decode(first.value)).toBe('one');
    expect(pulled).toBe(1); // nothing read ahead
    expect(seen).toEqual([[['Content-Type', 'text/plain'], ['Vary', 'Accept, Origin'], ['Access-Control-Allow-Origin', SITE]]]);
    await it.return?.();

    const direct: App = (_environ, start) => {
      start('200 OK', []);
      return body;
    };
    expect(await cors(direct, { origins: [SITE] })(rawEnviron({ HTTP_ORIGIN: SITE }), () => {})).toBe(body);
  });

  it('adds the headers to an error page started after an error, too', async () => {
    const app: App = (_environ, start) => {
      start('200 OK', [['Content-Type', 'text/plain']]);
      start('500 Internal Server Error', [['Content-Type', 'text/plain']], new Error('boom'));
      return [new TextEncoder().encode('failed')];
    };
    const calls: Array<[string, HeaderList, unknown]> = [];
    await cors(app, { origins: [SITE] })(rawEnviron({ HTTP_ORIGIN: SITE }), (s, h, e) => void calls.push([s, h, e]));
    expect(calls.map(([s, h, e]) => [s, header(h, 'Access-Control-Allow-Origin'), header(h, 'Vary'), e instanceof Error])).toEqual([
      ['200 OK', SITE, 'Origin', false],
      ['500 Internal Server Error', SITE, 'Origin', true],
    ]);
  });

  it('runs under the raw protocol for a preflight: one startResponse, an empty body', async () => {
    const wrapped = cors(recorder().app, { origins: [SITE] });
    const result = await runRaw(wrapped, rawEnviron({ REQUEST_METHOD: 'OPTIONS', HTTP_ORIGIN: SITE, HTTP_ACCESS_CONTROL_REQUEST_METHOD: 'PUT' }));
    expect([result.status, result.calls, result.text]).toEqual(['204 No Content', 1, '']);
  });
});
