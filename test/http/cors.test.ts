// Issue 18: the pure CORS header rules (src/http/cors.ts) and Vary merging (src/http/vary.ts).
import { describe, expect, it } from 'vitest';
import {
  CORS_MAX_REQUEST_HEADER_NAMES,
  corsPreflightHeaders,
  corsResponseHeaders,
  corsVary,
  isCorsPreflight,
  parseAccessControlRequestHeaders,
  type CorsRules,
} from '../../src/http/cors.js';
import { addVary } from '../../src/http/vary.js';

const rules: CorsRules = {
  anyOrigin: false,
  credentials: false,
  methods: ['GET', 'PUT'],
  allowHeaders: 'reflect',
  exposeHeaders: [],
  maxAge: undefined,
};

describe('isCorsPreflight', () => {
  it('needs OPTIONS, Origin and Access-Control-Request-Method', () => {
    expect(isCorsPreflight('OPTIONS', 'https://a.example', 'PUT')).toBe(true);
    expect(isCorsPreflight('OPTIONS', 'https://a.example', undefined)).toBe(false);
    expect(isCorsPreflight('OPTIONS', 'https://a.example', '')).toBe(false);
    expect(isCorsPreflight('OPTIONS', undefined, 'PUT')).toBe(false);
    expect(isCorsPreflight('PUT', 'https://a.example', 'PUT')).toBe(false);
    expect(isCorsPreflight('options', 'https://a.example', 'PUT')).toBe(false);
  });
});

describe('parseAccessControlRequestHeaders', () => {
  it('reads the names browsers send, lower-cased and de-duplicated', () => {
    expect(parseAccessControlRequestHeaders('content-type,x-api-key')).toEqual(['content-type', 'x-api-key']);
    expect(parseAccessControlRequestHeaders(' X-A , x-a,,X-B ')).toEqual(['x-a', 'x-b']);
    expect(parseAccessControlRequestHeaders('')).toEqual([]);
    expect(parseAccessControlRequestHeaders(undefined)).toEqual([]);
    expect(parseAccessControlRequestHeaders(null)).toEqual([]);
  });

  it('is null for anything that is not a list of header names', () => {
    expect(parseAccessControlRequestHeaders('x-a, bad name')).toBeNull();
    expect(parseAccessControlRequestHeaders('x-a, "quoted"')).toBeNull();
    expect(parseAccessControlRequestHeaders('x-a;q=1')).toBeNull();
    expect(parseAccessControlRequestHeaders('x-ä')).toBeNull();
  });

  it('is bounded in count: 100 names are read, 101 are refused', () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `x-h${i}`).join(',');
    expect(parseAccessControlRequestHeaders(names(CORS_MAX_REQUEST_HEADER_NAMES))).toHaveLength(100);
    expect(parseAccessControlRequestHeaders(names(CORS_MAX_REQUEST_HEADER_NAMES + 1))).toBeNull();
  });

  it('reads a 16 KB header in linear time, whatever it holds', () => {
    const shapes = [
      'x-a,'.repeat(4096), // 16 KB of names: too many, refused
      'a'.repeat(16 * 1024), // one 16 KB name: too long, refused
      ','.repeat(16 * 1024), // commas only
      `"${'a'.repeat(16 * 1024)}`, // an open quote
      `${' '.repeat(8000)}x${' '.repeat(100)}`, // spaces around one name, under the length cap
      `${','.repeat(8000)}"${'\\a'.repeat(90)}`, // commas then escapes in an open quote
    ];
    for (const value of shapes) {
      const started = performance.now();
      for (let i = 0; i < 100; i++) parseAccessControlRequestHeaders(value);
      // 100 parses of 8-16 KB: a few milliseconds when linear; quadratic would take seconds.
      expect(performance.now() - started).toBeLessThan(300);
    }
    expect(parseAccessControlRequestHeaders('x-a,'.repeat(4096))).toBeNull();
    expect(parseAccessControlRequestHeaders('a'.repeat(16 * 1024))).toBeNull();
    expect(parseAccessControlRequestHeaders(`${' '.repeat(8000)}x${' '.repeat(100)}`)).toEqual(['x']);
  });
});

describe('corsVary', () => {
  it('varies on Origin for a list, on the preflight inputs for preflights', () => {
    expect(corsVary(rules, false)).toEqual(['Origin']);
    expect(corsVary({ ...rules, anyOrigin: true }, false)).toEqual([]);
    expect(corsVary(rules, true)).toEqual(['Origin', 'Access-Control-Request-Method', 'Access-Control-Request-Headers']);
    expect(corsVary({ ...rules, allowHeaders: ['x-a'] }, true)).toEqual(['Origin', 'Access-Control-Request-Method']);
  });
});

describe('corsResponseHeaders / corsPreflightHeaders', () => {
  it('echo the origin as sent, or *', () => {
    expect(corsResponseHeaders(rules, 'https://a.example')).toEqual([['Access-Control-Allow-Origin', 'https://a.example']]);
    expect(corsResponseHeaders({ ...rules, anyOrigin: true }, 'https://a.example')).toEqual([['Access-Control-Allow-Origin', '*']]);
  });

  it('add credentials and exposed headers to answers', () => {
    expect(corsResponseHeaders({ ...rules, credentials: true, exposeHeaders: ['X-Request-Id', 'ETag'] }, 'https://a.example')).toEqual([
      ['Access-Control-Allow-Origin', 'https://a.example'],
      ['Access-Control-Allow-Credentials', 'true'],
      ['Access-Control-Expose-Headers', 'X-Request-Id, ETag'],
    ]);
  });

  it('answer a preflight with methods, headers and max-age as configured', () => {
    expect(corsPreflightHeaders({ ...rules, credentials: true, maxAge: 600 }, 'https://a.example', 'x-api-key,content-type')).toEqual([
      ['Access-Control-Allow-Origin', 'https://a.example'],
      ['Access-Control-Allow-Credentials', 'true'],
      ['Access-Control-Allow-Methods', 'GET, PUT'],
      ['Access-Control-Allow-Headers', 'x-api-key, content-type'],
      ['Access-Control-Max-Age', '600'],
    ]);
    expect(corsPreflightHeaders({ ...rules, allowHeaders: ['Content-Type'], methods: [] }, 'https://a.example', 'x-api-key')).toEqual([
      ['Access-Control-Allow-Origin', 'https://a.example'],
      ['Access-Control-Allow-Headers', 'Content-Type'],
    ]);
  });

  it('reflect nothing when the requested list is unusable, so the browser refuses', () => {
    expect(corsPreflightHeaders(rules, 'https://a.example', 'x-a, bad name')).toEqual([
      ['Access-Control-Allow-Origin', 'https://a.example'],
      ['Access-Control-Allow-Methods', 'GET, PUT'],
    ]);
  });
});

describe('addVary', () => {
  it('adds a Vary header when there is none', () => {
    expect(addVary([['Content-Type', 'text/plain']], ['Origin'])).toEqual([
      ['Content-Type', 'text/plain'],
      ['Vary', 'Origin'],
    ]);
  });

  it('appends to an existing Vary, keeping its spelling and position', () => {
    const headers: Array<[string, string]> = [['vary', 'Accept-Encoding'], ['X-A', '1']];
    expect(addVary(headers, ['Origin', 'Access-Control-Request-Method'])).toEqual([
      ['vary', 'Accept-Encoding, Origin, Access-Control-Request-Method'],
      ['X-A', '1'],
    ]);
    expect(headers).toEqual([['vary', 'Accept-Encoding'], ['X-A', '1']]); // not changed in place
  });

  it('does not repeat a name already listed, in any case or Vary header', () => {
    const headers: Array<[string, string]> = [['Vary', 'accept-encoding'], ['Vary', 'ORIGIN']];
    expect(addVary(headers, ['Origin'])).toBe(headers);
    expect(addVary(headers, ['Origin', 'Cookie', 'cookie'])).toEqual([['Vary', 'accept-encoding, Cookie'], ['Vary', 'ORIGIN']]);
  });

  it('leaves Vary: * alone, and fills an empty Vary', () => {
    const star: Array<[string, string]> = [['Vary', '*']];
    expect(addVary(star, ['Origin'])).toBe(star);
    expect(addVary([['Vary', ' ']], ['Origin'])).toEqual([['Vary', 'Origin']]);
  });
});
