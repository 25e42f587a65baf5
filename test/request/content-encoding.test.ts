import { brotliCompressSync, constants, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeContentEncoding } from '../../src/request/content-encoding.js';
import { nodeDecoders } from '../../src/request/content-encoding.node.js';
import { parseMultipart } from '../../src/request/multipart/index.js';
import { chunked, enc, expectHttpError, multipart } from './multipart/helpers.js';

async function collect(input: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of input) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const text = Buffer.from('hello tsgi '.repeat(5000));

describe('request Content-Encoding', () => {
  it('identity and no header pass the input through', async () => {
    const input = chunked(text, 100);
    expect(decodeContentEncoding(input, undefined)).toBe(input);
    expect(decodeContentEncoding(input, ' identity ')).toBe(input);
  });

  it('encoded bodies are refused with 415 by default, naming what is accepted', async () => {
    let error: unknown;
    try {
      decodeContentEncoding(chunked(gzipSync(text), 10), 'gzip');
    } catch (caught) {
      error = caught;
    }
    const http = await expectHttpError(Promise.reject(error), 415, /Content-Encoding \(gzip\) are not accepted/);
    expect(http.headers).toEqual({ 'Accept-Encoding': 'identity' });
    expect(() => decodeContentEncoding(chunked(text, 10), 'compress', { accept: true })).toThrow(/"compress" is not supported/);
    expect(() => decodeContentEncoding(chunked(text, 10), 'br', { accept: ['gzip'] })).toThrow(/"br" is not supported/);
  });

  it('gzip, x-gzip and deflate decode with the Web DecompressionStream, in any chunking', async () => {
    for (const size of [1, 7, 65536]) {
      expect((await collect(decodeContentEncoding(chunked(gzipSync(text), size), 'gzip', { accept: true }))).equals(text)).toBe(true);
      expect((await collect(decodeContentEncoding(chunked(gzipSync(text), size), 'x-gzip', { accept: ['gzip'] }))).equals(text)).toBe(true);
      expect((await collect(decodeContentEncoding(chunked(deflateSync(text), size), 'deflate', { accept: true }))).equals(text)).toBe(true);
    }
  });

  it('br (and stacked codings) decode with the Node decoders', async () => {
    const decoders = nodeDecoders();
    const br = brotliCompressSync(text);
    expect((await collect(decodeContentEncoding(chunked(br, 333), 'br', { accept: true, decoders }))).equals(text)).toBe(true);
    const stacked = brotliCompressSync(gzipSync(text)); // "gzip, br": gzip applied first
    expect((await collect(decodeContentEncoding(chunked(stacked, 1000), 'gzip, br', { accept: true, decoders }))).equals(text)).toBe(true);
  });

  it('corrupt data is a 400', async () => {
    const bad = Buffer.from(gzipSync(text));
    bad[40] ^= 0xff;
    await expectHttpError(collect(decodeContentEncoding(chunked(bad, 50), 'gzip', { accept: true })), 400, /not valid gzip data/);
    await expectHttpError(collect(decodeContentEncoding(chunked(enc('nope'), 2), 'br', { accept: true, decoders: nodeDecoders() })), 400, /not valid br data/);
  });

  it('a zip bomb stops at the decoded limit, quickly, and closes the input', async () => {
    const zeros = new Uint8Array(64 * 1024 * 1024);
    for (const [coding, compressed] of [
      ['gzip', gzipSync(zeros, { level: 6 })],
      ['br', brotliCompressSync(zeros, { params: { [constants.BROTLI_PARAM_QUALITY]: 3 } })],
    ] as const) {
      let closed = false;
      const input = {
        async *[Symbol.asyncIterator]() {
          try {
            for (let i = 0; i < compressed.length; i += 16384) yield compressed.subarray(i, i + 16384);
          } finally {
            closed = true;
          }
        },
      };
      const started = performance.now();
      const before = process.memoryUsage().arrayBuffers;
      await expectHttpError(
        collect(decodeContentEncoding(input, coding, { accept: true, maxDecodedLength: 16 * 1024 * 1024, decoders: nodeDecoders() })),
        413,
        /decoded request body is larger than the limit of 16777216 bytes/,
      );
      expect(performance.now() - started).toBeLessThan(3000);
      expect(closed).toBe(true);
      // Nothing like the 64 MiB the bomb expands to was held at once.
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(48 * 1024 * 1024);
    }
  });

  it('a gzipped multipart body parses, and its limits count decoded bytes', async () => {
    const body = multipart('zz', [{ name: 'a', body: 'x'.repeat(50_000) }]);
    const gz = gzipSync(body);
    const input = decodeContentEncoding(chunked(gz, 512), 'gzip', { accept: true });
    expect((await parseMultipart(input, 'zz')).form.get('a')).toHaveLength(50_000);
    const again = decodeContentEncoding(chunked(gz, 512), 'gzip', { accept: true });
    await expectHttpError(parseMultipart(again, 'zz', { limits: { maxContentLength: 10_000 } }), 413, /limit of 10000 bytes/);
  });
});
