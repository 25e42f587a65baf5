import { describe, expect, it } from 'vitest';
import { ContentRange, IfRange, parseContentRange, parseIfRange, parseRange } from '../../src/http/range.js';

describe('parseRange', () => {
  it('parses the three forms and several ranges', () => {
    expect(parseRange('bytes=0-4')?.ranges).toEqual([{ start: 0, end: 4 }]);
    expect(parseRange('bytes=-6')?.ranges).toEqual([{ suffix: 6 }]);
    expect(parseRange('bytes=5-')?.ranges).toEqual([{ start: 5 }]);
    expect(parseRange('Bytes = 0-1, 4-5 ,, -2')?.ranges).toEqual([{ start: 0, end: 1 }, { start: 4, end: 5 }, { suffix: 2 }]);
    expect(String(parseRange('bytes=0-1, 4-5, -2, 9-'))).toBe('bytes=0-1,4-5,-2,9-');
  });
  it('returns null for malformed headers', () => {
    const bad = ['', 'bytes', 'bytes=', 'bytes=,', 'bytes=a-b', 'bytes=5-1', 'bytes=1', 'bytes=-', 'bytes=--1',
      'bytes=1-2-3', 'bytes=0x1-2', 'bytes=+1-2', 'bytes=1.5-2', 'by tes=0-1', '=0-1', 'bytes=0-1,x',
      'bytes=99999999999999999999-', 'bytes=0-4\u0000'];
    for (const header of bad) expect(parseRange(header), header).toBeNull();
  });
  it('ignores more than 100 ranges and overlapping closed ranges', () => {
    const many = Array.from({ length: 101 }, (_, i) => `${i * 10}-${i * 10 + 1}`).join(',');
    expect(parseRange(`bytes=${many}`)).toBeNull();
    expect(parseRange(`bytes=${many}`, { maxRanges: 200 })?.ranges).toHaveLength(101);
    expect(parseRange('bytes=0-0,0-0')).toBeNull();
    expect(parseRange('bytes=0-5,5-9')).toBeNull();
    expect(parseRange('bytes=5-9,0-4')?.ranges).toHaveLength(2);
  });
  it('handles 10,000 ranges and a 1 MB abusive header in bounded time', () => {
    const headers = [
      `bytes=${'0-0,'.repeat(10_000)}0-0`,
      `bytes=${Array.from({ length: 10_000 }, (_, i) => `${i * 2}-${i * 2}`).join(',')}`,
      `bytes=${','.repeat(1 << 20)}0-1`,
      `bytes=0-${'9'.repeat(1 << 20)}`,
    ];
    for (const header of headers) {
      const start = performance.now();
      parseRange(header);
      expect(performance.now() - start).toBeLessThan(2000);
    }
    expect(parseRange(headers[0])).toBeNull();
    expect(parseRange(headers[1])).toBeNull();
    expect(parseRange(headers[2])?.ranges).toEqual([{ start: 0, end: 1 }]);
  });
});

describe('Range.resolve and rangeForLength', () => {
  it('clamps and computes slices', () => {
    expect(parseRange('bytes=0-4')!.rangeForLength(10)).toEqual([0, 5]);
    expect(parseRange('bytes=0-99')!.rangeForLength(10)).toEqual([0, 10]);
    expect(parseRange('bytes=-3')!.rangeForLength(10)).toEqual([7, 10]);
    expect(parseRange('bytes=-30')!.rangeForLength(10)).toEqual([0, 10]);
    expect(parseRange('bytes=9-')!.rangeForLength(10)).toEqual([9, 10]);
    expect(parseRange('bytes=10-')!.rangeForLength(10)).toBeNull();
    expect(parseRange('bytes=-0')!.rangeForLength(10)).toBeNull();
    expect(parseRange('bytes=0-')!.rangeForLength(0)).toBeNull();
    expect(parseRange('bytes=0-1,3-4')!.rangeForLength(10)).toBeNull();
    expect(parseRange('items=0-1')!.rangeForLength(10)).toBeNull();
  });
  it('resolves multi-range sets, dropping unsatisfiable parts', () => {
    expect(parseRange('bytes=0-1,4-5')!.resolve(10)).toEqual({ status: 206, ranges: [[0, 2], [4, 6]] });
    expect(parseRange('bytes=0-1,40-50')!.resolve(10)).toEqual({ status: 206, ranges: [[0, 2]] });
    expect(parseRange('bytes=20-,30-40')!.resolve(10)).toEqual({ status: 416 });
    expect(parseRange('bytes=-5,0-9')!.resolve(10)).toEqual({ status: 200 });
    expect(parseRange('bytes=0-,-1')!.resolve(10)).toEqual({ status: 200 });
    expect(parseRange('items=0-1')!.resolve(10)).toEqual({ status: 200 });
  });
  it('builds the Content-Range', () => {
    expect(String(parseRange('bytes=0-4')!.toContentRange(10))).toBe('bytes 0-4/10');
    expect(parseRange('bytes=20-')!.toContentRange(10)).toBeNull();
  });
});

describe('ContentRange', () => {
  it('formats and parses', () => {
    expect(String(new ContentRange('bytes', 0, 5, 10))).toBe('bytes 0-4/10');
    expect(String(new ContentRange('bytes', undefined, undefined, 10))).toBe('bytes */10');
    expect(String(new ContentRange('bytes', 0, 5, undefined))).toBe('bytes 0-4/*');
    expect(parseContentRange('bytes 0-4/10')).toEqual(new ContentRange('bytes', 0, 5, 10));
    expect(parseContentRange('bytes */10')).toEqual(new ContentRange('bytes', undefined, undefined, 10));
    expect(parseContentRange('bytes 0-4/*')).toEqual(new ContentRange('bytes', 0, 5, undefined));
  });
  it('rejects inconsistent values', () => {
    for (const header of ['bytes 5-1/10', 'bytes 0-10/10', 'bytes */*', 'bytes 0-4', 'bytes', '0-4/10', 'bytes a-b/10', '']) {
      expect(parseContentRange(header), header).toBeNull();
    }
  });
});

describe('IfRange', () => {
  const lastModified = new Date(Date.UTC(2024, 0, 1));
  it('parses an etag or a date', () => {
    expect(parseIfRange('"abc"')?.etag).toEqual({ tag: 'abc', weak: false });
    expect(parseIfRange('W/"abc"')?.etag).toEqual({ tag: 'abc', weak: true });
    expect(parseIfRange('Mon, 01 Jan 2024 00:00:00 GMT')?.date?.getTime()).toBe(lastModified.getTime());
    expect(parseIfRange(undefined)).toBeNull();
    expect(parseIfRange('  ')).toBeNull();
  });
  it('reads an unreadable validator as one that matches nothing (RFC 9110 13.1.5)', () => {
    for (const value of ['garbage', '"unterminated', 'W/"', 'Mon, 01 Jan 2024 00:00:00 GMT trailing']) {
      const ifRange = parseIfRange(value);
      expect(ifRange, value).not.toBeNull();
      expect(ifRange!.etag, value).toBeUndefined();
      expect(ifRange!.date, value).toBeUndefined();
      expect(ifRange!.matches({ etag: 'garbage', lastModified: new Date() }), value).toBe(false);
    }
  });
  it('writes a parsed validator back', () => {
    expect(String(parseIfRange('"abc"'))).toBe('"abc"');
  });
  it('matches strongly and by exact date', () => {
    expect(parseIfRange('"abc"')!.matches({ etag: 'abc' })).toBe(true);
    expect(parseIfRange('"abc"')!.matches({ etag: '"abc"' })).toBe(true);
    expect(parseIfRange('"abc"')!.matches({ etag: 'W/"abc"' })).toBe(false);
    expect(parseIfRange('W/"abc"')!.matches({ etag: 'abc' })).toBe(false);
    expect(parseIfRange('"abc"')!.matches({ etag: 'abd' })).toBe(false);
    expect(parseIfRange('"abc"')!.matches({})).toBe(false);
    const byDate = parseIfRange('Mon, 01 Jan 2024 00:00:00 GMT')!;
    expect(byDate.matches({ lastModified: new Date(lastModified.getTime() + 500) })).toBe(true);
    expect(byDate.matches({ lastModified: new Date(lastModified.getTime() + 1000) })).toBe(false);
    expect(byDate.matches({ lastModified: null })).toBe(false);
    expect(new IfRange().matches({ etag: 'x' })).toBe(false);
  });
});
