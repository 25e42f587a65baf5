/** `curl -F` uploads to a tsgi app served by the node adapter. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUploadServer, trickyBytes } from './upload-server.js';
import { noUploadsLeft, uploadDir } from '../request/multipart/helpers.js';

const run = promisify(execFile);
let curlVersion = '';
try {
  curlVersion = (await run('curl', ['--version'])).stdout.split('\n')[0];
} catch {
  console.warn('curl-upload: skipped: curl is not installed');
}

describe.skipIf(!curlVersion)('curl -F uploads (e2e)', () => {
  const dir = uploadDir();
  const files = mkdtempSync(path.join(tmpdir(), 'tsgi-curl-files-'));
  let server: Awaited<ReturnType<typeof startUploadServer>>;
  beforeAll(async () => {
    server = await startUploadServer(dir);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(files, { recursive: true, force: true });
  });

  it('fields and files arrive byte for byte, with the names curl sends', async () => {
    const big = trickyBytes(1024 * 1024 + 17, 3);
    const small = trickyBytes(999, 5);
    writeFileSync(path.join(files, 'big.bin'), big);
    writeFileSync(path.join(files, 'small.dat'), small);
    const { stdout } = await run('curl', [
      '-sS', '--fail-with-body',
      '-F', 'note=plain value',
      '-F', 'unicode=ünïcödé ✓',
      '-F', `doc=@${path.join(files, 'big.bin')};type=application/x-test`,
      '-F', `pic=@${path.join(files, 'small.dat')};filename=naïve name.dat`,
      `${server.url}/upload`,
    ]);
    expect(JSON.parse(stdout).ok).toBe(true);
    const got = server.received.at(-1)!;
    expect(got.fields).toEqual([
      ['note', 'plain value'],
      ['unicode', 'ünïcödé ✓'],
    ]);
    expect(got.files.map((f) => [f.field, f.filename, f.contentType, f.onDisk])).toEqual([
      ['doc', 'big.bin', 'application/x-test', true],
      ['pic', 'naïve name.dat', 'application/octet-stream', false],
    ]);
    expect(got.files[0].bytes.equals(big)).toBe(true);
    expect(got.files[1].bytes.equals(small)).toBe(true);
    expect(await noUploadsLeft(dir)).toEqual([]);
  });

  it('a chunked upload (no Content-Length) and a body over the limit', async () => {
    writeFileSync(path.join(files, 'c.bin'), trickyBytes(200_000, 9));
    const { stdout } = await run('curl', [
      '-sS', '-H', 'Transfer-Encoding: chunked',
      '-F', `doc=@${path.join(files, 'c.bin')}`,
      `${server.url}/upload`,
    ]);
    expect(JSON.parse(stdout).files).toEqual([['doc', 'c.bin', 200_000]]);

    // 17 MiB is over the default 16 MiB maxContentLength: a 413 with the reason.
    writeFileSync(path.join(files, 'huge.bin'), Buffer.alloc(17 * 1024 * 1024));
    const result = await run('curl', [
      '-sS', '-o', '-', '-w', '\n%{http_code}', '-H', 'Accept: text/plain',
      '-F', `doc=@${path.join(files, 'huge.bin')}`,
      `${server.url}/upload`,
    ]);
    const lines = result.stdout.trim().split('\n');
    expect(lines.at(-1)).toBe('413');
    expect(result.stdout).toMatch(/larger than the limit/);
    expect(await noUploadsLeft(dir)).toEqual([]);
  });
});
