/**
 * The test client's cookie jar: `tough-cookie` (RFC 6265 domain and path matching, `Max-Age`,
 * `Expires`, deletion) behind a small API for tests.
 * @module
 */
import type { Cookie, CookieJar } from 'tough-cookie';
import { serializeSetCookie, type CookieOptions } from '../../http/cookies.js';

type ToughCookie = typeof import('tough-cookie');

// tough-cookie takes about 60 ms to load, more than the rest of `tsgi/test`, and most tests
// never see a cookie: the client imports it with the first response that sets one
// (`ClientCookies.load`). Once per process; later jars find it loaded.
let tough: ToughCookie | undefined;

/**
 * tough-cookie for the synchronous methods (`set()`, `jar`) used before any response set a
 * cookie: loaded at once through the runtime's `require` (Node, Bun and Deno have
 * `process.getBuiltinModule`), its CommonJS build, which is the same code.
 */
function toughCookieNow(): ToughCookie {
  if (tough !== undefined) return tough;
  const getBuiltinModule = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    ?.getBuiltinModule;
  const nodeModule = getBuiltinModule?.('node:module') as typeof import('node:module') | undefined;
  if (nodeModule === undefined) {
    throw new Error(
      'tsgi test client: this runtime cannot load the cookie jar synchronously; `await client.cookies.load()` first',
    );
  }
  return (tough = nodeModule.createRequire(import.meta.url)('tough-cookie') as ToughCookie);
}

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
export class ClientCookies {
  readonly #defaultUrl: URL;
  #jar: CookieJar | undefined;
  // True once a cookie was stored: until then every read answers "none" without the jar.
  #used = false;

  constructor(baseUrl: string) {
    this.#defaultUrl = new URL(baseUrl);
  }

  /**
   * The underlying `tough-cookie` jar, for anything this API does not cover. Reading it before
   * any response set a cookie loads tough-cookie synchronously (see {@link ClientCookies.load}).
   *
   * @example
   * ```ts
   * await client.cookies!.jar.getCookies('http://localhost/admin');
   * ```
   */
  get jar(): CookieJar {
    return (this.#jar ??= new (toughCookieNow().CookieJar)());
  }

  /**
   * Loads tough-cookie and makes the jar, once; the client calls it before storing the first
   * cookie a response sets. The synchronous methods work without it on Node, Bun and Deno; call
   * it first on a runtime that cannot `require` (they throw saying so).
   *
   * @example
   * ```ts
   * await client.cookies!.load();
   * client.cookies!.set('theme', 'dark');
   * ```
   */
  async load(): Promise<void> {
    if (this.#jar !== undefined) return;
    tough ??= await import('tough-cookie');
    this.#jar ??= new tough.CookieJar();
  }

  /** The `Cookie` header value to send to `url`, or `''` (cheap while the jar is empty). */
  headerFor(url: string): string {
    return this.#used ? this.jar.getCookieStringSync(url) : '';
  }

  /** Stores the `Set-Cookie` header values received from `url`; invalid ones are ignored, as browsers do. */
  receive(url: string, setCookies: readonly string[]): void {
    if (setCookies.length === 0) return;
    for (const header of setCookies) {
      if (this.jar.setCookieSync(header, url, { ignoreError: true })) this.#used = true;
    }
  }

  /** The cookies that would be sent to `url`, as a name to decoded value record. */
  forUrl(url: string | URL = this.#defaultUrl): Record<string, string> {
    const out = Object.create(null) as Record<string, string>;
    if (!this.#used) return out;
    for (const cookie of this.jar.getCookiesSync(new URL(String(url), this.#defaultUrl).href)) {
      if (!(cookie.key in out)) out[cookie.key] = decode(cookie.value);
    }
    return out;
  }

  /** Every unexpired cookie in the jar. */
  all(): StoredCookie[] {
    if (!this.#used) return [];
    const cookies = this.jar.serializeSync()?.cookies ?? [];
    const now = Date.now();
    const out: StoredCookie[] = [];
    for (const data of cookies) {
      const cookie = toughCookieNow().Cookie.fromJSON(data);
      if (!cookie) continue;
      const expiry = cookie.expiryTime();
      if (expiry !== undefined && expiry <= now) continue;
      out.push(toStored(cookie));
    }
    return out;
  }

  /**
   * The cookie named `name`; with `domain` and/or `path`, only the one stored for exactly those.
   */
  get(name: string, location: CookieLocation = {}): StoredCookie | undefined {
    const domain = location.domain?.toLowerCase().replace(/^\./, '');
    return this.all().find(
      (cookie) =>
        cookie.name === name &&
        (domain === undefined || cookie.domain === domain) &&
        (location.path === undefined || cookie.path === location.path),
    );
  }

  /**
   * Stores a cookie as if the server had set it. Without `domain` it is host-only for the client's
   * host; with `domain` it is sent to that domain and its subdomains.
   */
  set(name: string, value: string, options: CookieLocation & Omit<CookieOptions, 'domain' | 'path'> = {}): void {
    const host = options.domain?.replace(/^\./, '') ?? this.#defaultUrl.hostname;
    const path = options.path ?? '/';
    const header = serializeSetCookie(name, value, { ...options, path, domain: options.domain });
    const url = `${this.#defaultUrl.protocol}//${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}${path}`;
    this.jar.setCookieSync(header, url);
    this.#used = true;
  }

  /** Removes the cookie named `name` (every domain and path, unless `domain`/`path` narrow it). */
  delete(name: string, location: CookieLocation = {}): void {
    for (const cookie of this.all()) {
      if (cookie.name !== name) continue;
      if (location.domain !== undefined && cookie.domain !== location.domain.toLowerCase().replace(/^\./, '')) continue;
      if (location.path !== undefined && cookie.path !== location.path) continue;
      this.jar.store.removeCookie(cookie.domain, cookie.path, cookie.name, () => {});
    }
  }

  /** Empties the jar. */
  clear(): void {
    this.#jar?.removeAllCookiesSync();
    this.#used = false;
  }
}

function toStored(cookie: Cookie): StoredCookie {
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

function decode(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
