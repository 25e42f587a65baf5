import { describe, expect, it } from 'vitest';
import { formatHttpDate, parseHttpDate } from '../../src/http/dates.js';

const NOV6 = Date.UTC(1994, 10, 6, 8, 49, 37);

describe('parseHttpDate', () => {
  it('reads the three formats RFC 9110 requires', () => {
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')?.getTime()).toBe(NOV6);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')?.getTime()).toBe(NOV6);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')?.getTime()).toBe(NOV6);
  });
  it('tolerates what real clients send', () => {
    expect(parseHttpDate('  sun, 6 nov 1994 08:49:37 gmt ')?.getTime()).toBe(NOV6);
    expect(parseHttpDate('Sun, 6 Nov 1994 08:49:37 GMT')?.getTime()).toBe(NOV6);
    expect(parseHttpDate('06 Nov 1994 08:49:37 GMT')?.getTime()).toBe(NOV6);
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37')?.getTime()).toBe(NOV6);
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 UTC')?.getTime()).toBe(NOV6);
    expect(parseHttpDate('Sun, 06 Nov 1994 10:49:37 +0200')?.getTime()).toBe(NOV6);
    expect(parseHttpDate('Sun, 06 Nov 1994 03:49:37 -0500')?.getTime()).toBe(NOV6);
    expect(parseHttpDate('Sun, 06 nov 1994 08:49:37 GMT')?.getTime()).toBe(NOV6);
  });
  it('maps RFC 850 two-digit years with the 50-year rule', () => {
    const now = Date.UTC(2025, 0, 1);
    expect(parseHttpDate('Thursday, 01-Jan-70 00:00:00 GMT', now)?.getUTCFullYear()).toBe(2070);
    expect(parseHttpDate('Thursday, 01-Jan-76 00:00:00 GMT', now)?.getUTCFullYear()).toBe(1976);
    expect(parseHttpDate('Monday, 01-Jan-24 00:00:00 GMT', now)?.getUTCFullYear()).toBe(2024);
  });
  it('returns null for garbage and impossible dates, never throws', () => {
    const garbage = [
      '', 'yesterday', '0', '-1', 'Sun, 31 Feb 1994 08:49:37 GMT', 'Sun, 06 Nov 1994 24:00:00 GMT',
      'Sun, 06 Nov 1994 08:60:00 GMT', 'Sun, 06 Nov 1994 08:49:60 GMT', 'Sun, 06 Foo 1994 08:49:37 GMT',
      'Sun, 00 Nov 1994 08:49:37 GMT', 'Sun, 06 Nov 1994 08:49:37 GMT+1', '1994-11-06T08:49:37Z',
      'Sun, 06 Nov 1994 08:49:37 +9999', '\u0000', 'Sun, 06 Nov 19940 08:49:37 GMT', 'x'.repeat(100_000),
      'Sun, ' + ' '.repeat(50_000) + '06 Nov 1994 08:49:37 GMT',
    ];
    for (const value of garbage) expect(parseHttpDate(value), JSON.stringify(value.slice(0, 40))).toBeNull();
    expect(parseHttpDate(undefined)).toBeNull();
    expect(parseHttpDate(null)).toBeNull();
    expect(parseHttpDate(42 as unknown as string)).toBeNull();
  });
  it('accepts 29 Feb only in leap years', () => {
    expect(parseHttpDate('Thu, 29 Feb 2024 00:00:00 GMT')).not.toBeNull();
    expect(parseHttpDate('Wed, 29 Feb 2023 00:00:00 GMT')).toBeNull();
  });
});

describe('formatHttpDate', () => {
  it('writes IMF-fixdate from a Date or a millisecond timestamp', () => {
    expect(formatHttpDate(new Date(NOV6))).toBe('Sun, 06 Nov 1994 08:49:37 GMT');
    expect(formatHttpDate(0)).toBe('Thu, 01 Jan 1970 00:00:00 GMT');
    expect(formatHttpDate(NOV6 + 999)).toBe('Sun, 06 Nov 1994 08:49:37 GMT');
  });
  it('round-trips through parseHttpDate', () => {
    for (const time of [0, NOV6, Date.UTC(2038, 0, 19, 3, 14, 8), Date.UTC(9999, 11, 31, 23, 59, 59)]) {
      expect(parseHttpDate(formatHttpDate(time))?.getTime()).toBe(time);
    }
  });
  it('throws TypeError for invalid dates', () => {
    expect(() => formatHttpDate(new Date('nope'))).toThrow(TypeError);
    expect(() => formatHttpDate(Number.NaN)).toThrow(TypeError);
    expect(() => formatHttpDate(Date.UTC(10000, 0, 1))).toThrow(TypeError);
  });
});
