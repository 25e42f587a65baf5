import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUrlencoded } from '../../src/request/urlencoded.js';
import { parseFlatQuery } from '../../src/request/query.js';

/**
 * The WHATWG URL standard's urlencoded parser, step by step on bytes (section 5.1). Node 20's own
 * URLSearchParams is not a usable reference: it garbles non-ASCII text that follows an invalid
 * escape ('%80😀' gives '\ufffd=\0'), where Deno, Bun and the standard give '\ufffd😀'.
 */
function reference(text: string): Array<[string, string]> {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const hex = (byte: number) => /[0-9a-f]/i.test(String.fromCharCode(byte));
  const decode = (part: Uint8Array) => {
    const out: number[] = [];
    for (let i = 0; i < part.length; i++) {
      const byte = part[i] === 0x2b ? 0x20 : part[i];
      if (part[i] === 0x25 && i + 2 < part.length && hex(part[i + 1]) && hex(part[i + 2])) {
        out.push(parseInt(String.fromCharCode(part[i + 1], part[i + 2]), 16));
        i += 2;
      } else out.push(byte);
    }
    return decoder.decode(new Uint8Array(out));
  };
  const pairs: Array<[string, string]> = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x26) continue;
    const sequence = bytes.subarray(start, i);
    start = i + 1;
    if (sequence.length === 0) continue;
    const equals = sequence.indexOf(0x3d);
    pairs.push(
      equals === -1
        ? [decode(sequence), '']
        : [decode(sequence.subarray(0, equals)), decode(sequence.subarray(equals + 1))],
    );
  }
  return pairs;
}

// Pieces that exercise every branch: separators, escapes valid and broken, encoded bytes of every
// kind (overlong, surrogates, a BOM), raw non-ASCII and lone surrogates.
const piece = fc.oneof(
  fc.constantFrom('&', '=', '+', '%', '%2', '%zz', '%%', '%2B', '%26', '%3D', '%20', '%EF%BB%BF', '%ED%A0%80', '%C0%AF', '%F0%9F%98%80', '%E2%82', '%FF'),
  fc.constantFrom('a', 'b', 'key', 'é', '😀', '\ufeff', '\ud800', '\udc00', '\ud83d\ude00', '?', ' ', '\0'),
  fc.integer({ min: 0, max: 255 }).map((byte) => `%${byte.toString(16).padStart(2, '0')}`),
  fc.integer({ min: 0, max: 255 }).map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`),
  fc.string({ maxLength: 4 }),
);
const text = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));

describe('parseUrlencoded', () => {
  it('gives exactly what the standard says, on any input', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'binary', maxLength: 40 })), (input) => {
        expect(parseUrlencoded(input)).toEqual(reference(input));
      }),
      { numRuns: 5000 },
    );
  });

  it('handles the common and the awkward cases', () => {
    const cases = [
      '', '&', '&&a=1&&', 'a', 'a=', '=a', '=', 'a=1=2', 'a=1&a=2&b', 'q=a+b%2Bc', 'name=caf%C3%A9',
      'x=%', 'x=%2', 'x=%zz', 'x=%E2%82', 'x=%ED%A0%80', '%EF%BB%BFx=1', 'x=\ud800', 'x=\ud83d\ude00', 'a+b=c+d',
    ];
    for (const input of cases) expect(parseUrlencoded(input), input).toEqual(reference(input));
    // ASCII input, where Node's URLSearchParams is right too.
    for (const input of cases.filter((c) => /^[\x00-\x7f]*$/.test(c))) {
      expect(parseUrlencoded(input), input).toEqual([...new URLSearchParams(input.startsWith('?') ? `&${input}` : input)]);
    }
  });

  it('agrees with what Deno and Bun answer where Node 20 is wrong', () => {
    expect(parseUrlencoded('%80😀')).toEqual([['\ufffd😀', '']]);
    expect(parseUrlencoded('a%80é&%EF%BB%BFx=1&x=%ED%A0%80')).toEqual([
      ['a\ufffdé', ''],
      ['\ufeffx', '1'],
      ['x', '\ufffd\ufffd\ufffd'],
    ]);
  });

  it('backs Request.args: order, repeats, blanks', () => {
    const args = parseFlatQuery('a=1&b=two&c=3&c=4&empty=');
    expect([...args]).toEqual([['a', '1'], ['b', 'two'], ['c', '3'], ['c', '4'], ['empty', '']]);
    expect(args.getAll('c')).toEqual(['3', '4']);
    // Pairs handed out are copies: changing one does not change the dict.
    const [first] = [...args];
    first[1] = 'changed';
    expect(args.get('a')).toBe('1');
    expect([...args.values()]).toEqual(['1', 'two', '3', '4', '']);
  });
});
