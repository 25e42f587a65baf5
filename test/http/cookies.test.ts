import { describe, expect, it } from 'vitest';
import { MAX_COOKIE_PAIRS, parseCookies, serializeDeleteCookie, serializeSetCookie } from '../../src/http/cookies.js';

describe('parseCookies', () => {
  it('parses pairs, keeps the first of a repeated name', () => {
    expect({ ...parseCookies('session=abc; theme=dark; session=old') }).toEqual({ session: 'abc', theme: 'dark' });
  });
  it('returns an empty record for a missing or empty header', () => {
    expect({ ...parseCookies(undefined) }).toEqual({});
    expect({ ...parseCookies('') }).toEqual({});
    expect({ ...parseCookies(null) }).toEqual({});
  });
  it('ignores nameless pairs and pairs without "="', () => {
    expect({ ...parseCookies('=x; a=1; junk; b=2; =') }).toEqual({ a: '1', b: '2' });
  });
  it('decodes valid percent escapes and keeps invalid ones', () => {
    expect({ ...parseCookies('a=%E2%82%AC; b=%E2%82; c=%zz') }).toEqual({ a: '€', b: '%E2%82', c: '%zz' });
  });
  it('trims spaces and tabs, keeps quotes as sent', () => {
    expect({ ...parseCookies(' a = 1 ;\tb="x y"') }).toEqual({ a: '1', b: '"x y"' });
  });
  it('is safe against prototype names', () => {
    const jar = parseCookies('__proto__=x; constructor=y; toString=z');
    expect(Object.getPrototypeOf(jar)).toBeNull();
    expect(jar['__proto__']).toBe('x');
    expect(jar.constructor).toBe('y');
  });
  it('never throws on garbage', () => {
    for (const header of [';;;;', '====', 'a=b=c', '\u0000=\u0001', 'a=\uD800', '%=%', ';a', 'a;']) {
      expect(() => parseCookies(header)).not.toThrow();
    }
    expect({ ...parseCookies('a=b=c') }).toEqual({ a: 'b=c' });
  });
  it('reads at most 3000 pairs', () => {
    const header = Array.from({ length: 5000 }, (_, i) => `c${i}=${i}`).join('; ');
    const jar = parseCookies(header);
    expect(Object.keys(jar)).toHaveLength(MAX_COOKIE_PAIRS);
    expect(jar.c2999).toBe('2999');
    expect(jar.c3000).toBeUndefined();
    expect(Object.keys(parseCookies(header, { maxPairs: 2 }))).toEqual(['c0', 'c1']);
  });
  it('parses a 1 MB hostile header in bounded time', () => {
    const hostile = [';'.repeat(1 << 20), 'a'.repeat(1 << 20) + '=1', 'a=1;'.repeat(1 << 18), '='.repeat(1 << 20)];
    for (const header of hostile) {
      const start = performance.now();
      parseCookies(header);
      expect(performance.now() - start).toBeLessThan(2000);
    }
  });
});

describe('serializeSetCookie', () => {
  it('builds a header with attributes', () => {
    expect(serializeSetCookie('session', 'abc', { httpOnly: true, sameSite: 'lax', path: '/' })).toBe(
      'session=abc; Path=/; HttpOnly; SameSite=Lax',
    );
    expect(
      serializeSetCookie('a', 'b', {
        maxAge: 60,
        expires: Date.UTC(2030, 0, 1),
        domain: 'example.com',
        secure: true,
        priority: 'high',
        sameSite: 'strict',
      }),
    ).toBe('a=b; Max-Age=60; Domain=example.com; Path=/; Expires=Tue, 01 Jan 2030 00:00:00 GMT; Secure; Priority=High; SameSite=Strict');
  });
  it('percent-encodes the value so parseCookies round-trips it', () => {
    const header = serializeSetCookie('v', 'a b;c=€"\\', { path: null });
    expect(header).toBe('v=a%20b%3Bc%3D%E2%82%AC%22%5C');
    expect(parseCookies(header).v).toBe('a b;c=€"\\');
  });
  it('adds Secure for SameSite=None, Partitioned and prefixed names', () => {
    expect(serializeSetCookie('a', '1', { sameSite: 'none' })).toBe('a=1; Path=/; Secure; SameSite=None');
    expect(serializeSetCookie('a', '1', { partitioned: true })).toBe('a=1; Path=/; Secure; Partitioned');
    expect(serializeSetCookie('__Secure-a', '1')).toBe('__Secure-a=1; Path=/; Secure');
    expect(serializeSetCookie('__Host-a', '1')).toBe('__Host-a=1; Path=/; Secure');
  });
  it('throws TypeError for invalid input', () => {
    const bad: Array<() => string> = [
      () => serializeSetCookie('', 'x'),
      () => serializeSetCookie('a b', 'x'),
      () => serializeSetCookie('a;b', 'x'),
      () => serializeSetCookie('a=b', 'x'),
      () => serializeSetCookie('a\r\n', 'x'),
      () => serializeSetCookie('a', 1 as unknown as string),
      () => serializeSetCookie('a', 'x', { maxAge: 1.5 }),
      () => serializeSetCookie('a', 'x', { maxAge: Number.NaN }),
      () => serializeSetCookie('a', 'x', { expires: new Date('nope') }),
      () => serializeSetCookie('a', 'x', { expires: Number.POSITIVE_INFINITY }),
      () => serializeSetCookie('a', 'x', { path: '/a;b' }),
      () => serializeSetCookie('a', 'x', { path: '/a\nb' }),
      () => serializeSetCookie('a', 'x', { path: '' }),
      () => serializeSetCookie('a', 'x', { domain: 'ex ample.com' }),
      () => serializeSetCookie('a', 'x', { domain: 'a.com;b' }),
      () => serializeSetCookie('a', 'x', { domain: '' }),
      () => serializeSetCookie('a', 'x', { sameSite: 'sometimes' as 'lax' }),
      () => serializeSetCookie('__Host-a', 'x', { domain: 'example.com' }),
      () => serializeSetCookie('__Host-a', 'x', { path: '/admin' }),
      () => serializeSetCookie('__Host-a', 'x', { path: null }),
      () => serializeSetCookie('a', 'x', { priority: 'urgent' as 'high' }),
    ];
    for (const call of bad) expect(call).toThrow(TypeError);
  });
});

describe('cookie attributes as people write them', () => {
  it('defaults to Path=/, as Werkzeug and WebOb do; an explicit path wins; null leaves it out', () => {
    expect(serializeSetCookie('a', '1')).toBe('a=1; Path=/');
    expect(serializeSetCookie('a', '1', { path: '/account' })).toBe('a=1; Path=/account');
    expect(serializeSetCookie('a', '1', { path: null })).toBe('a=1');
    expect(serializeDeleteCookie('a')).toBe('a=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  });
  it('accepts SameSite and Priority in any case and writes the canonical form', () => {
    for (const sameSite of ['lax', 'Lax', 'LAX'] as const) {
      expect(serializeSetCookie('a', '1', { sameSite })).toBe('a=1; Path=/; SameSite=Lax');
    }
    expect(serializeSetCookie('a', '1', { sameSite: 'Strict' })).toBe('a=1; Path=/; SameSite=Strict');
    expect(serializeSetCookie('a', '1', { sameSite: 'None' })).toBe('a=1; Path=/; Secure; SameSite=None');
    expect(serializeSetCookie('a', '1', { priority: 'HIGH' })).toBe('a=1; Path=/; Priority=High');
  });
  it('names the valid values when one is wrong', () => {
    expect(() => serializeSetCookie('a', '1', { sameSite: 'sometimes' as 'lax' })).toThrow(
      'option sameSite is invalid: sometimes (use one of lax, strict, none)',
    );
  });
});

describe('serializeDeleteCookie', () => {
  it('expires the cookie now and in 1970', () => {
    expect(serializeDeleteCookie('session', { path: '/', domain: 'example.com' })).toBe(
      'session=; Max-Age=0; Domain=example.com; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
    );
  });
});
