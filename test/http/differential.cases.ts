/**
 * Header values for the differential test against Werkzeug: ordinary ones and tricky ones.
 * Cases listed in `KNOWN_DIFFERENCES` (differential.test.ts) must differ, for the reason given in
 * docs/differences.md; every other case must agree.
 */

export interface AcceptCase {
  header: string | null;
  offers: string[];
  bestOf: string[][];
}

const MIME_OFFERS = ['text/html', 'application/json', 'text/plain', 'image/png', 'application/xml'];
const mime = (header: string | null, offers = MIME_OFFERS): AcceptCase => ({
  header,
  offers,
  bestOf: [offers, [...offers].reverse(), offers.slice(0, 2)],
});

export const ACCEPT_CASES: AcceptCase[] = [
  mime('text/html'),
  mime('application/json'),
  mime('*/*'),
  mime('text/*'),
  mime('text/html, application/json;q=0.9, */*;q=0.8'),
  mime('text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8'),
  mime('application/json;q=0.5, text/html;q=0.5'),
  mime('text/*;q=0.3, text/html;q=0.7, */*;q=0.5'),
  mime('*/*, application/xml;q=0'),
  mime('text/html;q=0, */*'),
  mime('text/plain; q=0.5, text/html, text/x-dvi; q=0.8, text/x-c'),
  mime('TEXT/HTML'),
  mime('text/html;q=1.0'),
  mime('text/html;q=0.001, application/json;q=0.002'),
  mime('text/html;q=2'),
  mime('text/html;q=abc, application/json'),
  mime('text/html;q=-1, application/json'),
  mime('text/html; q=0.5; level=1'),
  mime('image/*;q=0.9, image/png;q=0.1'),
  mime(''),
  mime(null),
  mime(', , text/html ,'),
  mime('text/html;level=1', ['text/html;level=1', 'text/html']),
  mime('text/html;q=0.9', ['text/html; charset=utf-8', 'application/json']),
  mime('text/html;charset=utf-8', ['text/html', 'text/html;charset=utf-8']),
  mime('*'),
  mime('text'),
  mime('*/html'),
  mime('text/html;q=0.5, text/html;q=0.9'),
  mime('"text/html"'),
  mime('application/json, text/html;q="0.5"'),
];

const LANG_OFFERS = ['en', 'en-US', 'de', 'de-AT', 'fr'];
const lang = (header: string | null, offers = LANG_OFFERS): AcceptCase => ({
  header,
  offers,
  bestOf: [offers, [...offers].reverse(), ['en', 'fr'], ['de'], ['de-CH', 'fr-FR']],
});

export const LANGUAGE_CASES: AcceptCase[] = [
  lang('en'),
  lang('en-US, en;q=0.9'),
  lang('de-AT'),
  lang('de'),
  lang('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5'),
  lang('en_US'),
  lang('EN-us'),
  lang('*'),
  lang('de;q=0, *'),
  lang('da, en-gb;q=0.8, en;q=0.7'),
  lang(''),
  lang(null),
  lang('de-AT, fr;q=0.5'),
  lang('zh-Hant-TW'),
];

const CHARSET_OFFERS = ['utf-8', 'iso-8859-1', 'ascii'];
export const CHARSET_CASES: AcceptCase[] = [
  'utf-8',
  'UTF-8, iso-8859-1;q=0.5',
  'iso-8859-1;q=0.5, utf-8;q=0.7, *;q=0.1',
  'utf8',
  'latin1',
  '*',
  'unknown-charset',
].map((header) => ({ header, offers: CHARSET_OFFERS, bestOf: [CHARSET_OFFERS, [...CHARSET_OFFERS].reverse()] }));

const ENCODING_OFFERS = ['gzip', 'br', 'deflate', 'zstd'];
export const ENCODING_CASES: AcceptCase[] = [
  'gzip, deflate, br',
  'gzip;q=1.0, identity; q=0.5, *;q=0',
  'br;q=1.0, gzip;q=0.8, *;q=0.1',
  '*',
  'GZIP',
  'identity',
  '',
  'gzip, identity;q=0',
].map((header) => ({
  header,
  offers: ENCODING_OFFERS,
  bestOf: [ENCODING_OFFERS, ['gzip', 'identity'], ['identity', 'br']],
}));

export const CACHE_CONTROL_CASES: Array<string | null> = [
  'max-age=60',
  'public, max-age=31536000, immutable',
  'no-cache',
  'no-store',
  'private',
  'private, max-age=0, must-revalidate',
  'no-cache="Set-Cookie"',
  'no-cache="Set-Cookie, X-Token", private="Authorization"',
  's-maxage=600, proxy-revalidate, no-transform',
  'max-age=0, stale-while-revalidate=30, stale-if-error=86400',
  'max-stale',
  'max-stale=100, min-fresh=10, only-if-cached',
  'max-age="60"',
  'max-age=abc',
  'max-age=-1',
  'max-age=1.5',
  'max-age',
  'Max-Age=5',
  'max-age=5, max-age=10',
  'community="UCI", public',
  ' public ,  max-age = 60 ',
  '',
  null,
  ',,,',
  'no-cache, no-store, must-revalidate',
];

export interface EtagCase {
  header: string | null;
  tags: string[];
}
const TAGS = ['a', 'b', 'c', 'xyzzy', 'r2d2xxxx', ''];
export const ETAG_CASES: EtagCase[] = [
  '"a"',
  '"a", "b"',
  'W/"a"',
  'W/"a", "b"',
  '*',
  '"xyzzy", "r2d2xxxx", "c3piozzzz"',
  'W/"xyzzy", W/"r2d2xxxx", W/"c3piozzzz"',
  '""',
  'a, b',
  '"a","b"',
  '"a" , W/"b" ,"c"',
  'w/"a"',
  '"a, b", "c"',
  '"a", *',
  '',
  null,
  ' "a" ',
].map((header) => ({ header, tags: TAGS }));

export interface RangeCase {
  header: string | null;
  length: number;
}
const range = (header: string | null, length = 100): RangeCase => ({ header, length });
export const RANGE_CASES: RangeCase[] = [
  range('bytes=0-99'),
  range('bytes=0-0'),
  range('bytes=0-499'),
  range('bytes=10-'),
  range('bytes=-10'),
  range('bytes=-500'),
  range('bytes=99-'),
  range('bytes=100-'),
  range('bytes=0-9,20-29'),
  range('bytes=0-9,5-14'),
  range('bytes=20-29,0-9'),
  range('bytes=0-0,0-0'),
  range('bytes=9-0'),
  range('bytes=abc'),
  range('bytes='),
  range('bytes'),
  range(''),
  range(null),
  range('items=0-9'),
  range('BYTES=0-9'),
  range('bytes= 0-9 '),
  range('bytes=0-9,'),
  range('bytes=-0'),
  range('bytes=0-9', 0),
  range('bytes=-'),
  range('bytes=1-2-3'),
  range('bytes=0-9,-10'),
  range('bytes=--5'),
];

const NOV6 = ['Sun, 06 Nov 1994 08:49:37 GMT', 'Sunday, 06-Nov-94 08:49:37 GMT', 'Sun Nov  6 08:49:37 1994'];
export const DATE_CASES: Array<string | null> = [
  ...NOV6,
  'Thu, 01 Jan 1970 00:00:00 GMT',
  'Mon, 01 Jan 2024 00:00:00 GMT',
  'Wed, 21 Oct 2015 07:28:00 GMT',
  'Sun, 6 Nov 1994 08:49:37 GMT',
  'Sun, 06 Nov 1994 08:49:37',
  'Sun, 06 Nov 1994 08:49:37 +0200',
  'Sun, 06 Nov 1994 08:49:37 -0500',
  'Sun, 06 Nov 1994 08:49:37 UTC',
  '06 Nov 1994 08:49:37 GMT',
  'sun, 06 nov 1994 08:49:37 gmt',
  'Thursday, 01-Jan-70 00:00:00 GMT',
  'Sun, 31 Feb 1994 08:49:37 GMT',
  'Sun, 06 Nov 1994 25:49:37 GMT',
  'Sun, 06 Nov 1994 08:49 GMT',
  'Sun, 06 Foo 1994 08:49:37 GMT',
  'yesterday',
  '',
  '0',
  '1994-11-06T08:49:37Z',
  'Sun, 06 Nov 1994 08:49:37 GMT garbage',
  null,
];

export interface ConditionalCase {
  method: string;
  headers: Record<string, string>;
  etag?: string;
  lastModified?: string;
}
const MODIFIED = 'Mon, 01 Jan 2024 00:00:00 GMT';
const cond = (headers: Record<string, string>, method = 'GET'): ConditionalCase => ({
  method,
  headers,
  etag: 'v1',
  lastModified: MODIFIED,
});
/** makeConditional on a 10-byte body with ETag "v1" and Last-Modified 2024-01-01, acceptRanges on. */
export const CONDITIONAL_CASES: ConditionalCase[] = [
  cond({}),
  cond({ 'If-None-Match': '"v1"' }),
  cond({ 'If-None-Match': 'W/"v1"' }),
  cond({ 'If-None-Match': '"v2"' }),
  cond({ 'If-None-Match': '*' }),
  cond({ 'If-Modified-Since': MODIFIED }),
  cond({ 'If-Modified-Since': 'Sun, 31 Dec 2023 00:00:00 GMT' }),
  cond({ 'If-Match': '"v1"' }),
  cond({ 'If-Match': '"v2"' }),
  cond({ 'If-Match': '*' }),
  cond({ Range: 'bytes=0-4' }),
  cond({ Range: 'bytes=-3' }),
  cond({ Range: 'bytes=20-' }),
  cond({ Range: 'bytes=0-1,4-5' }),
  cond({ Range: 'bytes=x' }),
  cond({ Range: 'bytes=0-4', 'If-Range': '"v1"' }),
  cond({ Range: 'bytes=0-4', 'If-Range': '"v2"' }),
  cond({ Range: 'bytes=0-4', 'If-Range': 'unquoted' }),
  cond({ Range: 'bytes=0-4', 'If-Range': 'Monday' }),
  cond({ Range: 'bytes=0-4', 'If-None-Match': '"v1"' }),
  cond({ 'If-Unmodified-Since': 'Sun, 31 Dec 2023 00:00:00 GMT' }),
  cond({ 'If-None-Match': '"v1"' }, 'POST'),
  cond({ 'If-Match': '"v2"' }, 'PUT'),
  cond({ 'If-None-Match': '"v1"' }, 'HEAD'),
];
