// parsePartHeaders has a byte-level fast path for the common `Content-Disposition: form-data;
// name="..."` block; every answer must equal the general parser's, reached here by the same block
// with LF-only line endings (which the fast path does not take).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePartHeaders } from '../../../src/request/multipart/part-headers.js';
import { HTTPException } from '../../../src/errors.js';

const encode = (text: string) => new TextEncoder().encode(text);

function outcome(block: Uint8Array) {
  try {
    const info = parsePartHeaders(block);
    return {
      name: info.name,
      filename: info.filename,
      contentType: info.contentType,
      mimetype: info.mimetype,
      params: { ...info.mimetypeParams },
      headers: info.headers.map(([name, value]) => [name, value]),
    };
  } catch (error) {
    expect(error).toBeInstanceOf(HTTPException);
    return { error: (error as HTTPException).code };
  }
}

describe('parsePartHeaders fast path', () => {
  it('agrees with the general parser on any field name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (name) => {
        const crlf = outcome(encode(`Content-Disposition: form-data; name="${name}"\r\n\r\n`));
        const lf = outcome(encode(`Content-Disposition: form-data; name="${name}"\n\n`));
        expect(crlf).toEqual(lf);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    'content-disposition: form-data; name="a"\r\n\r\n',
    'Content-Disposition: form-data; name="a\\"b"\r\n\r\n',
    'Content-Disposition: form-data; name="é"\r\n\r\n',
    'Content-Disposition: form-data; name="a"; filename=""\r\n\r\n',
    'Content-Disposition: form-data; name="a"\r\nContent-Type: text/plain\r\n\r\n',
    'Content-Disposition: form-data; name=""\r\n\r\n',
    'Content-Disposition: form-data; name="a;b=c"\r\n\r\n',
  ])('gives the general answer just outside the fast path: %j', (text) => {
    expect(outcome(encode(text))).toEqual(outcome(encode(text.replaceAll('\r\n', '\n'))));
  });

  it('reads the simple case with its header list', () => {
    const info = parsePartHeaders(encode('Content-Disposition: form-data; name="title"\r\n\r\n'));
    expect(info.name).toBe('title');
    expect(info.filename).toBeUndefined();
    expect(info.mimetype).toBe('');
    expect(info.headers).toEqual([['Content-Disposition', 'form-data; name="title"']]);
  });
});
