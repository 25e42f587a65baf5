// Issue 18: origins parsed and normalised for exact comparison (src/http/origin.ts).
import { describe, expect, it } from 'vitest';
import { MAX_ORIGIN_LENGTH, normalizeOrigin, parseOrigin } from '../../src/http/origin.js';

describe('parseOrigin / normalizeOrigin', () => {
  it('lower-cases scheme and host and drops the default port', () => {
    expect(normalizeOrigin('https://example.com')).toBe('https://example.com');
    expect(normalizeOrigin('https://Example.com:443')).toBe('https://example.com');
    expect(normalizeOrigin('HTTPS://EXAMPLE.COM')).toBe('https://example.com');
    expect(normalizeOrigin('http://example.com:80')).toBe('http://example.com');
    expect(normalizeOrigin('wss://example.com:443')).toBe('wss://example.com');
    expect(normalizeOrigin('ws://example.com:80')).toBe('ws://example.com');
  });

  it('keeps other ports, so they are other origins', () => {
    expect(normalizeOrigin('https://example.com:8443')).toBe('https://example.com:8443');
    expect(normalizeOrigin('http://example.com:443')).toBe('http://example.com:443');
    expect(normalizeOrigin('https://example.com:80')).toBe('https://example.com:80');
    expect(normalizeOrigin('http://localhost:05173')).toBe('http://localhost:5173');
  });

  it('canonicalises IP literals as browsers serialise them', () => {
    expect(normalizeOrigin('http://127.0.0.1:8000')).toBe('http://127.0.0.1:8000');
    expect(normalizeOrigin('http://[::1]:80')).toBe('http://[::1]');
    expect(normalizeOrigin('http://[0:0:0:0:0:0:0:1]:3000')).toBe('http://[::1]:3000');
  });

  it('keeps a lookalike host a different host', () => {
    expect(normalizeOrigin('https://example.com.evil.net')).toBe('https://example.com.evil.net');
    expect(normalizeOrigin('https://evil-example.com')).toBe('https://evil-example.com');
  });

  it('keeps custom schemes (app shells, extensions) with their host lower-cased', () => {
    expect(normalizeOrigin('capacitor://localhost')).toBe('capacitor://localhost');
    expect(normalizeOrigin('Chrome-Extension://ABCdef')).toBe('chrome-extension://abcdef');
    expect(normalizeOrigin('tauri://localhost:1')).toBe('tauri://localhost:1');
  });

  it('passes null through as it is, and only that spelling', () => {
    expect(parseOrigin('null')).toEqual({ origin: 'null' });
    expect(normalizeOrigin('NULL')).toBeUndefined();
  });

  it('says why a path, a trailing slash, a query or a fragment is not an origin', () => {
    expect(parseOrigin('https://example.com/').error).toBe("ends with a slash: an origin has no path (write 'https://example.com')");
    expect(parseOrigin('https://example.com/app').error).toBe("has a path: an origin is scheme://host[:port] only (write 'https://example.com')");
    expect(parseOrigin('https://example.com:8443/').error).toContain("write 'https://example.com:8443'");
    expect(parseOrigin('https://example.com?x=1').error).toContain('has a query');
    expect(parseOrigin('https://example.com#top').error).toContain('has a fragment');
  });

  it('refuses the tricks', () => {
    // A trailing dot is another origin for browsers (example.com. is not example.com).
    expect(parseOrigin('https://example.com.').error).toContain('ends with a dot');
    expect(parseOrigin('https://example.com@evil.net').error).toContain('user info');
    expect(parseOrigin('https://user:pw@example.com').error).toContain('user info');
    expect(normalizeOrigin('https://example.com:')).toBeUndefined();
    expect(normalizeOrigin('https://example.com:99999')).toBeUndefined();
    expect(normalizeOrigin('https://example..com')).toBeUndefined();
    expect(normalizeOrigin('https://.example.com')).toBeUndefined();
    expect(normalizeOrigin('https://exa%6Dple.com')).toBeUndefined();
    expect(normalizeOrigin('https://example.com\\@evil.net')).toBeUndefined();
    expect(normalizeOrigin('https://ｅxample.com')).toBeUndefined(); // full-width e: no IDNA mapping of headers
    expect(normalizeOrigin('https://example.com\r\nX: y')).toBeUndefined();
    expect(normalizeOrigin(' https://example.com')).toBeUndefined();
    expect(normalizeOrigin('https://')).toBeUndefined();
    expect(normalizeOrigin('https:example.com')).toBeUndefined();
    expect(normalizeOrigin('//example.com')).toBeUndefined();
    expect(normalizeOrigin('')).toBeUndefined();
    expect(normalizeOrigin('*')).toBeUndefined();
    expect(normalizeOrigin('file://')).toBeUndefined();
    expect(normalizeOrigin('http://[::1')).toBeUndefined();
    expect(normalizeOrigin('http://[zz::1]')).toBeUndefined();
  });

  it('asks for the xn-- form of international names', () => {
    expect(parseOrigin('https://bücher.de').error).toContain('xn--');
    expect(normalizeOrigin('https://xn--bcher-kva.de')).toBe('https://xn--bcher-kva.de');
  });

  it('refuses over-long values without parsing them, and parses long ones in linear time', () => {
    const huge = `https://${'a'.repeat(16 * 1024)}.com`;
    expect(parseOrigin(huge).error).toBe(`is longer than ${MAX_ORIGIN_LENGTH} characters`);
    const long = `https://${'a.'.repeat(1000)}com`.slice(0, MAX_ORIGIN_LENGTH);
    const started = performance.now();
    for (let i = 0; i < 200; i++) normalizeOrigin(long);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
