/**
 * The test client's cookie jar: `tough-cookie` (RFC 6265 domain and path matching, `Max-Age`,
 * `Expires`, deletion) behind a small API for tests.
 * @module
 */
import { CookieJar } from 'tough-cookie';
import { type CookieOptions } from '../../http/cookies.js';
/** A cookie as the jar holds it. */
export interface StoredCookie {
    name: string;
    /** The value, percent-decoded where that is valid. */
    value: string;
    /** The value exactly as the server sent it. */
    rawValue: string;
    domain: string;
    path: string;
    /** True when the cookie is sent to `domain` only, not its subdomains (no `Domain` attribute). */
    hostOnly: boolean;
    /** When the cookie expires; `undefined` for a session cookie. */
    expires: Date | undefined;
    secure: boolean;
    httpOnly: boolean;
    sameSite: string | undefined;
}
/** Where a cookie lives: `domain` defaults to the client's host, `path` to `/`. */
export interface CookieLocation {
    domain?: string;
    path?: string;
}
/**
 * The cookies a `Client` keeps between requests.
 *
 * @example
 * ```ts
 * const client = new Client(app);
 * await client.post('/login', { form: { user: 'ada' } });
 * client.cookies!.get('session')?.value; // the session id the app set
 * client.cookies!.set('theme', 'dark');
 * client.cookies!.delete('session');
 * ```
 */
export declare class ClientCookies {
    #private;
    /** The underlying `tough-cookie` jar, for anything this API does not cover. */
    readonly jar: CookieJar;
    constructor(baseUrl: string);
    /** The `Cookie` header value to send to `url`, or `''` (cheap while the jar is empty). */
    headerFor(url: string): string;
    /** Stores the `Set-Cookie` header values received from `url`; invalid ones are ignored, as browsers do. */
    receive(url: string, setCookies: readonly string[]): void;
    /** The cookies that would be sent to `url`, as a name to decoded value record. */
    forUrl(url?: string | URL): Record<string, string>;
    /** Every unexpired cookie in the jar. */
    all(): StoredCookie[];
    /**
     * The cookie named `name`; with `domain` and/or `path`, only the one stored for exactly those.
     */
    get(name: string, location?: CookieLocation): StoredCookie | undefined;
    /**
     * Stores a cookie as if the server had set it. Without `domain` it is host-only for the client's
     * host; with `domain` it is sent to that domain and its subdomains.
     */
    set(name: string, value: string, options?: CookieLocation & Omit<CookieOptions, 'domain' | 'path'>): void;
    /** Removes the cookie named `name` (every domain and path, unless `domain`/`path` narrow it). */
    delete(name: string, location?: CookieLocation): void;
    /** Empties the jar. */
    clear(): void;
}
//# sourceMappingURL=cookies.d.ts.map