import { describe, expect, it } from 'vitest';
import { diskStorage } from '../../../src/request/multipart/temp-storage.node.js';
import { boundaryOf, parseMultipart } from '../../../src/request/multipart/index.js';
import { chunked, enc, expectHttpError, multipart, tempUploads, uploadDir } from './helpers.js';

const DIR = uploadDir();

const B = 'xYzZY';

/** An input that yields `body` and then `extra` bytes forever (to prove the rest is never read). */
function endless(body: Uint8Array, filler = 0x61): AsyncIterable<Uint8Array> & { read: number } {
  const state = {
    read: 0,
    async *[Symbol.asyncIterator]() {
      state.read += body.length;
      yield body;
      const chunk = new Uint8Array(65536).fill(filler);
      for (;;) {
        state.read += chunk.length;
        yield chunk;
      }
    },
  };
  return state;
}

describe('limits (413 / 431 as soon as crossed)', () => {
  it('maxContentLength counts bytes actually read, with no Content-Length', async () => {
    const body = enc(`--${B}\r\nContent-Disposition: form-data; name="f"; filename="a"\r\n\r\n`);
    const input = endless(body);
    await expectHttpError(
      parseMultipart(input, B, { limits: { maxContentLength: 1_000_000 }, storage: diskStorage({ directory: DIR }) }),
      413,
      /larger than the limit of 1000000 bytes/,
    );
    expect(input.read).toBeLessThan(1_000_000 + 65536 * 2);
    expect(tempUploads(DIR)).toEqual([]);
  });

  it('a declared Content-Length over maxContentLength is refused before reading', async () => {
    const input = endless(enc('x'));
    await expectHttpError(parseMultipart(input, B, { limits: { maxContentLength: 10 }, contentLength: 11 }), 413, /limit/);
    expect(input.read).toBe(0);
  });

  it('maxFormMemorySize is per text field, counted across chunks', async () => {
    const ok = multipart(B, [{ name: 'a', body: 'x'.repeat(100) }, { name: 'b', body: 'y'.repeat(100) }]);
    const { form } = await parseMultipart(chunked(ok, 3), B, { limits: { maxFormMemorySize: 100 } });
    expect(form.get('b')).toBe('y'.repeat(100));
    const input = endless(enc(`--${B}\r\nContent-Disposition: form-data; name="big"\r\n\r\n`));
    await expectHttpError(
      parseMultipart(input, B, { limits: { maxFormMemorySize: 500_000 } }),
      413,
      /form field "big" is larger than 500000 bytes/,
    );
    expect(input.read).toBeLessThan(500_000 + 2 * 65536);
  });

  it('maxFormMemorySize does not apply to files', async () => {
    const body = multipart(B, [{ name: 'f', filename: 'f.bin', body: 'z'.repeat(1000) }]);
    const { files } = await parseMultipart(chunked(body, 100), B, { limits: { maxFormMemorySize: 10 } });
    expect(files.get('f')!.size).toBe(1000);
  });

  it('20,000 one-byte parts are rejected at maxFormParts in well under a second', async () => {
    const parts = Array.from({ length: 20_000 }, (_, i) => ({ name: `p${i}`, body: 'x' }));
    const body = multipart(B, parts);
    const started = performance.now();
    await expectHttpError(parseMultipart(chunked(body, 65536), B), 413, /more than 1000 parts/);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(250);
  });

  it('maxFiles counts file parts', async () => {
    const parts = Array.from({ length: 4 }, (_, i) => ({ name: `f${i}`, filename: `${i}.txt`, body: 'x' }));
    const body = multipart(B, parts);
    await expectHttpError(
      parseMultipart(chunked(body, 7), B, { limits: { maxFiles: 3 }, storage: diskStorage({ directory: DIR, threshold: 0 }) }),
      413,
      /more than 3 files/,
    );
    expect(tempUploads(DIR)).toEqual([]);
    const { files } = await parseMultipart(chunked(body, 7), B, { limits: { maxFiles: 4 } });
    expect(files.size).toBe(4);
  });

  it('maxFileSize stops a big file as it streams, and its temp file is removed', async () => {
    const input = endless(enc(`--${B}\r\nContent-Disposition: form-data; name="up"; filename="big.bin"\r\n\r\n`), 0);
    await expectHttpError(
      parseMultipart(input, B, {
        limits: { maxFileSize: 2 * 1024 * 1024, maxContentLength: Infinity },
        storage: diskStorage({ directory: DIR }),
      }),
      413,
      /file in field "up" is larger than 2 MiB/,
    );
    expect(input.read).toBeLessThan(3 * 1024 * 1024);
    expect(tempUploads(DIR)).toEqual([]);
  });

  it('part headers over 16 KiB are a 431', async () => {
    const input = endless(enc(`--${B}\r\nContent-Disposition: form-data; name="a"\r\nX-Pad: `));
    await expectHttpError(parseMultipart(input, B), 431, /headers of a multipart part are larger than 16 KiB/);
    expect(input.read).toBeLessThan(16384 + 2 * 65536);
  });

  it('many short header lines also count towards the 16 KiB', async () => {
    const body = enc(`--${B}\r\n${'X-A: b\r\n'.repeat(3000)}\r\n`);
    await expectHttpError(parseMultipart(chunked(body, 1000), B), 431, /16 KiB/);
  });

  it('a preamble over 16 KiB is a 413', async () => {
    const input = endless(enc('preamble'), 0x0a); // even with line breaks everywhere
    await expectHttpError(parseMultipart(input, B), 413, /more than 16 KiB before its first boundary/);
    const small = multipart(B, [{ name: 'a', body: '1' }], { preamble: 'p'.repeat(16000) + '\r\n' });
    expect((await parseMultipart(chunked(small, 999), B)).form.get('a')).toBe('1');
  });

  it('limits can be raised per call', async () => {
    const parts = Array.from({ length: 1500 }, (_, i) => ({ name: `p${i}`, body: 'x' }));
    const { form } = await parseMultipart(chunked(multipart(B, parts), 4096), B, { limits: { maxFormParts: 2000 } });
    expect(form.size).toBe(1500);
  });
});

describe('malformed bodies (400 with a reason)', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['no boundary in the body', 'hello world', /does not contain the boundary/],
    ['truncated in the headers', `--${B}\r\nContent-Disposition: form-data; name="a"\r\n`, /ended inside the headers/],
    ['truncated in a part', `--${B}\r\nContent-Disposition: form-data; name="a"\r\n\r\nabc`, /ended before its closing boundary/],
    ['truncated after a delimiter', `--${B}\r\nContent-Disposition: form-data; name="a"\r\n\r\nabc\r\n--${B}`, /closing boundary/],
    ['missing Content-Disposition', `--${B}\r\nContent-Type: text/plain\r\n\r\nabc\r\n--${B}--`, /no Content-Disposition/],
    ['no name', `--${B}\r\nContent-Disposition: form-data; filename="a"\r\n\r\nabc\r\n--${B}--`, /has no name/],
    ['a header line without a colon', `--${B}\r\nContent-Disposition: form-data; name="a"\r\nbogus\r\n\r\nx\r\n--${B}--`, /expected "Name: value"/],
    ['a header name with spaces', `--${B}\r\nBad Name: 1\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n--${B}--`, /expected "Name: value"/],
    ['a control character in a header', `--${B}\r\nContent-Disposition: form-data; name="a\x01"\r\n\r\nx\r\n--${B}--`, /control character/],
    ['a lone CR in a header', `--${B}\r\nContent-Disposition: form-data; name="a"\rX: y\r\n\r\nx\r\n--${B}--`, /control character/],
    ['a continuation line first', `--${B}\r\n continued\r\n\r\nx\r\n--${B}--`, /continuation line first/],
  ];
  for (const [label, text, message] of cases) {
    it(label, async () => {
      for (const size of [1, 5, 65536]) {
        await expectHttpError(parseMultipart(chunked(enc(text), size), B, { storage: diskStorage({ directory: DIR, threshold: 0 }) }), 400, message);
      }
      expect(tempUploads(DIR)).toEqual([]);
    });
  }

  it('a body shorter than its Content-Length', async () => {
    const body = multipart(B, [{ name: 'a', body: '1' }]);
    await expectHttpError(parseMultipart(chunked(body, 10), B, { contentLength: body.length + 5 }), 400, /ended after \d+ of the \d+ bytes/);
  });

  it('a truncated file upload leaves no temp file', async () => {
    const body = enc(`--${B}\r\nContent-Disposition: form-data; name="f"; filename="x"\r\n\r\n${'a'.repeat(100_000)}`);
    await expectHttpError(parseMultipart(chunked(body, 4096), B, { storage: diskStorage({ directory: DIR, threshold: 1000 }) }), 400, /truncated/);
    expect(tempUploads(DIR)).toEqual([]);
  });

  it('an input that fails (client gone) is a 400 and leaves no temp file', async () => {
    const input = {
      async *[Symbol.asyncIterator]() {
        yield enc(`--${B}\r\nContent-Disposition: form-data; name="f"; filename="x"\r\n\r\n`);
        yield new Uint8Array(300_000);
        throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
      },
    };
    const error = await expectHttpError(parseMultipart(input, B, { storage: diskStorage({ directory: DIR, threshold: 1000 }) }), 400, /could not be read to its end/);
    expect((error.cause as Error).message).toBe('aborted');
    expect(tempUploads(DIR)).toEqual([]);
  });

  it('boundaries: missing, empty, too long, bad characters', () => {
    expect(() => boundaryOf('multipart/form-data')).toThrow(/no boundary parameter/);
    expect(() => boundaryOf('multipart/form-data; boundary=""')).toThrow(/boundary is empty/);
    expect(() => boundaryOf(`multipart/form-data; boundary=${'a'.repeat(71)}`)).toThrow(/71 characters long; at most 70/);
    expect(() => boundaryOf('multipart/form-data; boundary="a\u00e9"')).toThrow(/not allowed/);
    expect(boundaryOf(`multipart/form-data; boundary=${'a'.repeat(70)}`)).toBe('a'.repeat(70));
  });

  it('parseMultipart checks the boundary too', async () => {
    await expectHttpError(parseMultipart(chunked(enc('x'), 1), 'b'.repeat(71)), 400, /at most 70/);
  });

  it('an empty body is an empty form', async () => {
    const { form, files } = await parseMultipart(chunked(new Uint8Array(0), 1), B);
    expect(form.size + files.size).toBe(0);
  });
});
