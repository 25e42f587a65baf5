/**
 * The test client's cookie jar: `tough-cookie` (RFC 6265 domain and path matching, `Max-Age`,
 * `Expires`, deletion) behind a small API for tests.
 * @module
 */
import { Cookie, CookieJar } from 'tough-cookie';
import { serializeSetCookie } from '../../http/cookies.js';
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
export class ClientCookies {
    /** The underlying `tough-cookie` jar, for anything this API does not cover. */
    jar;
    #defaultUrl;
    #used = false;
    constructor(baseUrl) {
        this.jar = new CookieJar();
        this.#defaultUrl = new URL(baseUrl);
    }
    /** The `Cookie` header value to send to `url`, or `''` (cheap while the jar is empty). */
    headerFor(url) {
        return this.#used ? this.jar.getCookieStringSync(url) : '';
    }
    /** Stores the `Set-Cookie` header values received from `url`; invalid ones are ignored, as browsers do. */
    receive(url, setCookies) {
        for (const header of setCookies) {
            if (this.jar.setCookieSync(header, url, { ignoreError: true }))
                this.#used = true;
        }
    }
    /** The cookies that would be sent to `url`, as a name to decoded value record. */
    forUrl(url = this.#defaultUrl) {
        const out = Object.create(null);
        if (!this.#used)
            return out;
        for (const cookie of this.jar.getCookiesSync(new URL(String(url), this.#defaultUrl).href)) {
            if (!(cookie.key in out))
                out[cookie.key] = decode(cookie.value);
        }
        return out;
    }
    /** Every unexpired cookie in the jar. */
    all() {
        if (!this.#used)
            return [];
        const cookies = this.jar.serializeSync()?.cookies ?? [];
        const now = Date.now();
        const out = [];
        for (const data of cookies) {
            const cookie = Cookie.fromJSON(data);
            if (!cookie)
                continue;
            const expiry = cookie.expiryTime();
            if (expiry !== undefined && expiry <= now)
                continue;
            out.push(toStored(cookie));
        }
        return out;
    }
    /**
     * The cookie named `name`; with `domain` and/or `path`, only the one stored for exactly those.
     */
    get(name, location = {}) {
        const domain = location.domain?.toLowerCase().replace(/^\./, '');
        return this.all().find((cookie) => cookie.name === name &&
            (domain === undefined || cookie.domain === domain) &&
            (location.path === undefined || cookie.path === location.path));
    }
    /**
     * Stores a cookie as if the server had set it. Without `domain` it is host-only for the client's
     * host; with `domain` it is sent to that domain and its subdomains.
     */
    set(name, value, options = {}) {
        const host = options.domain?.replace(/^\./, '') ?? this.#defaultUrl.hostname;
        const path = options.path ?? '/';
        const header = serializeSetCookie(name, value, { ...options, path, domain: options.domain });
        const url = `${this.#defaultUrl.protocol}//${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}${path}`;
        this.jar.setCookieSync(header, url);
        this.#used = true;
    }
    /** Removes the cookie named `name` (every domain and path, unless `domain`/`path` narrow it). */
    delete(name, location = {}) {
        for (const cookie of this.all()) {
            if (cookie.name !== name)
                continue;
            if (location.domain !== undefined && cookie.domain !== location.domain.toLowerCase().replace(/^\./, ''))
                continue;
            if (location.path !== undefined && cookie.path !== location.path)
                continue;
            this.jar.store.removeCookie(cookie.domain, cookie.path, cookie.name, () => { });
        }
    }
    /** Empties the jar. */
    clear() {
        this.jar.removeAllCookiesSync();
        this.#used = false;
    }
}
function toStored(cookie) {
    const expiry = cookie.expiryTime();
    return {
        name: cookie.key,
        value: decode(cookie.value),
        rawValue: cookie.value,
        domain: cookie.domain ?? '',
        path: cookie.path ?? '/',
        hostOnly: cookie.hostOnly ?? false,
        expires: expiry === undefined || expiry === Infinity ? undefined : new Date(expiry),
        secure: cookie.secure,
        httpOnly: cookie.httpOnly,
        sameSite: cookie.sameSite,
    };
}
function decode(value) {
    if (!value.includes('%'))
        return value;
    try {
        return decodeURIComponent(value);
    }
    catch {
        return value;
    }
}
//# sourceMappingURL=cookies.js.map