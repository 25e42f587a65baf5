import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeUtf8, utf8Length } from '../../src/http/utf8.js';

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
