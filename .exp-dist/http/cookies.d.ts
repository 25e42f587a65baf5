/**
 * Default cap on the number of pairs read from one `Cookie` header (DESIGN section 5).
 *
 * @example
 * ```ts
 * parseCookies(header, { maxPairs: MAX_COOKIE_PAIRS / 2 });
 * ```
 */
export declare const MAX_COOKIE_PAIRS = 3000;
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
export declare function parseCookies(header: string | null | undefined, options?: ParseCookiesOptions): Record<string, string>;
/** The attributes of a `Set-Cookie` header. */
export interface CookieOptions {
    /** Lifetime in seconds (`Max-Age`); an integer, 0 or negative deletes the cookie. */
    maxAge?: number;
    /** Absolute expiry (`Expires`), as a Date or a millisecond timestamp. */
    expires?: Date | number;
    /** `Path`; printable ASCII without `;`. */
    path?: string;
    /** `Domain`; a host name, an optional leading dot allowed. */
    domain?: string;
    /** `Secure`: only sent over HTTPS. Implied by `sameSite: 'none'`, `partitioned` and the `__Secure-`/`__Host-` prefixes. */
    secure?: boolean;
    /** `HttpOnly`: hidden from page scripts. */
    httpOnly?: boolean;
    /** `SameSite`. */
    sameSite?: 'lax' | 'strict' | 'none';
    /** `Partitioned` (CHIPS): keyed to the top-level site. */
    partitioned?: boolean;
    /** `Priority` (a Chrome extension). */
    priority?: 'low' | 'medium' | 'high';
}
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
export declare function serializeSetCookie(name: string, value: string, options?: CookieOptions): string;
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
export declare function serializeDeleteCookie(name: string, options?: Omit<CookieOptions, 'maxAge' | 'expires'>): string;
//# sourceMappingURL=cookies.d.ts.map