/**
 * The limits, one abuse at a time, in process: floods, compression bombs, deep JSON, part and field
 * floods, huge headers and queries, an upload cut off mid-file. Each gets its precise 4xx, quickly,
 * with nothing left on disk and nothing written to `tsgi.errors`.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { Client } from '../../src/adapters/test/index.js';
import { createHostileApp, HELLO } from '../e2e/hostile-app.js';

const root = mkdtempSync(path.join(tmpdir(), 'tsgi-hostile-limits-'));
const uploadDir = path.join(root, 'uploads');
const LIMIT = 256 * 1024;
const app = createHostileApp({ uploadDir, publicDir: path.join(root, 'public'), maxContentLength: LIMIT });
const client = new Client(app, { cookies: false });
afterAll(() => rmSync(root, { recursive: true, force: true }));

const encoder = new TextEncoder();
const BODY_ROUTES = ['/bytes', '/text', '/json', '/form', '/files', '/parts', '/values', '/stream'];

/** The Content-Type each body route reads. */
function typeFor(route: string): string {
  if (route === '/files' || route === '/parts') return 'multipart/form-data; boundary=XyZ';
  return route === '/json' ? 'application/json' : 'application/x-www-form-urlencoded';
}

/** Sends a request and checks the outcome is exactly `status`, quick, and clean. */
async function expectStatus(
  status: number,
  send: () => Promise<{ statusCode: number; errors: string; text(): Promise<string> }>,
): Promise<string> {
  const started = performance.now();
  const res = await send();
  const body = await res.text();
  expect(performance.now() - started).toBeLessThan(2000);
  expect({ status: res.statusCode, errors: res.errors }).toEqual({ status, errors: '' });
  expect(readdirSync(uploadDir)).toEqual([]);
  return body;
}

/** `count` chunks of `size` bytes, counting how many the app pulled. */
function flood(count: number, size: number, fill = 0x61): { chunks: Iterable<Uint8Array>; pulled(): number } {
  let pulled = 0;
  const chunk = new Uint8Array(size).fill(fill);
  return {
    chunks: {
      *[Symbol.iterator]() {
        for (let i = 0; i < count; i++) {
          pulled++;
          yield chunk;
        }
      },
    },
    pulled: () => pulled,
  };
}

function multipart(parts: string[], boundary = 'XyZ'): string {
  return parts.map((part) => `--${boundary}\r\n${part}\r\n`).join('') + `--${boundary}--\r\n`;
}

describe('body limits', () => {
  it.each(BODY_ROUTES)('%s: a chunked flood past maxContentLength is a 413 that stops reading', async (route) => {
    // 64 MiB offered in 64 KiB chunks; the limit is 256 KiB (multipart stops sooner: 16 KiB of
    // preamble without a boundary).
    const body = flood(1024, 64 * 1024);
    const text = await expectStatus(413, () => client.post(route, { body: body.chunks, headers: { 'Content-Type': typeFor(route) } }));
    expect(text).toMatch(/limit|before its first boundary/);
    expect(body.pulled()).toBeLessThan(20);
  });

  it('a declared Content-Length past the limit is a 413 before any byte is read', async () => {
    const body = flood(1024, 64 * 1024);
    await expectStatus(413, () =>
      client.post('/bytes', { body: body.chunks, environ: { CONTENT_LENGTH: String(64 * 1024 * 1024) } }),
    );
    expect(body.pulled()).toBe(0);
  });

  it.each(['/bytes', '/text', '/json', '/form', '/stream'])('%s: a gzip bomb stops at the limit (413)', async (route) => {
    const bomb = gzipSync(new Uint8Array(32 * 1024 * 1024)); // 32 MiB of zeros in about 32 kB
    expect(bomb.byteLength).toBeLessThan(LIMIT);
    const contentType = route === '/json' ? 'application/json' : 'application/x-www-form-urlencoded';
    await expectStatus(413, () => client.post(route, { body: bomb, headers: { 'Content-Type': contentType, 'Content-Encoding': 'gzip' } }));
  });

  it('JSON nested 100,000 deep is parsed without a stack overflow (and the prototype-key walk too)', async () => {
    await expectStatus(200, () => client.post('/json', { body: '['.repeat(100_000) + ']'.repeat(100_000), headers: { 'Content-Type': 'application/json' } }));
    // `\u` escapes make the body suspicious, so the prototype-key walk runs over all the nesting.
    const deep = '[{"\\u0061":'.repeat(15_000) + '1' + '}]'.repeat(15_000);
    await expectStatus(200, () => client.post('/json', { body: deep, headers: { 'Content-Type': 'application/json' } }));
    await expectStatus(400, () => client.post('/json', { body: '['.repeat(100_000), headers: { 'Content-Type': 'application/json' } }));
  });

  it('JSON with __proto__ keys does not pollute and is answered', async () => {
    const res = await client.post('/json', { body: '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}', headers: { 'Content-Type': 'application/json' } });
    expect(res.statusCode).toBeLessThan(500);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('10,001 urlencoded fields are a 413', async () => {
    await expectStatus(413, () => client.post('/form', { body: 'a=1&'.repeat(10_001), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }));
  });

  it('5,000 multipart parts are a 413', async () => {
    const body = multipart(Array.from({ length: 5000 }, (_, i) => `Content-Disposition: form-data; name="f${i}"\r\n\r\nx`));
    await expectStatus(413, () => client.post('/files', { body, headers: { 'Content-Type': 'multipart/form-data; boundary=XyZ' } }));
  });

  it('a 20 kB part header is a 431', async () => {
    const body = multipart([`Content-Disposition: form-data; name="a"\r\nX-Long: ${'y'.repeat(20_000)}\r\n\r\nx`]);
    await expectStatus(431, () => client.post('/parts', { body, headers: { 'Content-Type': 'multipart/form-data; boundary=XyZ' } }));
  });

  it('a 71-character boundary is a 400', async () => {
    const boundary = 'b'.repeat(71);
    const body = multipart(['Content-Disposition: form-data; name="a"\r\n\r\nx'], boundary);
    await expectStatus(400, () => client.post('/files', { body, headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } }));
  });

  it('a text field past maxFormMemorySize (500,000 bytes) is a 413', async () => {
    const body = multipart([`Content-Disposition: form-data; name="a"\r\n\r\n${'x'.repeat(200_000)}`]);
    const big = createHostileApp({ uploadDir, publicDir: path.join(root, 'public'), maxContentLength: 1024 * 1024 });
    const res = await new Client(big, { cookies: false }).post('/form', { body: body.replace('x'.repeat(200_000), 'x'.repeat(600_000)), headers: { 'Content-Type': 'multipart/form-data; boundary=XyZ' } });
    expect(res.statusCode).toBe(413);
    expect(res.errors).toBe('');
    expect(readdirSync(uploadDir)).toEqual([]);
  });

  it.each(['/files', '/parts', '/bytes', '/text', '/form', '/stream', '/json'])(
    '%s: the client going away mid-upload is a 400 and leaves no temporary file',
    async (route) => {
      const head = encoder.encode('--XyZ\r\nContent-Disposition: form-data; name="f"; filename="a.bin"\r\n\r\n');
      const big = new Uint8Array(8000).fill(0x61); // over the 1 kB threshold: spilled to disk
      async function* cutOff(): AsyncGenerator<Uint8Array> {
        yield head;
        yield big;
        yield big;
        throw Object.assign(new Error('the client closed the connection before sending the whole request body'), { name: 'ClientDisconnected' });
      }
      const text = await expectStatus(400, () => client.post(route, { body: cutOff(), headers: { 'Content-Type': typeFor(route) } }));
      expect(text).toContain('could not be read to its end');
    },
  );

  it('a body shorter than its Content-Length is a 400 for every reader', async () => {
    const lax = new Client(app, { cookies: false, lint: false });
    for (const route of BODY_ROUTES) {
      const started = performance.now();
      const res = await lax.post(route, {
        body: 'a=1',
        headers: { 'Content-Type': typeFor(route) },
        environ: { CONTENT_LENGTH: '100' },
      });
      expect(performance.now() - started).toBeLessThan(2000);
      expect([route, res.statusCode, res.errors]).toEqual([route, 400, '']);
    }
  });

  it.each(['-1', '1e3', '0x10', ' 12', '1,1', '99999999999999999999', 'NaN', ''])(
    'Content-Length %j is a 400 (or no body), never a 500',
    async (value) => {
      const lax = new Client(app, { cookies: false, lint: false });
      const res = await lax.post('/bytes', { body: 'abc', environ: { CONTENT_LENGTH: value } });
      expect(res.statusCode === 400 || res.statusCode === 200).toBe(true);
      expect(res.errors).toBe('');
    },
  );
});

describe('header and URL limits', () => {
  it('a 20 kB query string is a 414 for args and query', async () => {
    await expectStatus(414, () => client.get(`/info?${'a=1&'.repeat(5000)}`));
  });

  it('a query nested past the depth limit is a 400', async () => {
    const text = await expectStatus(400, () => client.get(`/info?a${'[b]'.repeat(20)}=1`));
    expect(text).toContain('query string');
  });

  it('10,000 cookies, 10,000 ranges, 10,000 accept items and 10,000 forwarded hops are answered fast', async () => {
    const list = (item: string) => Array.from({ length: 10_000 }, (_, i) => item.replace('N', String(i))).join(', ');
    const res = await client.get('/info', {
      headers: {
        Cookie: Array.from({ length: 10_000 }, (_, i) => `c${i}=${i}`).join('; '),
        Range: `bytes=${list('N-N')}`,
        Accept: list('text/xN;q=0.5'),
        'Accept-Language': list('xN;q=0.1'),
        'If-None-Match': list('"N"'),
        'X-Forwarded-For': list('10.0.0.N'),
      },
    });
    expect(res.statusCode).toBe(200);
    const info = (await res.json()) as { cookies: Record<string, string>; range: unknown; accessRoute: string[] };
    expect(Object.keys(info.cookies)).toHaveLength(3000);
    expect(info.range).toBeNull(); // more than 100 ranges: ignored
    expect(info.accessRoute).toHaveLength(100);
  });

  it('a Range of 10,000 pieces on a conditional response serves the whole body', async () => {
    const ranges = Array.from({ length: 10_000 }, (_, i) => `${i}-${i}`).join(',');
    const res = await client.get('/conditional', { headers: { Range: `bytes=${ranges}` } });
    expect(res.statusCode).toBe(200);
    expect(await res.text()).toBe(HELLO);
  });

  it('an unsatisfiable range is a 416 with Content-Range', async () => {
    const res = await client.get('/conditional', { headers: { Range: 'bytes=99999-' } });
    expect(res.statusCode).toBe(416);
    expect(res.headers.get('Content-Range')).toBe(`bytes */${HELLO.length}`);
  });

  it('a malformed Host is a 400 with a message', async () => {
    for (const host of ['evil.com:80:80', 'a b', '[::1', 'x'.repeat(300), '<script>']) {
      const text = await expectStatus(400, () => client.get('/info', { headers: { Host: host } }));
      expect(text).toContain('Host');
    }
  });
});
