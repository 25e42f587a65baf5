import { describe, expect, it } from 'vitest';
import { decodePathInfo } from '../../src/request/decode-path.js';

describe('decodePathInfo', () => {
  it('decodes valid UTF-8 and leaves overlong forms, surrogates and lone bytes as they were', () => {
    expect(decodePathInfo('/plain')).toBe('/plain');
    expect(decodePathInfo('/%F0%9F%98%80')).toBe('/😀');
    expect(decodePathInfo('/%C0%AF')).toBe('/%C0%AF');
    expect(decodePathInfo('/%ED%A0%80')).toBe('/%ED%A0%80');
    expect(decodePathInfo('/%e9t%c3%a9')).toBe('/%e9té');
    expect(decodePathInfo('/100%')).toBe('/100%');
    expect(decodePathInfo('/%4')).toBe('/%4');
    expect(decodePathInfo('/%20%41')).toBe('/ A');
  });
});

describe('decodePathInfo: properties', () => {
  it('inverts percent-encoding of any well-formed text', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const clean = text.replace(/%/g, '');
        expect(decodePathInfo(encodeURIComponent(clean))).toBe(clean);
      }),
    );
  });

  it('agrees with decodeURIComponent whenever that succeeds, and never throws on any bytes', async () => {
    const fc = (await import('fast-check')).default;
    // 0x25 ('%') is left out so that a decoded '%' cannot be mistaken for a kept escape below.
    const escaped = fc
      .array(fc.integer({ min: 0, max: 255 }).filter((byte) => byte !== 0x25), { maxLength: 12 })
      .map((bytes) => bytes.map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join(''));
    fc.assert(
      fc.property(escaped, (path) => {
        const decoded = decodePathInfo(path);
        let expected: string | undefined;
        try {
          expected = decodeURIComponent(path);
        } catch {
          expected = undefined;
        }
        if (expected !== undefined) expect(decoded).toBe(expected);
        // Kept escapes plus the re-encoded decoded characters give back the input exactly.
        const reencoded = decoded.replace(/%[0-9a-f]{2}|[^]/giu, (part) =>
          part.length === 3 && part.startsWith('%')
            ? part
            : [...new TextEncoder().encode(part)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join(''),
        );
        expect(reencoded).toBe(path);
      }),
    );
  });
});
