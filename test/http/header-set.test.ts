import { describe, expect, it } from 'vitest';
import { ContentSecurityPolicy, parseContentSecurityPolicy } from '../../src/http/csp.js';
import { formatContentDisposition, parseContentDisposition } from '../../src/http/content-disposition.js';
import { HeaderSet, parseHeaderSet } from '../../src/http/header-set.js';
import { formatRetryAfter, parseRetryAfter } from '../../src/http/retry-after.js';

describe('HeaderSet', () => {
  it('is an ordered case-insensitive set with onChange', () => {
    const changes: string[] = [];
    const vary = parseHeaderSet('Accept-Encoding, "Cookie", accept-encoding', (s) => changes.push(String(s)));
    expect(vary.toArray()).toEqual(['Accept-Encoding', 'Cookie']);
    vary.add('COOKIE');
    expect(changes).toEqual([]);
    vary.add('Origin', 'Accept-Language');
    expect(vary.has('origin')).toBe(true);
    vary.delete('cookie');
    vary.delete('absent');
    expect(changes).toEqual(['Accept-Encoding, Cookie, Origin, Accept-Language', 'Accept-Encoding, Origin, Accept-Language']);
    vary.replace(['GET', 'HEAD']);
    expect(String(vary)).toBe('GET, HEAD');
    vary.clear();
    expect(vary.size).toBe(0);
    expect(String(vary)).toBe('');
  });
  it('refuses items that would break the header', () => {
    const set = new HeaderSet();
    expect(() => set.add('a\r\nb')).toThrow(TypeError);
    expect(() => set.add('a,b')).toThrow(TypeError);
    expect(parseHeaderSet('"a,b", c').toArray()).toEqual(['c']);
    expect(parseHeaderSet(Array.from({ length: 500 }, (_, i) => `h${i}`).join(',')).size).toBe(100);
  });
});

describe('Retry-After', () => {
  it('parses seconds and dates', () => {
    expect(parseRetryAfter('120', 1000)?.getTime()).toBe(121_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT')?.getTime()).toBe(Date.UTC(2015, 9, 21, 7, 28));
    expect(parseRetryAfter('-5')).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(undefined)).toBeNull();
  });
  it('formats seconds and dates', () => {
    expect(formatRetryAfter(30.2)).toBe('31');
    expect(formatRetryAfter(-3)).toBe('0');
    expect(formatRetryAfter(new Date(Date.UTC(2015, 9, 21, 7, 28)))).toBe('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(() => formatRetryAfter(Number.POSITIVE_INFINITY)).toThrow(TypeError);
  });
});

describe('ContentSecurityPolicy', () => {
  it('builds, edits and parses policies', () => {
    const changes: string[] = [];
    const csp = new ContentSecurityPolicy({ 'default-src': "'self'" }, (p) => changes.push(String(p)));
    csp.set('img-src', "'self' data:").set('upgrade-insecure-requests');
    expect(String(csp)).toBe("default-src 'self'; img-src 'self' data:; upgrade-insecure-requests");
    csp.delete('img-src');
    expect(changes).toHaveLength(3);
    expect(() => csp.set('script-src', "'self'; object-src *")).toThrow(TypeError);
    expect(() => csp.set('bad name', 'x')).toThrow(TypeError);
    const parsed = parseContentSecurityPolicy("default-src 'self';  script-src  cdn.example  'nonce-x' ; DEFAULT-SRC *; ;bad!name x");
    expect([...parsed]).toEqual([['default-src', "'self'"], ['script-src', "cdn.example 'nonce-x'"]]);
    expect(parsed.get('Script-Src')).toBe("cdn.example 'nonce-x'");
  });
});

describe('Content-Disposition', () => {
  it('formats ASCII and non-ASCII names with a fallback', () => {
    expect(formatContentDisposition('report.pdf')).toBe('attachment; filename="report.pdf"');
    expect(formatContentDisposition('résumé €.pdf', { type: 'inline' })).toBe(
      "inline; filename=\"resume _.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%E2%82%AC.pdf",
    );
    expect(formatContentDisposition('a"b\\c%d.txt')).toBe("attachment; filename=\"a_b_c_d.txt\"; filename*=UTF-8''a%22b_c%25d.txt");
    expect(formatContentDisposition('../../etc/passwd')).toBe('attachment; filename=".._.._etc_passwd"');
    expect(formatContentDisposition(undefined, { type: 'form-data', params: { name: 'field' } })).toBe('form-data; name="field"');
    // A name from an upload may hold CR LF (browsers send them as %0D%0A): replaced, never sent.
    expect(formatContentDisposition('a\r\nb\0.txt')).toBe('attachment; filename="a__b_.txt"');
  });
  it('round-trips through the parser', () => {
    for (const name of ['report.pdf', 'résumé €.pdf', '日本語.txt', "it's (1).txt", 'a"b.txt']) {
      const parsed = parseContentDisposition(formatContentDisposition(name));
      expect(parsed?.filename).toBe(name);
      expect(parsed?.type).toBe('attachment');
    }
    expect(parseContentDisposition('inline')).toEqual({ type: 'inline', params: {} });
    expect(parseContentDisposition('; filename=x')).toBeNull();
    expect(parseContentDisposition(undefined)).toBeNull();
  });
});
