import { describe, expect, it } from 'vitest';
import { createEnviron } from '../../src/request/create-environ.js';
import { encodeMultipart } from '../../src/request/encode-form.js';
import { Headers } from '../../src/datastructures/headers.js';
import { MultiDict } from '../../src/datastructures/multidict.js';
import { lint } from '../../src/middleware/lint.js';
import type { Environ } from '../../src/gateway.js';

async function readInput(environ: Environ): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of environ['tsgi.input']) chunks.push(chunk);
  return new TextDecoder().decode(Buffer.concat(chunks));
}

describe('createEnviron: URL', () => {
  it('builds a full environ for a relative URL against http://localhost/', () => {
    const environ = createEnviron('/a/b?x=1&y=2');
    expect(environ).toMatchObject({
      REQUEST_METHOD: 'GET',
      SCRIPT_NAME: '',
      PATH_INFO: '/a/b',
      QUERY_STRING: 'x=1&y=2',
      REQUEST_URI: '/a/b?x=1&y=2',
      SERVER_NAME: 'localhost',
      SERVER_PORT: '80',
      SERVER_PROTOCOL: 'HTTP/1.1',
      HTTP_HOST: 'localhost',
      REMOTE_ADDR: '127.0.0.1',
      'tsgi.url_scheme': 'http',
    });
    expect(environ['tsgi.version']).toEqual([1, 0]);
    expect(environ.CONTENT_LENGTH).toBeUndefined();
    expect(environ.CONTENT_TYPE).toBeUndefined();
  });

  it('takes scheme, host and port from an absolute URL; drops the fragment and userinfo', () => {
    const environ = createEnviron('https://user:pw@Example.COM:8443/p?q#frag');
    expect(environ['tsgi.url_scheme']).toBe('https');
    expect(environ.SERVER_NAME).toBe('example.com');
    expect(environ.SERVER_PORT).toBe('8443');
    expect(environ.HTTP_HOST).toBe('example.com:8443');
    expect(environ.PATH_INFO).toBe('/p');
    expect(environ.QUERY_STRING).toBe('q');
    expect(createEnviron('https://example.com').SERVER_PORT).toBe('443');
    expect(createEnviron('https://example.com').PATH_INFO).toBe('/');
    expect(createEnviron('https://example.com:443/').HTTP_HOST).toBe('example.com');
  });

  it('writes IPv6 hosts without brackets in SERVER_NAME and with them in Host', () => {
    const environ = createEnviron('http://[::1]:8080/');
    expect(environ.SERVER_NAME).toBe('::1');
    expect(environ.HTTP_HOST).toBe('[::1]:8080');
  });

  it('treats a path without a leading slash as relative to /', () => {
    expect(createEnviron('x/y').PATH_INFO).toBe('/x/y');
    expect(createEnviron('').PATH_INFO).toBe('/');
  });

  it('rejects schemes other than http and https, and bad ports', () => {
    expect(() => createEnviron('ftp://example.com/')).toThrow(TypeError);
    expect(() => createEnviron('http://example.com:99999/')).toThrow(TypeError);
    expect(() => createEnviron('http://:80/')).toThrow(TypeError);
  });

  it('percent-decodes PATH_INFO as UTF-8 and keeps the raw target in REQUEST_URI', () => {
    const environ = createEnviron('/caf%C3%A9/a%2Fb/%FF/%E2%82/%zz');
    expect(environ.PATH_INFO).toBe('/café/a/b/%FF/%E2%82/%zz');
    expect(environ.REQUEST_URI).toBe('/caf%C3%A9/a%2Fb/%FF/%E2%82/%zz');
  });

  it('encodes characters a browser would encode, then decodes them for PATH_INFO', () => {
    const environ = createEnviron('/naïve path?q=é x');
    expect(environ.REQUEST_URI).toBe('/na%C3%AFve%20path?q=%C3%A9%20x');
    expect(environ.PATH_INFO).toBe('/naïve path');
    expect(environ.QUERY_STRING).toBe('q=%C3%A9%20x');
  });

  it('does not resolve dot segments (a server passes them on)', () => {
    expect(createEnviron('/static/../secret').PATH_INFO).toBe('/static/../secret');
  });

  it('moves scriptName to SCRIPT_NAME', () => {
    const environ = createEnviron('/app/users/1', { scriptName: '/app/' });
    expect(environ.SCRIPT_NAME).toBe('/app');
    expect(environ.PATH_INFO).toBe('/users/1');
    expect(createEnviron('/app', { scriptName: 'app' }).PATH_INFO).toBe('');
    expect(() => createEnviron('/application', { scriptName: '/app' })).toThrow(/not under scriptName/);
  });
});

describe('createEnviron: query, headers, cookies', () => {
  it('appends query objects with repeated values and MultiDicts to the URL query', () => {
    expect(createEnviron('/s?a=1', { query: { tag: ['x', 'y z'], n: 2, ok: true } }).QUERY_STRING).toBe(
      'a=1&tag=x&tag=y+z&n=2&ok=true',
    );
    const args = new MultiDict([['k', 'a&b'], ['k', 'c']]);
    expect(createEnviron('/s', { query: args }).QUERY_STRING).toBe('k=a%26b&k=c');
    expect(createEnviron('/s', { query: {} }).QUERY_STRING).toBe('');
  });

  it('accepts headers as an object, pairs, tsgi Headers and Web Headers', () => {
    const fromObject = createEnviron('/', { headers: { Accept: 'text/html', 'X-Tag': ['a', 'b'] } });
    expect(fromObject.HTTP_ACCEPT).toBe('text/html');
    expect(fromObject.HTTP_X_TAG).toBe('a, b');
    const fromPairs = createEnviron('/', { headers: [['X-Id', '1'], ['x-id', '2']] });
    expect(fromPairs.HTTP_X_ID).toBe('1, 2');
    const ours = new Headers([['Content-Type', 'text/plain']]);
    expect(createEnviron('/', { headers: ours }).CONTENT_TYPE).toBe('text/plain');
    const web = new globalThis.Headers({ 'user-agent': 'vitest' });
    expect(createEnviron('/', { headers: web }).HTTP_USER_AGENT).toBe('vitest');
  });

  it('maps Content-Type and Content-Length to their CGI keys, never HTTP_CONTENT_*', () => {
    const environ = createEnviron('/', { headers: { 'Content-Type': 'a/b', 'Content-Length': '0' } });
    expect(environ.CONTENT_TYPE).toBe('a/b');
    expect(environ.CONTENT_LENGTH).toBe('0');
    expect('HTTP_CONTENT_TYPE' in environ).toBe(false);
    expect(() => createEnviron('/', { headers: { 'Content-Length': '-1' } })).toThrow(TypeError);
  });

  it('drops headers with _ in the name, as servers do (rule 3.11)', () => {
    const environ = createEnviron('/', { headers: { X_Forwarded_For: '6.6.6.6', 'X-Real': '1' } });
    expect(environ.HTTP_X_FORWARDED_FOR).toBeUndefined();
    expect(environ.HTTP_X_REAL).toBe('1');
  });

  it('rejects CR/LF in header values and invalid names', () => {
    expect(() => createEnviron('/', { headers: { 'X-A': 'a\r\nSet-Cookie: x' } })).toThrow(TypeError);
    expect(() => createEnviron('/', { headers: { 'Bad Name': 'x' } })).toThrow(TypeError);
  });

  it('lets a Host header replace the URL host', () => {
    expect(createEnviron('/', { headers: { Host: 'example.org' } }).HTTP_HOST).toBe('example.org');
  });

  it('joins cookies with "; ", after a Cookie header, percent-encoding values', () => {
    const environ = createEnviron('/', { headers: { Cookie: 'a=1' }, cookies: { b: '2', c: 'x y;z' } });
    expect(environ.HTTP_COOKIE).toBe('a=1; b=2; c=x%20y%3Bz');
    expect(createEnviron('/', { headers: [['Cookie', 'a=1'], ['Cookie', 'b=2']] }).HTTP_COOKIE).toBe('a=1; b=2');
    expect(() => createEnviron('/', { cookies: { 'a b': '1' } })).toThrow(TypeError);
  });

  it('applies environ overrides last, and removes keys set to undefined', () => {
    const environ = createEnviron('/', { remoteAddr: '10.0.0.1', environ: { 'myapp.user': 'ada', HTTP_HOST: undefined } });
    expect(environ.REMOTE_ADDR).toBe('10.0.0.1');
    expect(environ['myapp.user']).toBe('ada');
    expect('HTTP_HOST' in environ).toBe(false);
  });

  it('validates the method', () => {
    expect(createEnviron('/', { method: 'PROPFIND' }).REQUEST_METHOD).toBe('PROPFIND');
    expect(() => createEnviron('/', { method: 'GET /x' })).toThrow(TypeError);
  });
});

describe('createEnviron: bodies', () => {
  it('sends a string as UTF-8 with its length and defaults the method to POST', async () => {
    const environ = createEnviron('/', { body: 'héllo' });
    expect(environ.REQUEST_METHOD).toBe('POST');
    expect(environ.CONTENT_LENGTH).toBe('6');
    expect(await readInput(environ)).toBe('héllo');
  });

  it('sends bytes, ArrayBuffers and Blobs with their length', async () => {
    expect(createEnviron('/', { body: new Uint8Array([1, 2, 3]) }).CONTENT_LENGTH).toBe('3');
    expect(createEnviron('/', { body: new ArrayBuffer(5) }).CONTENT_LENGTH).toBe('5');
    const blob = createEnviron('/', { method: 'PUT', body: new Blob(['abc']) });
    expect(blob.CONTENT_LENGTH).toBe('3');
    expect(await readInput(blob)).toBe('abc');
  });

  it('streams iterables, async iterables and ReadableStreams without a length', async () => {
    const sync = createEnviron('/', { body: ['a', new TextEncoder().encode('b'), ''] });
    expect(sync.CONTENT_LENGTH).toBeUndefined();
    expect(await readInput(sync)).toBe('ab');
    async function* gen() {
      yield 'x';
      yield 'y';
    }
    expect(await readInput(createEnviron('/', { body: gen() }))).toBe('xy');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('rs'));
        controller.close();
      },
    });
    expect(await readInput(createEnviron('/', { body: stream }))).toBe('rs');
  });

  it('keeps a Content-Length given in the headers', () => {
    expect(createEnviron('/', { body: 'abc', headers: { 'Content-Length': '3' } }).CONTENT_LENGTH).toBe('3');
  });

  it('sends JSON with application/json unless a Content-Type is given', async () => {
    const environ = createEnviron('/', { json: { a: [1, 'é'] } });
    expect(environ.CONTENT_TYPE).toBe('application/json');
    expect(environ.CONTENT_LENGTH).toBe(String(Buffer.byteLength('{"a":[1,"é"]}')));
    expect(await readInput(environ)).toBe('{"a":[1,"é"]}');
    expect(createEnviron('/', { json: 1, headers: { 'Content-Type': 'application/vnd.x+json' } }).CONTENT_TYPE).toBe(
      'application/vnd.x+json',
    );
    expect(() => createEnviron('/', { json: undefined, body: 'x', form: {} })).toThrow(/at most one/);
  });

  it('urlencodes a text form', async () => {
    const environ = createEnviron('/', { form: { name: 'Ada L', tag: ['a', 'b&c'] } });
    expect(environ.CONTENT_TYPE).toBe('application/x-www-form-urlencoded');
    expect(await readInput(environ)).toBe('name=Ada+L&tag=a&tag=b%26c');
  });

  it('makes a form with a File multipart, with the exact length and a random boundary', async () => {
    const file = new File(['<png bytes>'], 'a "b".png', { type: 'image/png' });
    const environ = createEnviron('/', { form: [['title', 'x'], ['file', file], ['blob', new Blob(['z'])]] });
    const match = /^multipart\/form-data; boundary=(----tsgi[0-9a-z]{24})$/.exec(environ.CONTENT_TYPE ?? '');
    expect(match).not.toBeNull();
    const boundary = match![1];
    const body = await readInput(environ);
    expect(Buffer.byteLength(body)).toBe(Number(environ.CONTENT_LENGTH));
    expect(body).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a %22b%22.png"\r\nContent-Type: image/png\r\n\r\n<png bytes>\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="blob"; filename="blob"\r\nContent-Type: application/octet-stream\r\n\r\nz\r\n` +
        `--${boundary}--\r\n`,
    );
    expect(createEnviron('/', { form: { f: file } }).CONTENT_TYPE).not.toBe(environ.CONTENT_TYPE);
  });

  it('produces multipart that busboy parses back into the same fields and files', async () => {
    const { default: busboy } = await import('busboy');
    const bytes = new Uint8Array(3000).map((_, i) => i % 256);
    const form = encodeMultipart([
      ['note', 'line1\r\nline2'],
      ['upload', new File([bytes], 'data.bin', { type: 'application/octet-stream' })],
    ]);
    const parsed: Record<string, unknown> = {};
    await new Promise<void>((resolve, reject) => {
      const parser = busboy({ headers: { 'content-type': form.contentType } });
      parser.on('field', (name, value) => (parsed[name] = value));
      parser.on('file', (name, stream, info) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => (parsed[name] = { info, data: Buffer.concat(chunks) }));
      });
      parser.on('close', () => resolve());
      parser.on('error', reject);
      (async () => {
        for await (const chunk of form.chunks) parser.write(chunk);
        parser.end();
      })().catch(reject);
    });
    expect(parsed.note).toBe('line1\r\nline2');
    const upload = parsed.upload as { info: { filename: string }; data: Buffer };
    expect(upload.info.filename).toBe('data.bin');
    expect(new Uint8Array(upload.data)).toEqual(bytes);
  });

  it('builds environs that pass lint on the server side', async () => {
    const seen: string[] = [];
    const app = lint(
      async (environ, startResponse) => {
        for await (const chunk of environ['tsgi.input']) seen.push(new TextDecoder().decode(chunk));
        startResponse('204 No Content', []);
        return [];
      },
      { onError: (error) => seen.push(error.message) },
    );
    const environs = [
      createEnviron('/'),
      createEnviron('https://example.com:8443/x?y', { json: [1], scriptName: '' }),
      createEnviron('/app/x', { scriptName: '/app', form: { f: new File(['1'], 'f') }, cookies: { a: 'b' } }),
    ];
    for (const environ of environs) {
      const body = await app(environ, () => {});
      for (const _ of body as Iterable<Uint8Array>) void _;
    }
    expect(seen.filter((line) => line.startsWith('tsgi lint'))).toEqual([]);
  });
});
