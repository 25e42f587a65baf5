/**
 * The options of `sessions`, checked once when the app is built.
 * @module
 */
import { serializeSetCookie, type CookieOptions } from '../http/cookies.js';
import { optionsChecker, type OptionNames } from '../options.js';
import { encryptedCodec, signedCodec, storeCodec, type SessionCodec } from './codec.js';
import { Encrypter } from './encryption.js';
import { secretBytes, type Secrets } from './secrets.js';
import type { SessionStore } from './store.js';
import { TimestampSigner } from './timestamp-signer.js';

/**
 * Options for `sessions(app, options)`; only `secrets` is required.
 *
 * @example
 * ```ts
 * const options: SessionOptions = { secrets: [newest, older], hostPrefix: true, maxAge: 7 * 86400, encrypt: true };
 * ```
 */
export interface SessionOptions {
  /** One secret or `[newest, ...older]`, each at least 32 bytes; see `Signer`. */
  secrets: Secrets;
  /** Separates session keys from other uses of the same secrets. Default `'tsgi.session'`. */
  salt?: string;
  /** The cookie's name. Default `'session'`. */
  cookieName?: string;
  /**
   * Names the cookie `__Host-<cookieName>`: browsers then accept it only with `Secure`,
   * `Path=/` and no `Domain`, so a subdomain cannot plant or overwrite it. Default false.
   */
  hostPrefix?: boolean;
  /**
   * How long a session lives after it was last saved, in seconds, enforced on the server (and the
   * store's TTL). Default 31 days, as Flask's `PERMANENT_SESSION_LIFETIME`.
   */
  maxAge?: number;
  /**
   * Sends `Max-Age` with the cookie, so it outlives the browser session. Default false: the
   * browser forgets the cookie when it closes (Flask's non-permanent session).
   */
  permanent?: boolean;
  /** How far in the future a timestamp may be, in seconds (clock drift). Default 60. */
  maxSkew?: number;
  /** Encrypts the data with AES-256-GCM (default false: signed, readable by the client). */
  encrypt?: boolean;
  /** Keeps the data on the server, the cookie holding only a signed random id. */
  store?: SessionStore;
  /** `Path`. Default `/`. */
  path?: string;
  /** `Domain`. Default none (this host only). */
  domain?: string;
  /** `Secure`. Default: true when the request came over https. */
  secure?: boolean;
  /** `HttpOnly`. Default true. */
  httpOnly?: boolean;
  /** `SameSite`. Default `'Lax'`. */
  sameSite?: CookieOptions['sameSite'];
  /** `Partitioned` (CHIPS). Default false. */
  partitioned?: boolean;
}

const NAMES: OptionNames<SessionOptions> = {
  secrets: true, salt: true, cookieName: true, hostPrefix: true, maxAge: true, permanent: true, maxSkew: true,
  encrypt: true, store: true, path: true, domain: true, secure: true, httpOnly: true, sameSite: true, partitioned: true,
};
const checkOptions = optionsChecker<SessionOptions>('sessions', NAMES);

/**
 * The default session `maxAge`: thirty-one days, in seconds (Flask's `PERMANENT_SESSION_LIFETIME`).
 *
 * @example
 * ```ts
 * sessions(app, { secrets, maxAge: DEFAULT_SESSION_MAX_AGE / 31 }); // one day
 * ```
 */
export const DEFAULT_SESSION_MAX_AGE = 31 * 24 * 3600;

/** Everything a request needs to open and save its session. */
export interface SessionConfig {
  /** The cookie name as sent (with its prefix). */
  name: string;
  /** The cookie attributes, but `Secure` when it depends on the request. */
  attributes: CookieOptions;
  /** `Secure` as configured; `undefined` follows the request's scheme. */
  secure: boolean | undefined;
  codec: SessionCodec;
}

/** Checks `options` and builds the codec; every mistake is a `TypeError` here, at startup. */
export function sessionConfig(options: SessionOptions): SessionConfig {
  checkOptions(options);
  if (options === undefined) throw new TypeError('sessions: options with secrets are required');
  const maxAge = options.maxAge ?? DEFAULT_SESSION_MAX_AGE;
  if (!Number.isSafeInteger(maxAge) || maxAge <= 0) throw new TypeError(`sessions: maxAge must be a positive whole number of seconds, got ${maxAge}`);
  if (options.encrypt && options.store) throw new TypeError('sessions: encrypt and store exclude each other (a store keeps the data on the server already)');
  const name = `${options.hostPrefix ? '__Host-' : ''}${options.cookieName ?? 'session'}`;
  const attributes: CookieOptions = {
    path: options.path ?? '/',
    domain: options.domain,
    httpOnly: options.httpOnly ?? true,
    sameSite: options.sameSite ?? 'Lax',
    partitioned: options.partitioned,
    maxAge: options.permanent ? maxAge : undefined,
  };
  // A trial run of the serializer: a bad name, path, domain or SameSite fails at startup.
  serializeSetCookie(name, '', { ...attributes, secure: options.secure });
  const salt = options.salt ?? 'tsgi.session';
  const signer = new TimestampSigner({ secrets: options.secrets, salt, maxAge, ...(options.maxSkew !== undefined && { maxSkew: options.maxSkew }) });
  const codec = options.store
    ? storeCodec(checkStore(options.store), signer)
    : options.encrypt
      ? encryptedCodec(new Encrypter(secretBytes(options.secrets, 'sessions'), salt), signer)
      : signedCodec(signer);
  return { name, attributes, secure: options.secure, codec };
}

function checkStore(store: SessionStore): SessionStore {
  for (const method of ['get', 'set', 'delete'] as const) {
    if (typeof store[method] !== 'function') throw new TypeError(`sessions: store.${method} must be a function`);
  }
  return store;
}
