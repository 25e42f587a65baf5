import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, encodeUtf8, utf8Length } from '../../src/http/utf8.js';

describe('encodeUtf8', () => {
  it('agrees with TextEncoder on any string, short or long, lone surrogates included', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string({ maxLength: 200 })), (text) => {
        expect([...encodeUtf8(text)]).toEqual([...encoder.encode(text)]);
      }),
      { numRuns: 2000 },
    );
    for (const text of ['', 'a', '\ud800', '\udc00x', 'x\ud83d', '😀', 'é€😀']) {
      expect([...encodeUtf8(text)]).toEqual([...encoder.encode(text)]);
    }
  });
});

describe('utf8Length', () => {
  it('is the length of what TextEncoder writes, lone surrogates included', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string({ maxLength: 200 })), (text) => {
        expect(utf8Length(text)).toBe(encoder.encode(text).byteLength);
      }),
      { numRuns: 2000 },
    );
    for (const text of ['', 'a', '\ud800', '\udc00x', 'x\ud83d', '\ud83d\ud83d\ude00', '😀', 'é€😀', '\u07ff\u0800']) {
      expect(utf8Length(text)).toBe(encoder.encode(text).byteLength);
    }
  });
});

describe('decodeUtf8', () => {
  it('agrees with TextDecoder on any bytes, short or long', () => {
    const decoder = new TextDecoder();
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 80 }), fc.uint8Array({ max: 0x7f, maxLength: 80 }), fc.string().map((t) => new TextEncoder().encode(t))), (bytes) => {
        expect(decodeUtf8(bytes)).toBe(decoder.decode(bytes));
      }),
      { numRuns: 2000 },
    );
    for (const bytes of [[], [0xef, 0xbb, 0xbf, 0x41], [0x41, 0x80], [0xc3, 0xa9], [0]]) {
      expect(decodeUtf8(new Uint8Array(bytes))).toBe(decoder.decode(new Uint8Array(bytes)));
    }
  });
});
