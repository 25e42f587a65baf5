import { describe, expect, it } from 'vitest';
import {
  parseAccept,
  parseCharsetAccept,
  parseEncodingAccept,
  parseLanguageAccept,
} from '../../src/http/accept.js';
import { bestErrorFormat } from '../../src/http/error-format.js';

describe('MIMEAccept', () => {
  it('orders by quality then specificity then header order', () => {
    const accept = parseAccept('*/*;q=0.1, text/*;q=0.5, text/html, application/json, text/plain;format=flowed');
    expect([...accept]).toEqual([
      ['text/plain', 1],
      ['text/html', 1],
      ['application/json', 1],
      ['text/*', 0.5],
      ['*/*', 0.1],
    ]);
    expect(accept.items[0].params).toEqual({ format: 'flowed' });
    expect(accept.best).toBe('text/plain');
    expect(String(accept)).toBe('text/plain;format=flowed, text/html, application/json, text/*;q=0.5, */*;q=0.1');
  });

  it('applies the most specific range (RFC 9110 12.5.1 example)', () => {
    const accept = parseAccept('text/*;q=0.3, text/plain;q=0.7, text/plain;format=flowed, text/plain;format=fixed;q=0.4, */*;q=0.5');
    expect(accept.quality('text/plain;format=flowed')).toBe(1);
    expect(accept.quality('text/plain')).toBe(0.7);
    expect(accept.quality('text/html')).toBe(0.3);
    expect(accept.quality('image/jpeg')).toBe(0.5);
    expect(accept.quality('text/plain;format=fixed')).toBe(0.4);
    expect(accept.quality('text/html;level=3')).toBe(0.3);
  });

  it('excludes q=0 even under a wildcard', () => {
    const accept = parseAccept('*/*, application/xml;q=0');
    expect(accept.quality('application/xml')).toBe(0);
    expect(accept.accepts('application/xml')).toBe(false);
    expect(accept.bestMatch(['application/xml'])).toBeUndefined();
    expect(accept.bestMatch(['application/xml', 'text/html'])).toBe('text/html');
    expect(accept.bestMatch(['application/xml'], 'fallback')).toBe('fallback');
  });

  it('prefers higher quality, then the more specific match, then offer order', () => {
    expect(parseAccept('text/html;q=0.9, application/json').bestMatch(['text/html', 'application/json'])).toBe('application/json');
    expect(parseAccept('text/*, text/html').bestMatch(['text/plain', 'text/html'])).toBe('text/html');
    expect(parseAccept('text/html, application/json').bestMatch(['application/json', 'text/html'])).toBe('application/json');
    expect(parseAccept('*/*').bestMatch(['image/png', 'text/html'])).toBe('image/png');
  });

  it('matches type and subtype case-insensitively, with parameters', () => {
    const accept = parseAccept('Text/HTML;Level=1');
    expect(accept.quality('text/html;level=1')).toBe(1);
    expect(accept.quality('text/html')).toBe(0);
    expect(parseAccept('text/html').quality('text/html; charset=utf-8')).toBe(1);
  });

  it('drops invalid items and invalid q values', () => {
    const accept = parseAccept('text/html;q=2, text/plain;q=abc, image/png;q=-1, */html, foo, application/json;q=0.25, a/b;q=1.0');
    expect([...accept]).toEqual([
      ['a/b', 1],
      ['application/json', 0.25],
    ]);
    expect(parseAccept('*').quality('text/html')).toBe(1);
  });

  it('keeps accept-extension parameters out of the media range', () => {
    const accept = parseAccept('text/html;q=0.5;ext=1');
    expect(accept.items[0].params).toEqual({});
    expect(accept.quality('text/html')).toBe(0.5);
  });

  it('treats a missing header as accepting everything, an empty one as accepting nothing', () => {
    const absent = parseAccept(undefined);
    expect(absent.provided).toBe(false);
    expect(absent.quality('image/png')).toBe(1);
    expect(absent.bestMatch(['image/png', 'text/html'])).toBe('image/png');
    expect(absent.bestMatch([], 'x')).toBe('x');
    const empty = parseAccept('');
    expect(empty.provided).toBe(true);
    expect(empty.bestMatch(['text/html'])).toBeUndefined();
  });

  it('reports html/json helpers', () => {
    expect(parseAccept('application/json').acceptJson).toBe(true);
    expect(parseAccept('application/json').acceptHtml).toBe(false);
    expect(parseAccept('application/xhtml+xml').acceptHtml).toBe(true);
  });

  it('handles quoted parameter values with commas and escapes', () => {
    const accept = parseAccept('text/html;x="a, \\"b\\"";q=0.5, application/json');
    expect(accept.items.map((i) => i.value)).toEqual(['application/json', 'text/html']);
    expect(accept.items[1].params).toEqual({ x: 'a, "b"' });
  });

  it('reads at most 100 items and parses a 1 MB header in bounded time', () => {
    const many = Array.from({ length: 500 }, (_, i) => `type${i}/sub;q=0.5`).join(', ');
    expect(parseAccept(many).size).toBe(100);
    const hostile = [
      'text/html;q=0.5,'.repeat(70_000),
      'a'.repeat(1 << 20),
      ','.repeat(1 << 20),
      `text/html;x="${'\\"'.repeat(1 << 19)}`,
      `text/html;${';'.repeat(1 << 20)}`,
      `text/html;${'a='.repeat(1 << 19)}`,
      `${'*/*;q=0.'}${'9'.repeat(1 << 20)}`,
    ];
    for (const header of hostile) {
      const start = performance.now();
      const accept = parseAccept(header);
      accept.bestMatch(['text/html', 'application/json']);
      expect(performance.now() - start).toBeLessThan(2000);
    }
  });

  it('drives the error page format', () => {
    expect(bestErrorFormat('application/json')).toBe('json');
    expect(bestErrorFormat('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe('html');
    expect(bestErrorFormat('text/plain')).toBe('text');
    expect(bestErrorFormat(undefined)).toBe('html');
  });
});

describe('LanguageAccept', () => {
  it('matches exactly, case- and separator-insensitively', () => {
    const accept = parseLanguageAccept('en-US, de;q=0.5');
    expect(accept.bestMatch(['de', 'en_us'])).toBe('en_us');
    expect(accept.quality('EN-us')).toBe(1);
  });
  it('falls back from de-AT to de (lookup) and from de to de-AT (filtering)', () => {
    expect(parseLanguageAccept('de-AT').bestMatch(['en', 'de'])).toBe('de');
    expect(parseLanguageAccept('de').bestMatch(['en', 'de-CH'])).toBe('de-CH');
    expect(parseLanguageAccept('zh-Hant-TW').bestMatch(['zh', 'zh-Hant'])).toBe('zh-Hant');
    expect(parseLanguageAccept('de;q=0.8').quality('de-AT')).toBe(0.8);
    expect(parseLanguageAccept('de-CH').bestMatch(['de-AT'])).toBeUndefined();
  });
  it('ranks by quality first, then exact over fallback over *', () => {
    expect(parseLanguageAccept('de-AT, fr;q=0.5').bestMatch(['fr', 'de'])).toBe('de');
    expect(parseLanguageAccept('de-AT, de-CH').bestMatch(['de', 'de-CH'])).toBe('de-CH');
    expect(parseLanguageAccept('en, de-AT;q=0.5').bestMatch(['de', 'fr'])).toBe('de');
    expect(parseLanguageAccept('de-AT, *;q=0.1').bestMatch(['en', 'de'])).toBe('de');
    expect(parseLanguageAccept('de-AT, *;q=0.1').quality('en')).toBe(0.1);
    expect(parseLanguageAccept('de;q=0, *').bestMatch(['de-AT', 'en'])).toBe('en');
    expect(parseLanguageAccept('de-AT;q=0, de').bestMatch(['de-AT', 'de-CH'])).toBe('de-CH');
  });
  it('honours * and q=0', () => {
    const accept = parseLanguageAccept('fr, *;q=0.1, en;q=0');
    expect(accept.bestMatch(['en', 'es'])).toBe('es');
    expect(accept.quality('en')).toBe(0);
  });
  it('drops malformed tags', () => {
    expect([...parseLanguageAccept('en, 123, a b, de-toolongsubtag, fr')]).toEqual([
      ['en', 1],
      ['fr', 1],
    ]);
  });
});

describe('CharsetAccept', () => {
  it('compares canonical charset names', () => {
    const accept = parseCharsetAccept('utf8, iso-8859-1;q=0.5');
    expect(accept.bestMatch(['ISO-8859-1', 'UTF-8'])).toBe('UTF-8');
    expect(accept.quality('UTF_8')).toBe(1);
    expect(accept.quality('x-unknown')).toBe(0);
    expect(parseCharsetAccept('x-Custom').quality('X_custom')).toBe(1);
    expect(parseCharsetAccept('latin1').quality('iso-8859-1')).toBe(1);
    expect(parseCharsetAccept('latin1').quality('ascii')).toBe(0);
  });
});

describe('EncodingAccept', () => {
  it('keeps identity acceptable unless excluded', () => {
    const accept = parseEncodingAccept('br, gzip;q=0.8');
    expect(accept.bestMatch(['gzip', 'br', 'identity'])).toBe('br');
    expect(accept.bestMatch(['identity', 'deflate'])).toBe('identity');
    expect(accept.quality('identity')).toBe(0.001);
    expect(parseEncodingAccept('gzip, identity;q=0').bestMatch(['identity'])).toBeUndefined();
    expect(parseEncodingAccept('gzip, *;q=0').bestMatch(['identity'])).toBeUndefined();
    expect(parseEncodingAccept('').bestMatch(['gzip', 'identity'])).toBe('identity');
  });
});
