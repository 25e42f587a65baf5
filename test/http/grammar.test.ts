import { describe, expect, it } from 'vitest';
import {
  decodeExtValue,
  dumpHeader,
  dumpOptionsHeader,
  encodeExtValue,
  parseDictHeader,
  parseList,
  parseOptionsHeader,
  quoteHeaderValue,
  splitList,
  unquoteHeaderValue,
} from '../../src/http/grammar.js';

describe('quoting', () => {
  it('quotes non-tokens and round-trips escapes', () => {
    expect(quoteHeaderValue('abc')).toBe('abc');
    expect(quoteHeaderValue('')).toBe('""');
    expect(quoteHeaderValue('a "b" \\c')).toBe('"a \\"b\\" \\\\c"');
    expect(unquoteHeaderValue(quoteHeaderValue('a "b" \\c'))).toBe('a "b" \\c');
    expect(unquoteHeaderValue('"')).toBe('"');
    expect(unquoteHeaderValue('plain')).toBe('plain');
  });
});

describe('lists', () => {
  it('splits on commas outside quotes', () => {
    expect(splitList('a, "b, c" ,, d')).toEqual(['a', '"b, c"', 'd']);
    expect(splitList('"a\\",b", c')).toEqual(['"a\\",b"', 'c']);
    expect(splitList('a, "unterminated, b')).toEqual(['a']);
    expect(parseList('token, "quoted, value", "esc\\"aped"')).toEqual(['token', 'quoted, value', 'esc"aped']);
    expect(parseList(undefined)).toEqual([]);
    expect(splitList('a,b,c,d', 2)).toEqual(['a', 'b']);
  });
  it('parses dict headers', () => {
    expect({ ...parseDictHeader('a=b, c="d, e", f, a=z, =x') }).toEqual({ a: 'b', c: 'd, e', f: null });
    expect({ ...parseDictHeader("title*=UTF-8''%E2%82%AC") }).toEqual({ title: '€' });
  });
  it('is linear on hostile input', () => {
    const start = performance.now();
    splitList('"'.repeat(1 << 20), 1 << 30);
    splitList('\\'.repeat(1 << 20));
    parseOptionsHeader(`a;${'b=";'.repeat(1 << 18)}`);
    parseOptionsHeader(`a;${'"'.repeat(1 << 20)}`);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe('options headers', () => {
  it('parses parameters with quotes, escapes and RFC 8187 values', () => {
    expect(parseOptionsHeader('text/html; charset="utf-8"')).toEqual({ value: 'text/html', params: { charset: 'utf-8' } });
    expect(parseOptionsHeader('form-data; name="a\\"b;c"; filename="x.txt"').params).toEqual({ name: 'a"b;c', filename: 'x.txt' });
    expect(parseOptionsHeader("attachment; filename*=UTF-8''%E2%82%AC.txt; filename=\"e.txt\"").params).toEqual({ filename: '€.txt' });
    expect(parseOptionsHeader("a; filename=\"e.txt\"; filename*=iso-8859-1'en'%A3").params).toEqual({ filename: '£' });
    expect(parseOptionsHeader("a; filename*=koi8-r''%A3; filename=x").params).toEqual({ filename: 'x' });
    expect(parseOptionsHeader('a; novalue; b=1; "q"=2; c=').params).toEqual({ b: '1', c: '' });
    expect(parseOptionsHeader('a; B=1; b=2').params).toEqual({ b: '1' });
    expect(parseOptionsHeader('a; x="unterminated').params).toEqual({});
    expect(parseOptionsHeader(undefined)).toEqual({ value: '', params: {} });
  });
  it('decodes and encodes ext-values', () => {
    expect(decodeExtValue("UTF-8''%E2%82%AC%20rates")).toBe('€ rates');
    expect(decodeExtValue("UTF-8''%E2%82")).toBeUndefined();
    expect(decodeExtValue('no-quotes')).toBeUndefined();
    expect(decodeExtValue("UTF-8''a b")).toBeUndefined();
    expect(encodeExtValue("€ it's (1)*.pdf")).toBe("UTF-8''%E2%82%AC%20it%27s%20%281%29%2A.pdf");
    expect(decodeExtValue(encodeExtValue("€ it's (1)*.pdf"))).toBe("€ it's (1)*.pdf");
  });
  it('dumps headers', () => {
    expect(dumpOptionsHeader('text/html', { charset: 'utf-8', x: 'a b', skip: undefined })).toBe('text/html; charset=utf-8; x="a b"');
    expect(dumpHeader(['foo', 'bar baz'])).toBe('foo, "bar baz"');
    expect(dumpHeader({ 'max-age': 60, public: null })).toBe('max-age=60, public');
  });
});
