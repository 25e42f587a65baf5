import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileStorage, MemoryFileData } from '../../../src/datastructures/file-storage.js';
import { parseMultipart, parseOptions, registerCleanup, runCleanup } from '../../../src/request/multipart/index.js';
import { diskStorage } from '../../../src/request/multipart/temp-storage.node.js';
import { chunked, enc, multipart, tempUploads, uploadDir } from './helpers.js';

const DIR = uploadDir();

const B = 'b0undary';
const part = (headers: string, body: string) => `--${B}\r\n${headers}\r\n\r\n${body}\r\n`;

describe('what browsers and other clients send', () => {
  it('filename* (RFC 5987) wins over filename, and RFC 2231 continuations are joined', async () => {
    const body = enc(
      part(`Content-Disposition: form-data; name="a"; filename="euro.txt"; filename*=UTF-8''%E2%82%AC%20rates.txt`, '1') +
        part(`Content-Disposition: form-data; name="b"; filename*0*=utf-8''%C3%A9t; filename*1=".txt"`, '2') +
        part(`Content-Disposition: form-data; name="c"; filename*=iso-8859-1'en'%E9.txt`, '3') +
        part(`Content-Disposition: form-data; name="d"; filename="plain.txt"; filename*=bogus`, '4') +
        `--${B}--\r\n`,
    );
    const { files } = await parseMultipart(chunked(body, 3), B);
    expect(files.get('a')!.filename).toBe('€ rates.txt');
    expect(files.get('b')!.filename).toBe('ét.txt');
    expect(files.get('c')!.filename).toBe('é.txt');
    expect(files.get('d')!.filename).toBe('plain.txt');
  });

  it('raw UTF-8 file names (what Chrome and Firefox send) and quoted escapes', async () => {
    const body = enc(
      part(`Content-Disposition: form-data; name="a"; filename="naïve résumé.pdf"`, '1') +
        part(`Content-Disposition: form-data; name="b"; filename="say \\"hi\\".txt"`, '2') +
        part(`Content-Disposition: form-data; name="c"; filename="semi;colon.txt"`, '3') +
        part(`content-disposition: FORM-DATA; NAME=bare; FILENAME=bare.txt`, '4') +
        `--${B}--\r\n`,
    );
    const { files } = await parseMultipart(chunked(body, 5), B);
    expect(files.get('a')!.filename).toBe('naïve résumé.pdf');
    expect(files.get('b')!.filename).toBe('say "hi".txt');
    expect(files.get('c')!.filename).toBe('semi;colon.txt');
    expect(files.get('bare')!.filename).toBe('bare.txt');
  });

  it('an empty file input is a file with an empty name and no bytes', async () => {
    const body = enc(part('Content-Disposition: form-data; name="f"; filename=""\r\nContent-Type: application/octet-stream', '') + `--${B}--\r\n`);
    const { files, form } = await parseMultipart(chunked(body, 4), B);
    expect(form.size).toBe(0);
    expect(files.get('f')!.filename).toBe('');
    expect(files.get('f')!.size).toBe(0);
  });

  it('per-part charsets and the _charset_ field', async () => {
    const latin = new Uint8Array([0x63, 0x61, 0x66, 0xe9]); // "café" in Latin-1
    const head = (name: string, type?: string) =>
      enc(`--${B}\r\nContent-Disposition: form-data; name="${name}"\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n`);
    const body = Buffer.concat([
      head('utf'), enc('café\r\n'),
      head('typed', 'text/plain; charset=iso-8859-1'), latin, enc('\r\n'),
      head('_charset_'), enc('windows-1252\r\n'),
      head('after'), latin, enc('\r\n'),
      enc(`--${B}--`),
    ]);
    const { form } = await parseMultipart(chunked(body, 2), B);
    expect(form.toObject()).toEqual({ utf: 'café', typed: 'café', _charset_: 'windows-1252', after: 'café' });
  });

  it('LF-only line endings, CRLF before the first boundary, transport padding, epilogue', async () => {
    const body = enc(`preamble\n\r\n--${B} \t\nContent-Disposition: form-data; name="a"\n\nline1\nline2\n--${B}--\nepilogue\r\n--${B}\r\n`);
    for (const size of [1, 2, 3, 1000]) {
      const { form } = await parseMultipart(chunked(body, size), B);
      expect(form.toLists()).toEqual({ a: ['line1\nline2'] });
    }
  });

  it('boundary look-alikes inside data are data', async () => {
    const text = `--${B}x\r\n--${B}-\r\n--${B}\tz\r\n\r--${B}\r\n-${B}`;
    const body = enc(part('Content-Disposition: form-data; name="a"', text) + `--${B}--`);
    // "\r--B\r\n" is not a delimiter (no LF before the dashes), the rest are look-alikes.
    for (const size of [1, 4, 7, 64]) {
      const { form } = await parseMultipart(chunked(body, size), B);
      expect(form.get('a')).toBe(text);
    }
  });

  it('a CR right before the delimiter belongs to the delimiter, earlier CRs to the data', async () => {
    const body = enc(part('Content-Disposition: form-data; name="a"', 'x\r\r') + part('Content-Disposition: form-data; name="b"', '') + `--${B}--`);
    for (const size of [1, 3, 100]) {
      const { form } = await parseMultipart(chunked(body, size), B);
      expect(form.toLists()).toEqual({ a: ['x\r\r'], b: [''] });
    }
  });

  it('folded header lines are joined; headers are kept on files', async () => {
    const body = enc(part('Content-Disposition: form-data;\r\n name="f";\r\n\tfilename="f.txt"\r\nContent-Type: text/plain; charset=utf-8\r\nX-Extra: 1', 'hé') + `--${B}--`);
    const { files } = await parseMultipart(chunked(body, 9), B);
    const file = files.get('f')!;
    expect(file.filename).toBe('f.txt');
    expect(file.headers.get('x-extra')).toBe('1');
    expect(file.mimetype).toBe('text/plain');
    expect(file.mimetypeParams).toEqual({ charset: 'utf-8' });
    expect(await file.text()).toBe('hé');
    expect(String(file)).toBe('<FileStorage "f.txt" (text/plain, 3 bytes)>');
  });

  it('repeated names keep their order', async () => {
    const body = multipart(B, [
      { name: 'tag', body: 'a' },
      { name: 'doc', filename: '1.txt', body: 'one' },
      { name: 'tag', body: 'b' },
      { name: 'doc', filename: '2.txt', body: 'two' },
    ]);
    const { form, files } = await parseMultipart(chunked(body, 11), B);
    expect(form.getAll('tag')).toEqual(['a', 'b']);
    expect(files.getAll('doc').map((f) => f.filename)).toEqual(['1.txt', '2.txt']);
  });
});

describe('parseOptions', () => {
  it('keeps IE paths and UNC paths as sent', () => {
    expect(parseOptions('form-data; filename="C:\\dir\\file.png"').params.get('filename')).toBe('C:\\dir\\file.png');
    expect(parseOptions('form-data; filename="\\\\srv\\share\\a.doc"').params.get('filename')).toBe('\\\\srv\\share\\a.doc');
  });
  it('ignores __proto__ tricks and flags', () => {
    const { value, params } = parseOptions('Form-Data; __proto__="x"; flag; name=a');
    expect(value).toBe('form-data');
    expect(params.get('__proto__')).toBe('x');
    expect(params.get('name')).toBe('a');
    expect(params.has('flag')).toBe(false);
  });
  it('the first plain value of a name wins', () => {
    expect(parseOptions('form-data; name=a; name=b').params.get('name')).toBe('a');
  });
});

describe('disk storage', () => {
  it('small files stay in memory, large ones spill to a private temp file removed by cleanup', async () => {
    const big = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 7) & 0xff);
    const body = multipart(B, [
      { name: 'small', filename: 's.txt', body: 'tiny' },
      { name: 'big', filename: 'b.bin', body: big },
    ]);
    const environ: Record<string, unknown> = {};
    const { files } = await parseMultipart(chunked(body, 65536), B, {
      storage: diskStorage({ directory: DIR }),
      onCleanup: (fn) => registerCleanup(environ, fn),
    });
    const small = files.get('small')!;
    const large = files.get('big')!;
    expect(small.path).toBeUndefined();
    expect(large.path).toMatch(/tsgi-upload-/);
    expect(existsSync(large.path!)).toBe(true);
    expect(Buffer.from(await large.bytes()).equals(Buffer.from(big))).toBe(true);
    let streamed = 0;
    for await (const chunk of large) streamed += chunk.length;
    expect(streamed).toBe(big.length);

    const dir = mkdtempSync(path.join(tmpdir(), 'tsgi-test-save-'));
    try {
      await large.save(path.join(dir, 'big.bin'));
      await small.save(path.join(dir, 'small.txt'));
      expect(readFileSync(path.join(dir, 'small.txt'), 'utf8')).toBe('tiny');
      expect(readFileSync(path.join(dir, 'big.bin')).length).toBe(big.length);
    } finally {
      rmSync(dir, { recursive: true });
    }
    await runCleanup(environ);
    expect(existsSync(large.path!)).toBe(false);
    expect(tempUploads(DIR)).toEqual([]);
    await expect(large.bytes()).rejects.toThrow(/already removed/);
  });

  it('the memory budget spills files under the threshold once it is used up', async () => {
    const storage = diskStorage({ directory: DIR, threshold: 1000, memoryBudget: 1500 });
    const body = multipart(B, [
      { name: 'a', filename: 'a', body: 'x'.repeat(900) },
      { name: 'b', filename: 'b', body: 'y'.repeat(900) },
    ]);
    const { files } = await parseMultipart(chunked(body, 64), B, { storage });
    expect(files.get('a')!.path).toBeUndefined();
    expect(files.get('b')!.path).toMatch(/tsgi-upload-/);
    expect(await files.get('b')!.text()).toBe('y'.repeat(900));
    await Promise.all([...files.values()].map((f) => f.close()));
    // The budget is given back: the next request keeps both in memory.
    const second = await parseMultipart(chunked(body, 64), B, { storage: diskStorage({ directory: DIR, threshold: 1000, memoryBudget: 1800 }) });
    expect([...second.files.values()].map((f) => f.path)).toEqual([undefined, undefined]);
    expect(tempUploads(DIR)).toEqual([]);
  });
});

describe('FileStorage', () => {
  it('reads, streams and saves to a WritableStream, a writer, or a path (memory storage too)', async () => {
    const file = new FileStorage({
      name: 'f',
      filename: 'a.txt',
      headers: { 'Content-Type': 'text/plain; charset="iso-8859-1"' },
      data: MemoryFileData.from([Uint8Array.of(0x61), Uint8Array.of(0xe9)]),
    });
    expect(file.mimetype).toBe('text/plain');
    expect(file.mimetypeParams).toEqual({ charset: 'iso-8859-1' });
    expect(await file.text()).toBe('aé');
    const got: number[] = [];
    await file.save(new WritableStream({ write: (chunk: Uint8Array) => void got.push(...chunk) }));
    await file.save({ write: (chunk: Uint8Array) => void got.push(...chunk) });
    expect(got).toEqual([0x61, 0xe9, 0x61, 0xe9]);
    const reader = file.stream.getReader();
    expect((await reader.read()).value).toEqual(Uint8Array.of(0x61, 0xe9));
    expect((await reader.read()).done).toBe(true);
    // On a runtime with a file system a memory-held upload saves to a path as well.
    const dir = mkdtempSync(path.join(tmpdir(), 'tsgi-save-'));
    try {
      await file.save(path.join(dir, 'a.txt'));
      expect([...readFileSync(path.join(dir, 'a.txt'))]).toEqual([0x61, 0xe9]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
