/**
 * URL quoting rules shared by Request (building URLs) and redirects (building Location).
 * @module
 */
import { wellFormed } from './utf8.js';

// Characters allowed unescaped in a URI (RFC 3986 unreserved + reserved) plus '%' for escapes
// that are already there. Everything else, including non-ASCII, is percent-encoded as UTF-8.
const UNSAFE = /[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g;
const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/g;

/**
 * Turns an IRI (or any string meant as a URL) into a URI: non-ASCII and unsafe characters are
 * percent-encoded as UTF-8, valid escapes are kept, a stray `%` becomes `%25`, and a non-ASCII
 * host is converted to punycode. Safe to call twice.
 *
 * @example
 * ```ts
 * iriToUri('/wiki/Ümlaut page'); // '/wiki/%C3%9Cmlaut%20page'
 * ```
 */
export function iriToUri(iri: string): string {
  const hostMatch = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/s.exec(iri);
  if (hostMatch && /[^\x00-\x7f]/.test(hostMatch[2])) {
    try {
      const { host } = new URL(`${hostMatch[1]}${hostMatch[2]}`);
      const userinfo = hostMatch[2].includes('@') ? hostMatch[2].slice(0, hostMatch[2].lastIndexOf('@') + 1) : '';
      iri = `${hostMatch[1]}${quoteUnsafe(userinfo)}${host}${hostMatch[3]}`;
    } catch {
      // Not a valid host: leave it to plain quoting below.
    }
  }
  return quoteUnsafe(iri);
}

// wellFormed: a lone surrogate (possible in a raw environ) would make encodeURIComponent throw a
// URIError, a 500 for `req.url` or `redirect()`; it is written as U+FFFD, as TextEncoder does.
function quoteUnsafe(text: string): string {
  return text
    .replace(UNSAFE, (run) => encodeURIComponent(wellFormed(run)))
    .replace(BAD_ESCAPE, '%25');
}

/**
 * Quotes a decoded path for use in a URL: like `iriToUri`, and also `?` and `#` (which would
 * otherwise start a query or fragment) and `%` (a decoded path has no escapes left).
 *
 * @example
 * ```ts
 * quotePath('/files/100% done?.txt'); // '/files/100%25%20done%3F.txt'
 * ```
 */
export function quotePath(path: string): string {
  return iriToUri(path.replace(/%/g, '%25')).replace(/[?#]/g, (ch) => (ch === '?' ? '%3F' : '%23'));
}

// Werkzeug's set for built URLs: RFC 3986 unreserved, sub-delims, ':' and '@' (the WHATWG
// path-segment string), plus '/' so that a path variable keeps its slashes. '%' is escaped: the
// text is decoded, so a '%' in it is data.
const PATH_SAFE = /^[A-Za-z0-9\-._~!$&'()*+,/:;=@]*$/;
const PATH_UNSAFE = /[^A-Za-z0-9\-._~!$&'()*+,/:;=@]+/g;
// The same for a query key or value, where '&', '=' and '+' are separators and '?' is data.
const QUERY_SAFE = /^[A-Za-z0-9\-._~!$'()*,/:;?@]*$/;
const QUERY_UNSAFE = /[^A-Za-z0-9\-._~!$'()*,/:;?@]+/g;

/**
 * Percent-encodes decoded path text for a built URL: everything but the characters valid in a
 * WHATWG path segment (and `/`) becomes UTF-8 escapes, `%` included.
 *
 * @example
 * ```ts
 * quoteUrlPath('/files/a b/100%'); // '/files/a%20b/100%25'
 * ```
 */
export function quoteUrlPath(text: string): string {
  // Most values (ids, slugs) need nothing: one test instead of a replace.
  if (PATH_SAFE.test(text)) return text;
  return text.replace(PATH_UNSAFE, (run) => encodeURIComponent(wellFormed(run)));
}

/**
 * Percent-encodes a query key or value as forms do (space as `+`), keeping `/ : ; ? @ ! $ ' ( ) * ,`
 * readable as Werkzeug does.
 *
 * @example
 * ```ts
 * quoteQueryPart('a b&c=d'); // 'a+b%26c%3Dd'
 * ```
 */
export function quoteQueryPart(text: string): string {
  if (QUERY_SAFE.test(text)) return text;
  return text.replace(QUERY_UNSAFE, (run) => encodeURIComponent(wellFormed(run)).replace(/%20/g, '+'));
}
