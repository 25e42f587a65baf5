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
export function parseCookies(header, options = {}) {
    const result = Object.create(null);
    if (!header)
        return result;
    const maxPairs = options.maxPairs ?? MAX_COOKIE_PAIRS;
    const parsed = parse(cutAfterPairs(header, maxPairs));
    for (const name in parsed) {
        const value = parsed[name];
        // The empty name comes from `=value` pairs, which no browser sends for a real cookie.
        if (name === '' || value === undefined)
            continue;
        result[name] = value;
    }
    return result;
}
/** The header up to (not including) the `;` that ends pair number `maxPairs`. */
function cutAfterPairs(header, maxPairs) {
    if (maxPairs <= 0)
        return '';
    let index = -1;
    for (let count = 0; count < maxPairs; count++) {
        index = header.indexOf(';', index + 1);
        if (index === -1)
            return header;
    }
    return header.slice(0, index);
}
const SAME_SITE = new Set(['lax', 'strict', 'none']);
/**
 * Builds one `Set-Cookie` header value. The value is percent-encoded (as `parseCookies` decodes
 * it). Invalid names, values, paths, domains, dates or `maxAge` throw a `TypeError`: these come from
 * the application, not the client, so they are programming errors. Browsers reject a
 * `SameSite=None` or `Partitioned` cookie without `Secure`, and `__Secure-`/`__Host-` cookies
 * without it, so those add `Secure` on their own; a `__Host-` cookie also gets `Path=/` and must not
 * carry a `Domain`.
 *
 * @example
 * ```ts
 * serializeSetCookie('session', 'abc', { httpOnly: true, sameSite: 'lax', path: '/' });
 * // 'session=abc; Path=/; HttpOnly; SameSite=Lax'
 * ```
 */
export function serializeSetCookie(name, value, options = {}) {
    if (typeof name !== 'string' || name === '')
        throw new TypeError('cookie name must be a non-empty string');
    if (typeof value !== 'string')
        throw new TypeError(`cookie value must be a string: ${String(value)}`);
    const { sameSite, partitioned } = options;
    if (sameSite !== undefined && !SAME_SITE.has(sameSite)) {
        throw new TypeError(`option sameSite is invalid: ${String(sameSite)}`);
    }
    let { secure, path, expires } = options;
    const host = name.startsWith('__Host-');
    if (host) {
        if (options.domain !== undefined)
            throw new TypeError('a __Host- cookie must not set a domain');
        if (path !== undefined && path !== '/')
            throw new TypeError('a __Host- cookie must have path "/"');
        path = '/';
    }
    if (sameSite === 'none' || partitioned || host || name.startsWith('__Secure-'))
        secure = true;
    if (typeof expires === 'number') {
        if (!Number.isFinite(expires))
            throw new TypeError(`option expires is invalid: ${expires}`);
        expires = new Date(expires);
    }
    if (options.maxAge !== undefined && !Number.isSafeInteger(options.maxAge)) {
        throw new TypeError(`option maxAge is invalid: ${options.maxAge}`);
    }
    // serialize accepts empty-string path/domain silently; refuse them so typos are caught.
    if (path === '')
        throw new TypeError('option path is empty');
    if (options.domain === '')
        throw new TypeError('option domain is empty');
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
        priority: options.priority,
    });
}
/**
 * Builds the `Set-Cookie` value that deletes a cookie: empty value, `Max-Age=0` and an `Expires` in
 * 1970. Pass the same `path` and `domain` the cookie was set with, or the browser keeps it.
 *
 * @example
 * ```ts
 * serializeDeleteCookie('session', { path: '/' });
 * // 'session=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT'
 * ```
 */
export function serializeDeleteCookie(name, options = {}) {
    return serializeSetCookie(name, '', { ...options, maxAge: 0, expires: 0 });
}
//# sourceMappingURL=cookies.js.map