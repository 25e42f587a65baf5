import { describe, expect, it } from 'vitest';
import { basicChallenge } from '../../src/http/auth.js';
import { formatContentDisposition } from '../../src/http/content-disposition.js';
import { ContentRange } from '../../src/http/range.js';
import { Request } from '../../src/request/request.js';
import { Response } from '../../src/response/response.js';

describe('Request typed header getters', () => {
  it('parses each header once, lazily', () => {
    const req = Request.blank('/', {
      headers: {
        Accept: 'application/json, text/html;q=0.5',
        'Accept-Language': 'de-AT, en;q=0.5',
        'Accept-Encoding': 'br, gzip;q=0.9',
        'Accept-Charset': 'utf-8',
        'Cache-Control': 'no-cache, max-age=0',
        'If-Match': '"a"',
        'If-None-Match': 'W/"b"',
        'If-Modified-Since': 'Mon, 01 Jan 2024 00:00:00 GMT',
        'If-Unmodified-Since': 'garbage',
        'If-Range': '"a"',
        Range: 'bytes=0-9',
        Authorization: 'Basic dXNlcjpwYXNz',
      },
    });
    expect(req.acceptMimetypes.bestMatch(['text/html', 'application/json'])).toBe('application/json');
    expect(req.acceptMimetypes).toBe(req.acceptMimetypes);
    expect(req.acceptLanguages.bestMatch(['en', 'de'])).toBe('de');
    expect(req.acceptEncodings.bestMatch(['gzip', 'br'])).toBe('br');
    expect(req.acceptCharsets.accepts('UTF8')).toBe(true);
    expect(req.cacheControl.noCache).toBe(true);
    expect(req.cacheControl.maxAge).toBe(0);
    expect(req.ifMatch.contains('a')).toBe(true);
    expect(req.ifNoneMatch.containsWeak('b')).toBe(true);
    expect(req.ifModifiedSince?.getTime()).toBe(Date.UTC(2024, 0, 1));
    expect(req.ifUnmodifiedSince).toBeNull();
    expect(req.ifRange?.etag?.tag).toBe('a');
    expect(req.range?.rangeForLength(100)).toEqual([0, 10]);
    expect(req.authorization?.username).toBe('user');
  });
  it('gives empty values without headers', () => {
    const req = Request.blank('/');
    expect(req.acceptMimetypes.provided).toBe(false);
    expect(req.acceptMimetypes.bestMatch(['text/html'])).toBe('text/html');
    expect(req.ifNoneMatch.isEmpty).toBe(true);
    expect(req.range).toBeNull();
    expect(req.authorization).toBeNull();
    expect(req.cacheControl.provided).toBe(false);
  });
});

describe('Response typed header accessors', () => {
  it('writes cache-control and sets back to the headers', () => {
    const res = new Response('x');
    res.cacheControl.maxAge = 60;
    res.cacheControl.public = true;
    expect(res.headers.get('Cache-Control')).toBe('max-age=60, public');
    res.cacheControl.maxAge = undefined;
    res.cacheControl.public = false;
    expect(res.headers.has('Cache-Control')).toBe(false);
    res.vary.add('Accept-Encoding');
    res.vary.add('cookie');
    res.vary.add('ACCEPT-encoding');
    expect(res.headers.get('Vary')).toBe('Accept-Encoding, cookie');
    res.allow = ['GET', 'HEAD'];
    expect(res.headers.get('Allow')).toBe('GET, HEAD');
    expect(res.allow.has('head')).toBe(true);
    res.contentLanguage = 'de-AT';
    expect(res.contentLanguage.toArray()).toEqual(['de-AT']);
    res.vary = undefined;
    expect(res.headers.has('Vary')).toBe(false);
  });
  it('handles CORS, ranges, retry, CSP, auth, disposition and dates', () => {
    const res = new Response('x');
    res.accessControlAllowOrigin = 'https://example.com';
    res.accessControlAllowCredentials = true;
    res.accessControlAllowMethods.add('GET', 'POST');
    res.accessControlAllowHeaders = ['Content-Type'];
    res.accessControlExposeHeaders.add('X-Total');
    res.accessControlMaxAge = 600;
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBe('true');
    expect(res.headers.get('Access-Control-Allow-Methods')).toBe('GET, POST');
    expect(res.accessControlMaxAge).toBe(600);
    expect(res.accessControlAllowOrigin).toBe('https://example.com');
    res.contentRange = new ContentRange('bytes', 0, 5, 10);
    expect(res.headers.get('Content-Range')).toBe('bytes 0-4/10');
    expect(res.contentRange?.stop).toBe(5);
    res.acceptRanges = 'bytes';
    expect(res.acceptRanges).toBe('bytes');
    res.retryAfter = 120;
    expect(res.headers.get('Retry-After')).toBe('120');
    expect(Math.abs(res.retryAfter!.getTime() - Date.now() - 120_000)).toBeLessThan(5000);
    res.contentSecurityPolicy.set('default-src', "'self'");
    res.contentSecurityPolicy.set('img-src', '*');
    expect(res.headers.get('Content-Security-Policy')).toBe("default-src 'self'; img-src *");
    res.wwwAuthenticate = basicChallenge('admin');
    expect(res.headers.get('WWW-Authenticate')).toBe('Basic realm="admin", charset="UTF-8"');
    expect(res.wwwAuthenticate[0].realm).toBe('admin');
    res.wwwAuthenticate = ['Bearer', basicChallenge('x')];
    expect(res.headers.getAll('WWW-Authenticate')).toEqual(['Bearer', 'Basic realm="x", charset="UTF-8"']);
    res.contentDisposition = formatContentDisposition('€.txt');
    expect(res.contentDisposition?.filename).toBe('€.txt');
    res.lastModified = Date.UTC(2024, 0, 1);
    expect(res.headers.get('Last-Modified')).toBe('Mon, 01 Jan 2024 00:00:00 GMT');
    expect(res.lastModified?.getTime()).toBe(Date.UTC(2024, 0, 1));
    res.expires = new Date(0);
    expect(res.expires?.getTime()).toBe(0);
    res.date = null;
    expect(res.date).toBeNull();
  });
  it('sets, reads and computes ETags', async () => {
    const res = new Response('hello');
    expect(res.getEtag()).toBeUndefined();
    await res.addEtag();
    expect(res.headers.get('ETag')).toBe('"aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d"');
    res.setEtag('v2', true);
    expect(res.getEtag()).toEqual({ tag: 'v2', weak: true });
    await res.addEtag();
    expect(res.getEtag()?.tag).toBe('v2');
    await res.addEtag(true);
    expect(res.getEtag()).toEqual({ tag: 'aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d', weak: false });
    expect(() => res.setEtag('a"b')).toThrow(TypeError);
  });
});
