/**
 * The `Cookie` request header and the `Set-Cookie` response header, on top of the `cookie` package.
 * @module
 */
import { parse, serialize } from 'cookie';
import { wellFormed } from './utf8.js';

/**
 * Default cap on the number of pairs read from one `Cookie` header (DESIGN section 5).
 *
 * @example
 * ```ts
 * parseCookies(header, { maxPairs: MAX_COOKIE_PAIRS / 2 });
 * ```
 */
export const MAX_COOKIE_PAIRS = 3000;

/** Options for {@link parseCookies}. */
export interface ParseCookiesOptions {
  /** Pairs past this count are dropped before parsing. Default {@link MAX_COOKIE_PAIRS}. */
  maxPairs?: number;
}

/**
 * Parses a request `Cookie` header into a null-prototype record. The first value of a repeated name
 * wins (browsers send the most specific cookie first), nameless pairs such as `=x` are ignored,
 * percent-escapes are decoded when valid and kept as they are otherwise, and the header is cut
 * after `maxPairs` pairs before parsing so the cost stays linear and bounded. Never throws.
 *
 * @example
 * ```ts
 * parseCookies('session=abc; theme=dark; session=old'); // { session: 'abc', theme: 'dark' }
 * parseCookies(undefined);                              // {}
 * ```
 */
export function parseCookies(header: string | null | undefined, options: ParseCookiesOptions = {}): Record<string, string> {
  const result: Record<string, string> = Object.create(null);
  if (!header) return result;
  const maxPairs = options.maxPairs ?? MAX_COOKIE_PAIRS;
  const parsed = parse(cutAfterPairs(header, maxPairs));
  for (const name in parsed) {
    const value = parsed[name];
    // The empty name comes from `=value` pairs, which no browser sends for a real cookie.
    if (name === '' || value === undefined) continue;
    result[name] = value;
  }
  return result;
}

/** The header up to (not including) the `;` that ends pair number `maxPairs`. */
function cutAfterPairs(header: string, maxPairs: number): string {
  if (maxPairs <= 0) return '';
  let index = -1;
  for (let count = 0; count < maxPairs; count++) {
    index = header.indexOf(';', index + 1);
    if (index === -1) return header;
  }
  return header.slice(0, index);
}

/** The attributes of a `Set-Cookie` header. */
export interface CookieOptions {
  /** Lifetime in seconds (`Max-Age`); an integer, 0 or negative deletes the cookie. */
  maxAge?: number;
  /** Absolute expiry (`Expires`), as a Date or a millisecond timestamp. */
  expires?: Date | number;
  /**
   * `Path`; printable ASCII without `;`. Default `/`, as in Werkzeug and WebOb: without it the
   * browser scopes the cookie to the directory of the URL that set it (one set while handling
   * `/account/login` would never reach `/`). `null` leaves the attribute out.
   */
  path?: string | null;
  /** `Domain`; a host name, an optional leading dot allowed. */
  domain?: string;
  /** `Secure`: only sent over HTTPS. Implied by `sameSite: 'none'`, `partitioned` and the `__Secure-`/`__Host-` prefixes. */
  secure?: boolean;
  /** `HttpOnly`: hidden from page scripts. */
  httpOnly?: boolean;
  /** `SameSite`, in any case (`'lax'`, `'Lax'`, `'LAX'`); written in its canonical form (`Lax`). */
  sameSite?: CaseInsensitive<'lax' | 'strict' | 'none'>;
  /** `Partitioned` (CHIPS): keyed to the top-level site. */
  partitioned?: boolean;
  /** `Priority` (a Chrome extension), in any case; written in its canonical form (`High`). */
  priority?: CaseInsensitive<'low' | 'medium' | 'high'>;
}

/** A lower-case keyword as people write it: `lax`, `Lax` or `LAX`. */
export type CaseInsensitive<T extends string> = T | Capitalize<T> | Uppercase<T>;

const SAME_SITE = new Set(['lax', 'strict', 'none']);
const PRIORITY = new Set(['low', 'medium', 'high']);

/** A keyword option lower-cased, or a `TypeError` naming the option when it is not one of `allowed`. */
function keyword<T extends string>(option: string, value: string | undefined, allowed: Set<string>): T | undefined {
  if (value === undefined) return undefined;
  const lower = typeof value === 'string' ? value.toLowerCase() : value;
  if (!allowed.has(lower)) {
    throw new TypeError(`option ${option} is invalid: ${String(value)} (use one of ${[...allowed].join(', ')})`);
  }
  return lower as T;
}

/**
 * Builds one `Set-Cookie` header value. The value is percent-encoded (as `parseCookies` decodes
 * it). Invalid names, values, paths, domains, dates or `maxAge` throw a `TypeError`: these come from
 * the application, not the client, so they are programming errors. Browsers reject a
 * `SameSite=None` or `Partitioned` cookie without `Secure`, and `__Secure-`/`__Host-` cookies
 * without it, so those add `Secure` on their own; a `__Host-` cookie must have `Path=/` and must not
 * carry a `Domain`. `Path` defaults to `/` (`path: null` leaves it out).
 *
 * @example
 * ```ts
 * serializeSetCookie('session', 'abc', { httpOnly: true, sameSite: 'Lax' });
 * // 'session=abc; Path=/; HttpOnly; SameSite=Lax'
 * ```
 */
export function serializeSetCookie(name: string, value: string, options: CookieOptions = {}): string {
  if (typeof name !== 'string' || name === '') throw new TypeError('cookie name must be a non-empty string');
  if (typeof value !== 'string') throw new TypeError(`cookie value must be a string: ${String(value)}`);
  const { partitioned } = options;
  const sameSite = keyword<'lax' | 'strict' | 'none'>('sameSite', options.sameSite, SAME_SITE);
  const priority = keyword<'low' | 'medium' | 'high'>('priority', options.priority, PRIORITY);
  let { secure, expires } = options;
  const path = options.path === undefined ? '/' : (options.path ?? undefined);
  const host = name.startsWith('__Host-');
  if (host) {
    if (options.domain !== undefined) throw new TypeError('a __Host- cookie must not set a domain');
    if (path !== '/') throw new TypeError('a __Host- cookie must have path "/"');
  }
  if (sameSite === 'none' || partitioned || host || name.startsWith('__Secure-')) secure = true;
  if (typeof expires === 'number') {
    if (!Number.isFinite(expires)) throw new TypeError(`option expires is invalid: ${expires}`);
    expires = new Date(expires);
  }
  if (options.maxAge !== undefined && !Number.isSafeInteger(options.maxAge)) {
    throw new TypeError(`option maxAge is invalid: ${options.maxAge}`);
  }
  // serialize accepts empty-string path/domain silently; refuse them so typos are caught.
  if (path === '') throw new TypeError('option path is empty');
  if (options.domain === '') throw new TypeError('option domain is empty');
  // The value is percent-encoded with encodeURIComponent, which throws a URIError on a lone
  // surrogate; a value echoed from a raw environ can hold one, so it becomes U+FFFD instead.
  return serialize(name, wellFormed(value), {
    maxAge: options.maxAge,
    expires,
    path,
    domain: options.domain,
    secure,
    httpOnly: options.httpOnly,
    sameSite,
    partitioned,
    priority,
  });
}

/**
 * Builds the `Set-Cookie` value that deletes a cookie: empty value, `Max-Age=0` and an `Expires` in
 * 1970. Pass the same `path` and `domain` the cookie was set with, or the browser keeps it; like
 * `serializeSetCookie`, `path` defaults to `/`.
 *
 * @example
 * ```ts
 * serializeDeleteCookie('session');
 * // 'session=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT'
 * ```
 */
export function serializeDeleteCookie(
  name: string,
  options: Omit<CookieOptions, 'maxAge' | 'expires'> = {},
): string {
  return serializeSetCookie(name, '', { ...options, maxAge: 0, expires: 0 });
}
