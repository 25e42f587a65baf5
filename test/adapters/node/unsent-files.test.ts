/**
 * A file that is not sent is not opened: 412 and 304 answers from `staticFiles` and `sendFile`,
 * through a real server, on a 100 MiB (sparse) file. `node:fs`'s `open` is wrapped to record the
 * paths it opens, so even a file opened and closed between two looks is caught.
 */
import { mkdtemp, realpath, rm, truncate, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const opened = vi.hoisted(() => [] as string[]);
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const open = ((path: unknown, ...rest: unknown[]) => {
    opened.push(String(path));
    return (fs.open as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.open;
  return { ...fs, default: { ...fs, open }, open };
});

const { serve } = await import('../../../src/adapters/node/serve.js');
const { staticFiles } = await import('../../../src/adapters/node/static-files.js');
const { sendFile } = await import('../../../src/adapters/node/send-file.js');
const { Request } = await import('../../../src/request/request.js');

const SIZE = 100 * 1024 * 1024;
let base: string;
let big: string;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'tsgi-unsent-')));
  big = join(base, 'big.bin');
  await writeFile(big, '');
  await truncate(big, SIZE); // sparse: no 100 MiB written to disk
  const direct = Request.application((req) => sendFile(big, req));
  server = await serve(staticFiles(direct, { '/static': base }), { host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await server?.close();
  await rm(base, { recursive: true, force: true });
});
beforeEach(() => {
  opened.length = 0;
});

/** Status, headers and the number of body bytes received. */
function fetchCount(path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, unknown>; received: number }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}${path}`, { headers }, (res) => {
      let received = 0;
      res.on('data', (chunk: Buffer) => (received += chunk.byteLength));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, received }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const LONG_AGO = 'Mon, 01 Jan 2001 00:00:00 GMT';

describe('a failed precondition sends no body and opens no file', () => {
  it.each([
    ['/static/big.bin', { 'If-Match': '"nope"' }],
    ['/static/big.bin', { 'If-Unmodified-Since': LONG_AGO }],
    ['/direct', { 'If-Match': '"nope"' }],
    ['/direct', { 'If-Unmodified-Since': LONG_AGO }],
  ])('%s with %o: 412, 0 bytes', async (path, headers) => {
    const res = await fetchCount(path, headers);
    expect(res.status).toBe(412);
    expect(res.received).toBe(0);
    expect(res.headers['content-length']).toBe('0');
    expect(res.headers['content-type']).toBeUndefined();
    expect(opened.filter((name) => name === big)).toEqual([]);
  });

  it('304: no body, no open', async () => {
    const first = await fetchCount('/static/big.bin', { Range: 'bytes=0-9' });
    expect(first.status).toBe(206);
    expect(first.received).toBe(10);
    expect(opened).toContain(big); // the spy sees opens
    opened.length = 0;
    const res = await fetchCount('/static/big.bin', { 'If-None-Match': String(first.headers.etag) });
    expect(res.status).toBe(304);
    expect(res.received).toBe(0);
    expect(opened.filter((name) => name === big)).toEqual([]);
  });
});
