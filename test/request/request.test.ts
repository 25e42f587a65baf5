import { describe, expect, it } from 'vitest';
import { Request } from '../../src/request/request.js';
import { HTTPException } from '../../src/errors.js';
import { rawEnviron } from '../support/raw.js';

function req(overrides: Parameters<typeof rawEnviron>[0] = {}, body: Array<string | Uint8Array> = []): Request {
  return new Request(rawEnviron(overrides, body));
}

async function status(promise: Promise<unknown> | (() => unknown)): Promise<number> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (error instanceof HTTPException) return error.code;
    throw error;
  }
  return 200;
}

describe('Request: request line and URL', () => {
  it('reads method, scheme and paths', () => {
    const r = req({ REQUEST_METHOD: 'post', SCRIPT_NAME: '/app/', PATH_INFO: '/users/ü', QUERY_STRING: 'a=1' });
    expect(r.method).toBe('POST');
    expect(r.scheme).toBe('http');
    expect(r.isSecure).toBe(false);
    expect(r.path).toBe('/users/ü');
    expect(r.rootPath).toBe('/app');
    expect(r.fullPath).toBe('/users/ü?a=1');
    expect(r.queryString).toBe('a=1');
  });

  it('upper-cases the method only when it has lower-case letters, and keeps extension methods', () => {
    const get = 'GET';
    expect(req({ REQUEST_METHOD: get }).method).toBe(get);
    expect(req({ REQUEST_METHOD: 'Patch' }).method).toBe('PATCH');
    expect(req({ REQUEST_METHOD: 'M-SEARCH' }).method).toBe('M-SEARCH');
    expect(req({ REQUEST_METHOD: 'propfind' }).method).toBe('PROPFIND');
    expect(req({ REQUEST_METHOD: 'PURGE' }).method).toBe('PURGE');
  });

  it('builds URLs quoted as URIs (IRI to URI)', () => {
    const r = req({ HTTP_HOST: 'example.com', SCRIPT_NAME: '/app', PATH_INFO: '/a b/ü?#', QUERY_STRING: 'q=ü x' });
    expect(r.url).toBe('http://example.com/app/a%20b/%C3%BC%3F%23?q=%C3%BC%20x');
    expect(r.baseUrl).toBe('http://example.com/app/a%20b/%C3%BC%3F%23');
    expect(r.rootUrl).toBe('http://example.com/app/');
    expect(r.hostUrl).toBe('http://example.com/');
    expect(req({ PATH_INFO: '' }).path).toBe('/');
    expect(req({ PATH_INFO: '//x' }).path).toBe('/x');
  });

  it('drops the default port and keeps others', () => {
    expect(req({ HTTP_HOST: 'example.com:80' }).host).toBe('example.com');
    expect(req({ HTTP_HOST: 'example.com:443', 'tsgi.url_scheme': 'https' }).host).toBe('example.com');
    expect(req({ HTTP_HOST: 'example.com:8080' }).host).toBe('example.com:8080');
    expect(req({ SERVER_NAME: 'srv', SERVER_PORT: '8000' }).host).toBe('srv:8000');
    expect(req({ SERVER_NAME: 'srv', SERVER_PORT: '80' }).host).toBe('srv');
    expect(req({ HTTP_HOST: '[::1]:8000' }).host).toBe('[::1]:8000');
    expect(req({ SERVER_NAME: '::1', SERVER_PORT: '8000' }).host).toBe('[::1]:8000');
  });

  it.each(['exa mple.com', 'a/b', 'a@b', 'x:99999999', 'a\\b', '[zz]', 'a'.repeat(300)])('answers 400 for Host %j', async (host) => {
    expect(await status(() => req({ HTTP_HOST: host }).host)).toBe(400);
  });

  it('checks trusted hosts', async () => {
    const r = req({ HTTP_HOST: 'api.example.com' });
    r.trustedHosts = ['.example.com'];
    expect(r.host).toBe('api.example.com');
    const bad = req({ HTTP_HOST: 'evil.com' });
    bad.trustedHosts = ['example.com', '.example.com'];
    expect(await status(() => bad.host)).toBe(400);
    class Strict extends Request {
      override trustedHosts = ['localhost'];
    }
    expect(new Strict(rawEnviron({ HTTP_HOST: 'localhost:8000' })).host).toBe('localhost:8000');
    expect(await status(() => new Strict(rawEnviron({ HTTP_HOST: 'example.org' })).host)).toBe(400);
  });
});

describe('Request: query', () => {
  it('parses flat args keeping order, repeats and blanks', () => {
    const args = req({ QUERY_STRING: 'b=2&a=1&a=&c&d=x+y&e=%E2%82%AC' }).args;
    expect([...args]).toEqual([['b', '2'], ['a', '1'], ['a', ''], ['c', ''], ['d', 'x y'], ['e', '€']]);
  });

  it('tolerates invalid percent-encoding', () => {
    const args = req({ QUERY_STRING: 'a=%zz&b=%&c=%E2%82&d=100%' }).args;
    expect(args.get('a')).toBe('%zz');
    expect(args.get('b')).toBe('%');
    expect(args.get('c')).toBe('\uFFFD');
    expect(args.get('d')).toBe('100%');
  });

  it('parses nested query with qs, immune to prototype pollution', () => {
    expect(req({ QUERY_STRING: 'user[name]=Ada&tags[]=a&tags[]=b' }).query).toEqual({ user: { name: 'Ada' }, tags: ['a', 'b'] });
    for (const hostile of ['a[__proto__][x]=1', '__proto__[polluted]=1', 'constructor[prototype][polluted]=1', 'a[constructor][prototype][polluted]=1']) {
      const query = req({ QUERY_STRING: hostile }).query;
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).x).toBeUndefined();
      expect(Object.getPrototypeOf(query)).toBeNull();
    }
  });

  it('answers 400 past the qs depth and parameter limits, and 414 for a long query', async () => {
    expect(await status(() => req({ QUERY_STRING: 'a[b][c][d][e][f][g]=1' }).query)).toBe(400);
    const many = Array.from({ length: 10_000 }, (_, i) => `p${i}=1`).join('&');
    const started = performance.now();
    expect(await status(() => req({ QUERY_STRING: many.slice(0, 16000) }).query)).toBe(400);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(await status(() => req({ QUERY_STRING: many }).args)).toBe(414);
    expect(await status(() => req({ QUERY_STRING: many }).query)).toBe(414);
    const r = req({ QUERY_STRING: many });
    r.maxQueryLength = 1 << 20;
    expect(r.args.size).toBe(10_000);
  });
});

describe('Request: headers and cookies', () => {
  it('reads headers through a read-only view', () => {
    const r = req({ HTTP_USER_AGENT: 'curl/8', HTTP_REFERER: 'http://a/', HTTP_ORIGIN: 'http://a', REMOTE_ADDR: '10.0.0.1' });
    expect(r.headers.get('user-agent')).toBe('curl/8');
    expect(r.userAgent).toBe('curl/8');
    expect(r.referrer).toBe('http://a/');
    expect(r.origin).toBe('http://a');
    expect(r.remoteAddr).toBe('10.0.0.1');
    expect(r.accessRoute).toEqual(['10.0.0.1']);
    expect(req({ HTTP_X_FORWARDED_FOR: '1.1.1.1, 2.2.2.2', REMOTE_ADDR: '3.3.3.3' }).accessRoute).toEqual(['1.1.1.1', '2.2.2.2']);
  });

  it('parses content type, length and JSON-ness', () => {
    const r = req({ CONTENT_TYPE: 'Application/JSON; charset=UTF-8', CONTENT_LENGTH: '12' });
    expect(r.mimetype).toBe('application/json');
    expect(r.mimetypeParams.charset).toBe('UTF-8');
    expect(r.contentLength).toBe(12);
    expect(r.isJson).toBe(true);
    expect(req({ CONTENT_TYPE: 'application/vnd.api+json' }).isJson).toBe(true);
    expect(req({ CONTENT_TYPE: 'text/plain' }).isJson).toBe(false);
    expect(req({ CONTENT_LENGTH: '-1' }).contentLength).toBeUndefined();
    expect(req({ CONTENT_TYPE: 'garbage;;;=' }).mimetype).toBe('garbage');
  });

  it('parses cookies: first value wins, malformed pairs tolerated', () => {
    const r = req({ HTTP_COOKIE: 'a=1; b=two%20words; a=2; =nameless; broken; c="quoted"; d=%zz' });
    expect(r.cookies.a).toBe('1');
    expect(r.cookies.b).toBe('two words');
    expect(r.cookies.d).toBe('%zz');
    expect(Object.keys(r.cookies)).not.toContain('');
  });

  it('caps cookies at 3000 pairs in linear time', () => {
    const header = Array.from({ length: 100_000 }, (_, i) => `k${i}=v`).join('; ');
    const started = performance.now();
    const cookies = req({ HTTP_COOKIE: header }).cookies;
    expect(performance.now() - started).toBeLessThan(2000);
    expect(Object.keys(cookies)).toHaveLength(3000);
  });
});

describe('Request: body', () => {
  it('reads bytes, text and JSON, mixing readers', async () => {
    const r = req({ REQUEST_METHOD: 'POST', CONTENT_TYPE: 'application/json', CONTENT_LENGTH: '11' }, ['{"a":', '[1,2]}']);
    expect(await r.json()).toEqual({ a: [1, 2] });
    expect(await r.text()).toBe('{"a":[1,2]}');
    expect((await r.bytes()).byteLength).toBe(11);
  });

  it('stops at Content-Length and answers 400 for a short body', async () => {
    const r = req({ CONTENT_LENGTH: '3' }, ['abcdef']);
    expect(await r.text()).toBe('abc');
    expect(await status(req({ CONTENT_LENGTH: '10' }, ['abc']).bytes())).toBe(400);
    expect(await status(req({ CONTENT_LENGTH: '1,1' }, ['a']).bytes())).toBe(400);
    expect(await status(req({ CONTENT_LENGTH: '+1' }, ['a']).bytes())).toBe(400);
  });

  it('enforces maxContentLength on bytes read (413), with or without Content-Length', async () => {
    const declared = req({ CONTENT_LENGTH: '100' }, ['x'.repeat(100)]);
    declared.maxContentLength = 10;
    expect(await status(declared.bytes())).toBe(413);
    let pulled = 0;
    const environ = rawEnviron();
    environ['tsgi.input'] = (async function* () {
      for (;;) {
        pulled++;
        yield new Uint8Array(1024);
      }
    })();
    const endless = new Request(environ);
    endless.maxContentLength = 10 * 1024;
    expect(await status(endless.bytes())).toBe(413);
    expect(pulled).toBe(11);
  });

  it('limits buffered readers to maxBufferSize', async () => {
    const r = req({ CONTENT_TYPE: 'text/plain' }, ['x'.repeat(2000)]);
    r.maxBufferSize = 1000;
    expect(await status(r.text())).toBe(413);
  });

  it('decodes text with the declared charset; unknown charsets are a 415', async () => {
    expect(await req({ CONTENT_TYPE: 'text/plain; charset=latin1' }, [new Uint8Array([0xe9])]).text()).toBe('é');
    expect(await status(req({ CONTENT_TYPE: 'text/plain; charset=nope' }, ['x']).text())).toBe(415);
  });

  it('answers 415 for JSON of another type and 400 for malformed or polluting JSON', async () => {
    expect(await status(req({ CONTENT_TYPE: 'text/plain' }, ['{}']).json())).toBe(415);
    expect(await status(req({}, ['{}']).json())).toBe(415);
    expect(await status(req({ CONTENT_TYPE: 'application/json' }, ['{"a":']).json())).toBe(400);
    expect(await status(req({ CONTENT_TYPE: 'application/json' }, ['{"__proto__":{"x":1}}']).json())).toBe(400);
    expect(await status(req({ CONTENT_TYPE: 'application/json' }, ['[{"\\u005f_proto__":{"x":1}}]']).json())).toBe(400);
    expect(await status(req({ CONTENT_TYPE: 'application/json' }, ['{"constructor":{"prototype":{"x":1}}}']).json())).toBe(400);
    expect(await req({ CONTENT_TYPE: 'application/json' }, ['{"prototype":1,"text":"\\u0041"}']).json()).toEqual({ prototype: 1, text: 'A' });
  });

  it('parses urlencoded forms and combines values', async () => {
    const r = req({ REQUEST_METHOD: 'POST', QUERY_STRING: 'q=1', CONTENT_TYPE: 'application/x-www-form-urlencoded' }, ['name=Ada+L&lang=en&lang=fr']);
    const form = await r.form();
    expect(form.get('name')).toBe('Ada L');
    expect(form.getAll('lang')).toEqual(['en', 'fr']);
    expect([...(await r.values())]).toEqual([['q', '1'], ['name', 'Ada L'], ['lang', 'en'], ['lang', 'fr']]);
    expect((await req({ CONTENT_TYPE: 'text/plain' }, ['a=1']).form()).size).toBe(0);
  });

  it('answers 413 for too many urlencoded fields', async () => {
    const r = req({ CONTENT_TYPE: 'application/x-www-form-urlencoded' }, [Array.from({ length: 2000 }, () => 'a=1').join('&')]);
    expect(await status(r.form())).toBe(413);
  });

  it('streams the body, and refuses a second read of a consumed stream', async () => {
    const r = req({ CONTENT_LENGTH: '6' }, ['abc', 'def']);
    const chunks: string[] = [];
    for await (const chunk of r.stream) chunks.push(new TextDecoder().decode(chunk));
    expect(chunks.join('')).toBe('abcdef');
    // The app's mistake, not the client's: a TypeError (a 500), not a 400.
    await expect(r.bytes()).rejects.toThrow(TypeError);
    const buffered = req({}, ['xyz']);
    await buffered.bytes();
    const replay: Uint8Array[] = [];
    for await (const chunk of buffered.stream) replay.push(chunk);
    expect(new TextDecoder().decode(replay[0])).toBe('xyz');
  });
});
