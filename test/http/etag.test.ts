import { describe, expect, it } from 'vitest';
import { ETags, generateEtag, parseEtags, quoteEtag, unquoteEtag } from '../../src/http/etag.js';

describe('quoteEtag / unquoteEtag', () => {
  it('quotes and marks weakness', () => {
    expect(quoteEtag('abc')).toBe('"abc"');
    expect(quoteEtag('abc', true)).toBe('W/"abc"');
    expect(quoteEtag('')).toBe('""');
  });
  it('refuses characters an entity tag cannot hold', () => {
    for (const tag of ['a"b', 'a b', 'a\r\nb', 'a\u0000', '€']) expect(() => quoteEtag(tag)).toThrow(TypeError);
  });
  it('unquotes leniently', () => {
    expect(unquoteEtag('W/"abc"')).toEqual({ tag: 'abc', weak: true });
    expect(unquoteEtag('w/"abc"')).toEqual({ tag: 'abc', weak: true });
    expect(unquoteEtag(' "abc" ')).toEqual({ tag: 'abc', weak: false });
    expect(unquoteEtag('abc')).toEqual({ tag: 'abc', weak: false });
    expect(unquoteEtag('"')).toEqual({ tag: '"', weak: false });
  });
});

describe('parseEtags', () => {
  it('parses strong and weak tags', () => {
    const etags = parseEtags('"a", W/"b", "c,d"');
    expect([...etags]).toEqual([
      { tag: 'a', weak: false },
      { tag: 'b', weak: true },
      { tag: 'c,d', weak: false },
    ]);
    expect(etags.contains('a')).toBe(true);
    expect(etags.contains('b')).toBe(false);
    expect(etags.containsWeak('b')).toBe(true);
    expect(etags.containsWeak('z')).toBe(false);
    expect(etags.isStrong('a')).toBe(true);
    expect(etags.isWeak('b')).toBe(true);
    expect(etags.containsRaw('W/"a"')).toBe(true);
    expect(etags.containsRaw('"b"')).toBe(false);
    expect(String(etags)).toBe('"a", W/"b", "c,d"');
  });
  it('understands *', () => {
    const star = parseEtags('*');
    expect(star.star).toBe(true);
    expect(star.contains('x')).toBe(true);
    expect(star.containsWeak('x')).toBe(true);
    expect(String(star)).toBe('*');
    expect(parseEtags('"a", *').star).toBe(true);
  });
  it('is empty for a missing header', () => {
    const none = parseEtags(undefined);
    expect(none.isEmpty).toBe(true);
    expect(none.contains('a')).toBe(false);
    expect(new ETags().size).toBe(0);
  });
  it('tolerates unquoted tags, junk and an unterminated quote', () => {
    expect([...parseEtags('abc, "d"junk, "e')].map((t) => t.tag)).toEqual(['abc', 'd']);
    expect([...parseEtags(',,, ,')]).toEqual([]);
  });
  it('reads at most 100 tags, in linear time', () => {
    const many = Array.from({ length: 1000 }, (_, i) => `"t${i}"`).join(', ');
    expect(parseEtags(many).size).toBe(100);
    for (const header of ['"'.repeat(1 << 20), 'W/'.repeat(1 << 19), ','.repeat(1 << 20), `"${'a'.repeat(1 << 20)}`]) {
      const start = performance.now();
      parseEtags(header);
      expect(performance.now() - start).toBeLessThan(2000);
    }
  });
});

describe('generateEtag', () => {
  it('hashes bytes and strings with SHA-1 (Werkzeug-compatible)', async () => {
    expect(await generateEtag(new TextEncoder().encode('hello'))).toBe('aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d');
    expect(await generateEtag('hello')).toBe('aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d');
    expect(await generateEtag(new Uint8Array())).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
  });
});
