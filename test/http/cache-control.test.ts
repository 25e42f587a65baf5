import { describe, expect, it } from 'vitest';
import { CacheControl, parseCacheControl } from '../../src/http/cache-control.js';

describe('CacheControl', () => {
  it('reads typed directives', () => {
    const cc = parseCacheControl('public, max-age=60, s-maxage=120, stale-while-revalidate=30, stale-if-error=600, immutable, must-revalidate, proxy-revalidate, no-transform, must-understand, no-store');
    expect(cc.public).toBe(true);
    expect(cc.maxAge).toBe(60);
    expect(cc.sMaxage).toBe(120);
    expect(cc.staleWhileRevalidate).toBe(30);
    expect(cc.staleIfError).toBe(600);
    expect(cc.immutable).toBe(true);
    expect(cc.mustRevalidate).toBe(true);
    expect(cc.proxyRevalidate).toBe(true);
    expect(cc.noTransform).toBe(true);
    expect(cc.mustUnderstand).toBe(true);
    expect(cc.noStore).toBe(true);
    expect(cc.noCache).toBe(false);
    expect(cc.private).toBe(false);
    expect(cc.provided).toBe(true);
  });
  it('reads request directives', () => {
    const cc = parseCacheControl('max-stale, min-fresh=5, only-if-cached, no-cache');
    expect(cc.maxStale).toBe(true);
    expect(cc.minFresh).toBe(5);
    expect(cc.onlyIfCached).toBe(true);
    expect(cc.noCache).toBe(true);
    expect(parseCacheControl('max-stale=10').maxStale).toBe(10);
    expect(parseCacheControl('').maxStale).toBeUndefined();
  });
  it('reads field lists for no-cache and private', () => {
    const cc = parseCacheControl('no-cache="Set-Cookie, X-Token", private="Authorization"');
    expect(cc.noCache).toEqual(['Set-Cookie', 'X-Token']);
    expect(cc.private).toEqual(['Authorization']);
  });
  it('is case-insensitive, keeps the first of repeated directives and unknown ones', () => {
    const cc = parseCacheControl('Max-Age=5, max-age=10, community="UCI", ext');
    expect(cc.maxAge).toBe(5);
    expect(cc.get('community')).toBe('UCI');
    expect(cc.get('ext')).toBeNull();
    expect(cc.get('absent')).toBeUndefined();
    expect(String(cc)).toBe('max-age=5, community=UCI, ext');
  });
  it('gives undefined for invalid numbers but keeps the directive', () => {
    for (const value of ['abc', '-1', '1.5', '', '"5"x', '99999999999']) {
      const cc = parseCacheControl(`max-age=${value}`);
      expect(cc.maxAge, value).toBeUndefined();
    }
    expect(parseCacheControl('max-age="5"').maxAge).toBe(5);
    expect(parseCacheControl('max-age').maxAge).toBeUndefined();
  });
  it('writes changes and calls onChange', () => {
    const seen: string[] = [];
    const cc = parseCacheControl('public, max-age=60', (c) => seen.push(String(c)));
    cc.maxAge = 300;
    cc.noCache = ['Set-Cookie'];
    cc.public = false;
    cc.immutable = true;
    cc.maxAge = undefined;
    cc.private = true;
    cc.maxStale = true;
    expect(seen).toEqual([
      'public, max-age=300',
      'public, max-age=300, no-cache="Set-Cookie"',
      'max-age=300, no-cache="Set-Cookie"',
      'max-age=300, no-cache="Set-Cookie", immutable',
      'no-cache="Set-Cookie", immutable',
      'no-cache="Set-Cookie", immutable, private',
      'no-cache="Set-Cookie", immutable, private, max-stale',
    ]);
    cc.public = false; // no change: no call
    expect(seen).toHaveLength(7);
    cc.noCache = false;
    expect(String(cc)).toBe('immutable, private, max-stale');
  });
  it('rejects invalid writes', () => {
    const cc = new CacheControl();
    expect(cc.provided).toBe(false);
    expect(() => (cc.maxAge = -1)).toThrow(TypeError);
    expect(() => (cc.maxAge = Number.NaN)).toThrow(TypeError);
    expect(() => cc.set('bad name', '1')).toThrow(TypeError);
    expect(() => cc.set('x', 'a\r\nb')).toThrow(TypeError);
    cc.maxAge = 1.9;
    expect(String(cc)).toBe('max-age=1');
    cc.set('x', 'two words');
    expect(String(cc)).toBe('max-age=1, x="two words"');
  });
  it('ignores malformed items and is bounded', () => {
    expect([...parseCacheControl('=5, "quoted", max-age=1, , no-store')]).toEqual([['max-age', '1'], ['no-store', null]]);
    const start = performance.now();
    const cc = parseCacheControl('a,'.repeat(1 << 19));
    expect(cc.size).toBe(1);
    parseCacheControl(`x="${'\\"'.repeat(1 << 19)}`);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
