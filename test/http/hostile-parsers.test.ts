/**
 * Every header parser against hostile input: random strings, a pool of nasty values, and long
 * pathological repetitions. A parser of client input may return "absent" or throw an
 * `HTTPException` (a 4xx), never anything else, and its time must grow linearly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HTTPException } from '../../src/errors.js';
import { parseAccept, parseCharsetAccept, parseEncodingAccept, parseLanguageAccept } from '../../src/http/accept.js';
import { parseAuthorization, parseWwwAuthenticate } from '../../src/http/auth.js';
import { parseCacheControl } from '../../src/http/cache-control.js';
import { parseContentDisposition } from '../../src/http/content-disposition.js';
import { parseContentType } from '../../src/http/content-type.js';
import { parseCookies, serializeSetCookie } from '../../src/http/cookies.js';
import { parseContentSecurityPolicy } from '../../src/http/csp.js';
import { parseHttpDate } from '../../src/http/dates.js';
import { parseEtags } from '../../src/http/etag.js';
import { decodeExtValue, encodeExtValue, parseDictHeader, parseList, parseOptionsHeader, unquoteHeaderValue } from '../../src/http/grammar.js';
import { parseHeaderSet } from '../../src/http/header-set.js';
import { parseContentRange, parseIfRange, parseRange } from '../../src/http/range.js';
import { parseRetryAfter } from '../../src/http/retry-after.js';
import { iriToUri, quotePath } from '../../src/http/url.js';
import { parseOptions } from '../../src/request/multipart/params.js';
import { boundaryOf } from '../../src/request/multipart/boundary.js';
import { decodePathInfo } from '../../src/request/decode-path.js';
import { parseFlatQuery, parseNestedQuery } from '../../src/request/query.js';
import { secureFilename } from '../../src/request/secure-filename.js';
import { safeLocation } from '../../src/response/redirect.js';
import { NASTY_STRINGS, RAW_ONLY_STRINGS } from '../e2e/hostile-app.js';

/** Each parser of client input, used the way Request uses it (results touched, so lazy work runs). */
const PARSERS: Record<string, (value: string) => unknown> = {
  accept: (v) => parseAccept(v).bestMatch(['text/html', 'application/json']),
  acceptLanguage: (v) => parseLanguageAccept(v).bestMatch(['en', 'de-AT']),
  acceptCharset: (v) => parseCharsetAccept(v).bestMatch(['utf-8']),
  acceptEncoding: (v) => parseEncodingAccept(v).bestMatch(['gzip', 'br', 'identity']),
  authorization: (v) => String(parseAuthorization(v)),
  wwwAuthenticate: (v) => parseWwwAuthenticate(v).map(String),
  cacheControl: (v) => {
    const cc = parseCacheControl(v);
    return [cc.maxAge, cc.maxStale, cc.noCache, String(cc)];
  },
  contentDisposition: (v) => parseContentDisposition(v),
  contentType: (v) => parseContentType(v),
  cookies: (v) => parseCookies(v),
  csp: (v) => String(parseContentSecurityPolicy(v)),
  date: (v) => parseHttpDate(v),
  etags: (v) => String(parseEtags(v)),
  unquote: (v) => unquoteHeaderValue(v),
  extValue: (v) => decodeExtValue(v),
  dict: (v) => parseDictHeader(v),
  list: (v) => parseList(v),
  options: (v) => parseOptionsHeader(v),
  headerSet: (v) => String(parseHeaderSet(v)),
  range: (v) => parseRange(v)?.resolve(1000),
  contentRange: (v) => String(parseContentRange(v)),
  ifRange: (v) => String(parseIfRange(v)),
  retryAfter: (v) => parseRetryAfter(v),
  multipartParams: (v) => parseOptions(v),
  boundaryOf: (v) => boundaryOf(v),
  decodePath: (v) => decodePathInfo(v),
  flatQuery: (v) => parseFlatQuery(v).toObject(),
  nestedQuery: (v) => parseNestedQuery(v),
  secureFilename: (v) => secureFilename(v),
  iriToUri: (v) => iriToUri(v),
  quotePath: (v) => quotePath(v),
  safeLocation: (v) => {
    try {
      return safeLocation(v);
    } catch (error) {
      // A script-running scheme is the app's mistake (a TypeError), not a parse failure.
      if (error instanceof TypeError && /^refusing to redirect to a (javascript|data|vbscript): URL/.test(error.message)) return undefined;
      throw error;
    }
  },
};

function run(name: string, value: string): void {
  try {
    PARSERS[name](value);
  } catch (error) {
    if (error instanceof HTTPException && error.code >= 400 && error.code < 500) return;
    throw new Error(`${name} threw ${String(error)} for ${JSON.stringify(value.slice(0, 200))}`, { cause: error });
  }
}

const inputs = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS, ...RAW_ONLY_STRINGS),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: fc.constantFrom(...'"\\,;=/*q.-%0 \t()<>@[]{}:?'.split('')), maxLength: 300 }),
);

describe('header parsers under hostile input', () => {
  it.each(Object.keys(PARSERS))('%s returns or throws a 4xx, for every input', (name) => {
    fc.assert(
      fc.property(inputs, (value) => {
        run(name, value);
      }),
      { numRuns: 300 },
    );
  });

  it.each(Object.keys(PARSERS))('%s stays linear on 200 kB of pathological repetition', (name) => {
    // Each piece repeated until the value is about 200 kB: quotes, backslashes, separators and
    // half-finished constructs are what backtracking regular expressions choke on.
    const pieces = ['"', '\\"', ',', ';', '=', 'a=', 'a="', ' ', '\t', '%', '%2', 'q=0.', '[', 'W/"', 'bytes=0-', '*/', '-', '..', 'a;b=c,'];
    for (const piece of pieces) {
      const value = piece.repeat(Math.ceil(200_000 / piece.length));
      const started = performance.now();
      run(name, value);
      run(name, `x${value}y`);
      expect(performance.now() - started).toBeLessThan(2000);
    }
  });
});

describe('serializers given values echoed from a request', () => {
  // A lone surrogate cannot come through Node (headers are Latin-1) but can through a raw environ
  // or an app; encodeURIComponent throws a URIError on it, which used to surface as a 500.
  it.each(['\uD800', 'a\uDFFFb', '\uDBFF\uDBFF', '\u{1F600}\uD800'])('%j is written as U+FFFD', (value) => {
    expect(serializeSetCookie('echo', value, { path: null })).toMatch(/^echo=[\x21-\x7e]*$/);
    expect(serializeSetCookie('echo', value)).toContain('%EF%BF%BD');
    expect(encodeExtValue(value)).toContain('%EF%BF%BD');
    expect(iriToUri(`/x?q=${value}`)).toContain('%EF%BF%BD');
    expect(safeLocation(`/${value}`)).toContain('%EF%BF%BD');
  });

  it('well-formed pairs are kept', () => {
    expect(serializeSetCookie('echo', '\u{1F600}')).toBe('echo=%F0%9F%98%80; Path=/');
    expect(iriToUri('/\u{1F600}')).toBe('/%F0%9F%98%80');
  });

  it('secureFilename strips long runs of dots in linear time', () => {
    const started = performance.now();
    expect(secureFilename(`${'.'.repeat(200_000)}x${'_.'.repeat(100_000)}y${'._'.repeat(100_000)}`)).toMatch(/^x[_.]+y$/);
    expect(secureFilename('..._.a.b._...')).toBe('a.b');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
