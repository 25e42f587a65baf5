import { mkdtemp, mkdir, realpath, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendFile, type SendFileOptions } from '../../../src/adapters/node/send-file.js';
import { Request } from '../../../src/request/request.js';
import { canListDescriptors, handlesTo, settledHandles } from '../../support/descriptors.js';
import type { Response } from '../../../src/response/response.js';

let base: string;
let root: string;
const letters = 'abcdefghijklmnopqrstuvwxyz';
const page = '<!doctype html><title>page</title>' + '<p>hello</p>'.repeat(200);
const mtime = new Date(Date.UTC(2024, 0, 15, 12, 30, 45));

beforeAll(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'tsgi-sendfile-')));
  root = join(base, 'files');
  await mkdir(join(root, 'dir'), { recursive: true });
  await writeFile(join(root, 'letters.txt'), letters);
  await writeFile(join(root, 'page.html'), page);
  await writeFile(join(root, 'page.html.br'), brotliCompressSync(page));
  await writeFile(join(root, 'page.html.gz'), gzipSync(page));
  await writeFile(join(root, 'only-gz.css'), 'body{}');
  await writeFile(join(root, 'only-gz.css.gz'), gzipSync('body{}'));
  await writeFile(join(root, 'linked.js'), 'let x;');
  await writeFile(join(base, 'evil.gz'), 'not what you asked for');
  await symlink(join(base, 'evil.gz'), join(root, 'linked.js.gz'));
  await writeFile(join(root, 'report.pdf'), '%PDF-1.4');
  await writeFile(join(root, 'data.unknownext'), 'x');
  await writeFile(join(root, '.env'), 'SECRET=1');
  await writeFile(join(base, 'outside.txt'), 'outside');
  await symlink(join(base, 'outside.txt'), join(root, 'out-link'));
  await writeFile(join(root, 'big.bin'), Buffer.alloc(300_000, 7));
  for (const name of ['letters.txt', 'page.html', 'page.html.br', 'page.html.gz']) {
    await utimes(join(root, name), mtime, mtime);
  }
});
afterAll(() => rm(base, { recursive: true, force: true }));

function file(name: string): string {
  return join(root, name);
}

/** Runs sendFile for a request built by Request.blank and returns the served response. */
async function send(
  path: string,
  options: SendFileOptions = {},
  init: { method?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const app = Request.application((req) => sendFile(path, req, options));
  return Request.blank('/x', init).getResponse(app);
}

describe('sendFile headers', () => {
  it('sends the file with type, length, validators and caching', async () => {
    const res = await send(file('letters.txt'));
    expect(res.statusCode).toBe(200);
    expect(await res.text()).toBe(letters);
    expect(res.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('Content-Length')).toBe('26');
    expect(res.headers.get('ETag')).toBe(`"1a-${mtime.getTime().toString(16)}"`);
    expect(res.headers.get('Last-Modified')).toBe('Mon, 15 Jan 2024 12:30:45 GMT');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=0');
    expect(res.headers.get('Accept-Ranges')).toBe('bytes');
    expect(res.headers.has('Content-Disposition')).toBe(false);
    expect(res.headers.has('Vary')).toBe(false);
  });

  it('types by extension, falling back to octet-stream', async () => {
    expect((await send(file('page.html'))).headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect((await send(file('report.pdf'))).headers.get('Content-Type')).toBe('application/pdf');
    expect((await send(file('data.unknownext'))).headers.get('Content-Type')).toBe('application/octet-stream');
    const forced = await send(file('data.unknownext'), { contentType: 'application/x-custom' });
    expect(forced.headers.get('Content-Type')).toBe('application/x-custom');
  });

  it('makes weak ETags on request, or none', async () => {
    expect((await send(file('letters.txt'), { etag: 'weak' })).headers.get('ETag')).toMatch(/^W\/"1a-[0-9a-f]+"$/);
    expect((await send(file('letters.txt'), { etag: false })).headers.has('ETag')).toBe(false);
    expect((await send(file('letters.txt'), { lastModified: false })).headers.has('Last-Modified')).toBe(false);
  });

  it('turns maxAge and immutable into Cache-Control', async () => {
    const long = await send(file('letters.txt'), { maxAge: 31536000, immutable: true });
    expect(long.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect((await send(file('letters.txt'), { maxAge: 60.7 })).headers.get('Cache-Control')).toBe('public, max-age=60');
    expect((await send(file('letters.txt'), { cacheControl: false })).headers.has('Cache-Control')).toBe(false);
    const custom = await send(file('letters.txt'), { cacheControl: 'private, no-cache' });
    expect(custom.headers.get('Cache-Control')).toBe('private, no-cache');
  });

  it('names downloads, with filename* for non-ASCII names', async () => {
    expect((await send(file('report.pdf'), { download: true })).headers.get('Content-Disposition')).toBe(
      'attachment; filename="report.pdf"',
    );
    const renamed = await send(file('report.pdf'), { download: 'Résumé 2024.pdf' });
    const disposition = renamed.headers.get('Content-Disposition') ?? '';
    expect(disposition).toMatch(/^attachment; /);
    expect(disposition).toContain("filename*=UTF-8''R%C3%A9sum%C3%A9%202024.pdf");
    expect(disposition).not.toMatch(/[^\x20-\x7e]/);
    const inline = await send(file('report.pdf'), { inline: 'view.pdf' });
    expect(inline.headers.get('Content-Disposition')).toBe('inline; filename="view.pdf"');
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await send(file('letters.txt'), {}, { method: 'HEAD' });
    expect(res.statusCode).toBe(200);
    expect(res.headers.get('Content-Length')).toBe('26');
    expect((await res.bytes()).byteLength).toBe(0);
  });

  it('streams a file larger than one chunk', async () => {
    const res = await send(file('big.bin'), { chunkSize: 16 * 1024 });
    const bytes = await res.bytes();
    expect(bytes.byteLength).toBe(300_000);
    expect(bytes.every((byte) => byte === 7)).toBe(true);
  });
});

describe('sendFile refusals', () => {
  it('throws NotFound for missing files and directories', async () => {
    expect((await send(file('missing.txt'))).statusCode).toBe(404);
    expect((await send(file('dir'))).statusCode).toBe(404);
  });

  it('checks paths under root like staticFiles does', async () => {
    expect(await (await send('/letters.txt', { root })).text()).toBe(letters);
    expect(await (await send('letters.txt', { root })).text()).toBe(letters);
    for (const hostile of ['/../outside.txt', '../outside.txt', '/out-link', '/.env', '/a\\..\\b', '/NUL', '/x\0']) {
      const res = await send(hostile, { root });
      expect(res.statusCode, hostile).toBe(404);
      expect(await res.text()).not.toContain(base);
    }
    expect(await (await send('/.env', { root, dotfiles: 'allow' })).text()).toBe('SECRET=1');
  });
});

describe('sendFile conditional requests', () => {
  it('answers 304 to a matching If-None-Match, weakly compared', async () => {
    const etag = (await send(file('letters.txt'))).headers.get('ETag') as string;
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const res = await send(file('letters.txt'), {}, { headers: { 'If-None-Match': header } });
      expect(res.statusCode, header).toBe(304);
      expect((await res.bytes()).byteLength).toBe(0);
      expect(res.headers.get('ETag')).toBe(etag);
    }
    const changed = await send(file('letters.txt'), {}, { headers: { 'If-None-Match': '"other"' } });
    expect(changed.statusCode).toBe(200);
  });

  it('answers 304 to If-Modified-Since at or after the mtime', async () => {
    const same = await send(file('letters.txt'), {}, { headers: { 'If-Modified-Since': 'Mon, 15 Jan 2024 12:30:45 GMT' } });
    expect(same.statusCode).toBe(304);
    const later = await send(file('letters.txt'), {}, { headers: { 'If-Modified-Since': 'Tue, 16 Jan 2024 00:00:00 GMT' } });
    expect(later.statusCode).toBe(304);
    const earlier = await send(file('letters.txt'), {}, { headers: { 'If-Modified-Since': 'Sun, 14 Jan 2024 00:00:00 GMT' } });
    expect(earlier.statusCode).toBe(200);
    const garbage = await send(file('letters.txt'), {}, { headers: { 'If-Modified-Since': 'yesterday-ish' } });
    expect(garbage.statusCode).toBe(200);
    // If-None-Match takes precedence over If-Modified-Since.
    const both = await send(file('letters.txt'), {}, {
      headers: { 'If-None-Match': '"other"', 'If-Modified-Since': 'Tue, 16 Jan 2024 00:00:00 GMT' },
    });
    expect(both.statusCode).toBe(200);
  });

  it('answers 412 when If-Match or If-Unmodified-Since fails', async () => {
    expect((await send(file('letters.txt'), {}, { headers: { 'If-Match': '"nope"' } })).statusCode).toBe(412);
    const old = await send(file('letters.txt'), {}, { headers: { 'If-Unmodified-Since': 'Sun, 14 Jan 2024 00:00:00 GMT' } });
    expect(old.statusCode).toBe(412);
  });
});

describe('sendFile ranges', () => {
  it('serves one range as 206 with Content-Range', async () => {
    const res = await send(file('letters.txt'), {}, { headers: { Range: 'bytes=2-5' } });
    expect(res.statusCode).toBe(206);
    expect(res.headers.get('Content-Range')).toBe('bytes 2-5/26');
    expect(res.headers.get('Content-Length')).toBe('4');
    expect(await res.text()).toBe('cdef');
    const suffix = await send(file('letters.txt'), {}, { headers: { Range: 'bytes=-3' } });
    expect(await suffix.text()).toBe('xyz');
    const open = await send(file('letters.txt'), {}, { headers: { Range: 'bytes=24-' } });
    expect(await open.text()).toBe('yz');
  });

  it('serves several ranges as multipart/byteranges', async () => {
    const res = await send(file('letters.txt'), {}, { headers: { Range: 'bytes=0-1, 10-12' } });
    expect(res.statusCode).toBe(206);
    const type = res.headers.get('Content-Type') ?? '';
    expect(type).toMatch(/^multipart\/byteranges; boundary=/);
    const body = await res.text();
    expect(body).toContain('Content-Range: bytes 0-1/26');
    expect(body).toContain('Content-Range: bytes 10-12/26');
    expect(body).toContain('Content-Type: text/plain; charset=utf-8');
    expect(body).toContain('\r\n\r\nab\r\n');
    expect(body).toContain('\r\n\r\nklm\r\n');
    expect(res.headers.get('Content-Length')).toBe(String(Buffer.byteLength(body)));
  });

  it('answers 416 to an unsatisfiable range', async () => {
    const res = await send(file('letters.txt'), {}, { headers: { Range: 'bytes=100-200' } });
    expect(res.statusCode).toBe(416);
    expect(res.headers.get('Content-Range')).toBe('bytes */26');
  });

  it('ignores malformed ranges and honours If-Range', async () => {
    expect((await send(file('letters.txt'), {}, { headers: { Range: 'bytes=z-1' } })).statusCode).toBe(200);
    const etag = (await send(file('letters.txt'))).headers.get('ETag') as string;
    const fresh = await send(file('letters.txt'), {}, { headers: { Range: 'bytes=0-0', 'If-Range': etag } });
    expect(fresh.statusCode).toBe(206);
    const stale = await send(file('letters.txt'), {}, { headers: { Range: 'bytes=0-0', 'If-Range': '"stale"' } });
    expect(stale.statusCode).toBe(200);
    expect(await stale.text()).toBe(letters);
    const staleDate = await send(file('letters.txt'), {}, {
      headers: { Range: 'bytes=0-0', 'If-Range': 'Sun, 14 Jan 2024 00:00:00 GMT' },
    });
    expect(staleDate.statusCode).toBe(200);
  });

  it('does not answer ranges when acceptRanges is off', async () => {
    const res = await send(file('letters.txt'), { acceptRanges: false }, { headers: { Range: 'bytes=0-1' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers.has('Accept-Ranges')).toBe(false);
  });
});

describe('sendFile precompressed siblings', () => {
  const options: SendFileOptions = { precompressed: true };

  it('prefers br, then gzip, as the request accepts', async () => {
    const br = await send(file('page.html'), options, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('Content-Encoding')).toBe('br');
    expect(br.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(br.headers.get('Vary')).toBe('Accept-Encoding');
    const brBytes = brotliCompressSync(page);
    expect(br.headers.get('Content-Length')).toBe(String(brBytes.byteLength));
    expect(Buffer.from(await br.bytes()).equals(brBytes)).toBe(true);

    const gz = await send(file('page.html'), options, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
    expect(gz.headers.get('ETag')).not.toBe(br.headers.get('ETag'));
    const weighted = await send(file('page.html'), options, { headers: { 'Accept-Encoding': 'br;q=0.5, gzip' } });
    expect(weighted.headers.get('Content-Encoding')).toBe('gzip');
  });

  it('sends identity when nothing fits, still with Vary', async () => {
    const variants: Array<Record<string, string>> = [{}, { 'Accept-Encoding': 'identity' }, { 'Accept-Encoding': 'br;q=0, gzip;q=0' }];
    for (const headers of variants) {
      const res = await send(file('page.html'), options, { headers });
      expect(res.headers.has('Content-Encoding')).toBe(false);
      expect(res.headers.get('Vary')).toBe('Accept-Encoding');
      expect(await res.text()).toBe(page);
    }
    const onlyGz = await send(file('only-gz.css'), options, { headers: { 'Accept-Encoding': 'br' } });
    expect(onlyGz.headers.has('Content-Encoding')).toBe(false);
    const notAsked = await send(file('page.html'), {}, { headers: { 'Accept-Encoding': 'br' } });
    expect(notAsked.headers.has('Content-Encoding')).toBe(false);
    expect(notAsked.headers.has('Vary')).toBe(false);
  });

  it('ignores a symlinked sibling', async () => {
    const res = await send(file('linked.js'), options, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.has('Content-Encoding')).toBe(false);
    expect(await res.text()).toBe('let x;');
  });

  it('serves ranges and 304s of the compressed sibling', async () => {
    const gz = await send(file('page.html'), options, { headers: { 'Accept-Encoding': 'gzip' } });
    const etag = gz.headers.get('ETag') as string;
    const again = await send(file('page.html'), options, { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': etag } });
    expect(again.statusCode).toBe(304);
    const part = await send(file('page.html'), options, { headers: { 'Accept-Encoding': 'gzip', Range: 'bytes=0-1' } });
    expect(part.statusCode).toBe(206);
    expect(Array.from(await part.bytes())).toEqual([0x1f, 0x8b]);
  });
});

describe('sendFile file handles', () => {
  it.skipIf(!canListDescriptors)('closes the file when the body is abandoned midway', async () => {
    const path = await realpath(file('big.bin'));
    const app = Request.application((req) => sendFile(path, req, { chunkSize: 1024 }));
    const before = handlesTo(path);
    const body = await app(Request.blank('/x').environ, () => {});
    const iterator = (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    expect((await iterator.next()).done).toBe(false);
    expect(handlesTo(path)).toBe(before + 1);
    await iterator.return?.();
    expect(await settledHandles(path, before)).toBe(before);
  });
});
