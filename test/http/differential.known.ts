/**
 * Header values on which tsgi deliberately differs from Werkzeug, by kind and JSON-encoded header
 * value, each with the rule that explains it; docs/differences.md gives each rule in full.
 */
/** The key of a conditional case (see headerOf in differential.test.ts). */
const cond = (method: string, headers: Record<string, string>): string => JSON.stringify(`${method} ${JSON.stringify(headers)}`);
const NO_HEADER = 'no header means every offer is acceptable (RFC 9110 12.5.1)';
const LANG_FALLBACK = 'quality() applies the same RFC 4647 fallbacks as bestMatch';
const LANG_STAR = 'an RFC 4647 prefix match (and its q=0) beats the * wildcard';

export const KNOWN_DIFFERENCES: Record<string, Record<string, string>> = {
  accept: {
    '"text/html; q=0.5; level=1"': 'parameters after q are accept-extensions, not part of the media range',
    null: NO_HEADER,
    '"text/html;q=0.9"': 'a range without parameters matches an offer with parameters (RFC 9110 12.5.1)',
    '"*"': 'a bare * (sent by Java clients) is read as */*',
    '"\\"text/html\\""': 'a quoted list item is not a media range',
  },
  'accept-language': {
    '"en"': LANG_FALLBACK,
    '"de-AT"': LANG_FALLBACK,
    '"de"': LANG_FALLBACK,
    '"en_US"': LANG_FALLBACK,
    '"EN-us"': LANG_FALLBACK,
    '"da, en-gb;q=0.8, en;q=0.7"': LANG_FALLBACK,
    '"de-AT, fr;q=0.5"': LANG_FALLBACK,
    '"fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5"': LANG_STAR,
    '"de;q=0, *"': LANG_STAR,
    null: NO_HEADER,
  },
  'accept-charset': {},
  'accept-encoding': {
    '"GZIP"': 'identity stays acceptable unless excluded (RFC 9110 12.5.3)',
    '""': 'identity stays acceptable unless excluded (RFC 9110 12.5.3)',
  },
  'cache-control': {
    '"max-age=-1"': 'delta-seconds are non-negative: a negative value is ignored',
    '"Max-Age=5"': 'directive names are case-insensitive (RFC 9111 5.2)',
    '"max-age=5, max-age=10"': 'the first of a repeated directive wins (RFC 9111 4.2.1)',
  },
  etags: {
    '"\\"\\""': 'the empty entity tag "" is a valid tag',
    '" \\"a\\" "': 'whitespace around list items is allowed',
  },
  range: {
    '"bytes=-500"': 'a suffix longer than the representation selects all of it (RFC 9110 14.1.3)',
    '"bytes=20-29,0-9"': 'non-overlapping ranges in any order are accepted',
    '"bytes=0-9,"': 'empty list elements are skipped (RFC 9110 5.6.1)',
    '"bytes=-0"': 'a zero-length suffix is unsatisfiable (RFC 9110 14.1.1)',
  },
  conditional: {
    [cond('GET', { 'If-Match': '*' })]: 'If-Match: * matches any current representation (RFC 9110 13.1.1)',
    [cond('GET', { Range: 'bytes=0-1,4-5' })]: 'several ranges are served as multipart/byteranges',
    [cond('GET', { Range: 'bytes=x' })]: 'a malformed Range is ignored (200), not 416',
    [cond('GET', { Range: 'bytes=0-4', 'If-None-Match': '"v1"' })]: 'preconditions before Range (RFC 9110 13.2.2)',
    [cond('GET', { 'If-Unmodified-Since': 'Sun, 31 Dec 2023 00:00:00 GMT' })]: 'If-Unmodified-Since is evaluated',
    [cond('POST', { 'If-None-Match': '"v1"' })]: 'If-None-Match on unsafe methods gives 412',
    [cond('PUT', { 'If-Match': '"v2"' })]: 'If-Match is evaluated for every method',
  },
  date: {
    '"Thursday, 01-Jan-70 00:00:00 GMT"': 'two-digit years use the RFC 9110 50-year rule',
    '"Sun, 06 Nov 1994 08:49:37 GMT garbage"': 'trailing garbage makes the value invalid',
  },
};

/**
 * Adjustments for Werkzeug 2.x (Debian 12 ships 2.2.2): extra differences are bugs Werkzeug fixed
 * in 2.3 (tsgi agrees with Werkzeug 3); `null` marks a value where Werkzeug 2 agrees with tsgi and
 * Werkzeug 3 changed.
 */
const FIXED_IN_23 = 'Werkzeug 2.2 bug, fixed in Werkzeug 2.3';
export const WERKZEUG_2_DIFFERENCES: Record<string, Record<string, string | null>> = {
  accept: {
    '"text/html; q=0.5; level=1"': null,
    '"\\"text/html\\""': null,
    '"text/html;q=2"': `${FIXED_IN_23}: invalid q values were kept`,
    '"text/html;q=abc, application/json"': `${FIXED_IN_23}: invalid q values were kept`,
    '"text/html;q=-1, application/json"': `${FIXED_IN_23}: invalid q values were kept`,
    '"application/json, text/html;q=\\"0.5\\""': `${FIXED_IN_23}: a quoted q was ignored`,
  },
  'cache-control': {
    '"s-maxage=600, proxy-revalidate, no-transform"': `${FIXED_IN_23}: no_transform read None when present`,
    '"max-age=abc"': `${FIXED_IN_23}: invalid numbers came back as strings`,
    '"max-age=1.5"': `${FIXED_IN_23}: invalid numbers came back as strings`,
    '"max-age"': `${FIXED_IN_23}: a bare max-age read -1`,
    '" public ,  max-age = 60 "': `${FIXED_IN_23}: spaces around = hid the directive`,
  },
};
