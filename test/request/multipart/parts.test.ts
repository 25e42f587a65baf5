import { describe, expect, it } from 'vitest';
import { iterateParts } from '../../../src/request/multipart/index.js';
import { chunked, enc, expectHttpError, fixture, multipart } from './helpers.js';

const B = 'pArTs';

describe('iterateParts (streaming)', () => {
  it('yields fields and files in order, streamed chunk by chunk', async () => {
    const png = fixture('webkit3-2png1txt/file1.png');
    const body = multipart(B, [
      { name: 'title', body: 'hello' },
      { name: 'pic', filename: 'p.png', type: 'image/png', body: png },
      { name: 'skipped', filename: 's.bin', body: 'zzz' },
      { name: 'after', body: 'bye' },
    ]);
    const seen: string[] = [];
    for await (const part of iterateParts(chunked(body, 100), B)) {
      if (part.name === 'title') {
        expect(part.isFile).toBe(false);
        seen.push(`title=${await part.text()}`);
      } else if (part.name === 'pic') {
        expect(part.isFile).toBe(true);
        expect(part.mimetype).toBe('image/png');
        expect(part.headers.get('content-type')).toBe('image/png');
        const chunks: Uint8Array[] = [];
        for await (const chunk of part) chunks.push(chunk.slice());
        expect(chunks.length).toBeGreaterThan(1);
        expect(Buffer.concat(chunks).equals(Buffer.from(png))).toBe(true);
        seen.push(`pic=${part.filename}`);
      } else if (part.name === 'skipped') {
        seen.push('skipped'); // not read: the loop skips it
      } else {
        seen.push(`after=${await part.text()}`);
      }
    }
    expect(seen).toEqual(['title=hello', 'pic=p.png', 'skipped', 'after=bye']);
  });

  it('a part is a ReadableStream too, and cannot be read twice', async () => {
    const body = multipart(B, [{ name: 'f', filename: 'f.txt', body: 'abc'.repeat(1000) }]);
    for await (const part of iterateParts(chunked(body, 512), B)) {
      const text = await new Response(part.stream).text();
      expect(text).toBe('abc'.repeat(1000));
      await expect(part.bytes()).rejects.toThrow(/already read/);
    }
  });

  it('limits apply while streaming; leaving the loop early closes the input', async () => {
    let closed = false;
    let read = 0;
    const input = {
      async *[Symbol.asyncIterator]() {
        try {
          yield enc(`--${B}\r\nContent-Disposition: form-data; name="f"; filename="big"\r\n\r\n`);
          for (;;) {
            read += 65536;
            yield new Uint8Array(65536);
          }
        } finally {
          closed = true;
        }
      },
    };
    const run = async () => {
      for await (const part of iterateParts(input, B, { limits: { maxFileSize: 1_000_000, maxContentLength: Infinity } })) {
        for await (const chunk of part) void chunk;
      }
    };
    await expectHttpError(run(), 413, /larger than 1000000 bytes/);
    expect(read).toBeLessThan(1_200_000);
    expect(closed).toBe(true);

    closed = false;
    read = 0;
    for await (const part of iterateParts(input, B)) {
      expect(part.name).toBe('f');
      break;
    }
    expect(closed).toBe(true);
  });

  it('malformed bodies and too many parts are errors of the loop', async () => {
    const truncated = enc(`--${B}\r\nContent-Disposition: form-data; name="a"\r\n\r\nabc`);
    const loop = async (body: Uint8Array, limits = {}) => {
      for await (const part of iterateParts(chunked(body, 3), B, { limits })) await part.text();
    };
    await expectHttpError(loop(truncated), 400, /truncated/);
    const many = multipart(B, Array.from({ length: 11 }, (_, i) => ({ name: `p${i}`, body: 'x' })));
    await expectHttpError(loop(many, { maxFormParts: 10 }), 413, /more than 10 parts/);
    await expectHttpError(loop(many, { maxFormMemorySize: 0 }), 413, /form field "p0" is larger than 0 bytes/);
  });
});
