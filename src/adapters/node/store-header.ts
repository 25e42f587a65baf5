/**
 * Adds a request header to an environ under its CGI key, with a named store for common headers.
 *
 * Why not just `environ[key] = value`: a store with a computed key that adds a property goes
 * through V8's one shared megamorphic cache, and in a busy server (Node's own code uses that cache
 * heavily) it keeps missing and falls back to the runtime. Measured with `bench/ab.js` on a
 * node:http handler that only builds the environ: keyed stores of the two headers autocannon
 * sends cost 5% of the server's CPU; named stores, as below, about 1%. A store to a constant name
 * has an inline cache of its own, which stays fast while a client sends its headers in the same
 * order each time, as clients do. Other headers take the keyed store.
 * @module
 */
import type { Environ } from '../../gateway.js';

/**
 * The key as V8's internalized string (the one the property literals below use), so the `switch`
 * compares pointers. Done once per distinct header name (callers cache it).
 *
 * @example
 * ```ts
 * internalize(`HTTP_${'HOST'}`) === 'HTTP_HOST'; // true, and now the same string object
 * ```
 */
export function internalize(key: string): string {
  return Object.keys({ [key]: 0 })[0];
}

/**
 * Sets `environ[key] = value` for a key not yet in the environ.
 *
 * @example
 * ```ts
 * storeHeader(environ, 'HTTP_HOST', 'example.com');
 * environ.HTTP_HOST; // 'example.com'
 * ```
 */
export function storeHeader(environ: Environ, key: string, value: string): void {
  switch (key) {
    case 'HTTP_HOST':
      environ.HTTP_HOST = value;
      return;
    case 'HTTP_CONNECTION':
      environ.HTTP_CONNECTION = value;
      return;
    case 'HTTP_USER_AGENT':
      environ.HTTP_USER_AGENT = value;
      return;
    case 'HTTP_ACCEPT':
      environ.HTTP_ACCEPT = value;
      return;
    case 'HTTP_ACCEPT_ENCODING':
      environ.HTTP_ACCEPT_ENCODING = value;
      return;
    case 'HTTP_ACCEPT_LANGUAGE':
      environ.HTTP_ACCEPT_LANGUAGE = value;
      return;
    case 'HTTP_COOKIE':
      environ.HTTP_COOKIE = value;
      return;
    case 'CONTENT_TYPE':
      environ.CONTENT_TYPE = value;
      return;
    case 'CONTENT_LENGTH':
      environ.CONTENT_LENGTH = value;
      return;
    case 'HTTP_TRANSFER_ENCODING':
      environ.HTTP_TRANSFER_ENCODING = value;
      return;
    case 'HTTP_ORIGIN':
      environ.HTTP_ORIGIN = value;
      return;
    case 'HTTP_REFERER':
      environ.HTTP_REFERER = value;
      return;
    case 'HTTP_AUTHORIZATION':
      environ.HTTP_AUTHORIZATION = value;
      return;
    case 'HTTP_CACHE_CONTROL':
      environ.HTTP_CACHE_CONTROL = value;
      return;
    case 'HTTP_PRAGMA':
      environ.HTTP_PRAGMA = value;
      return;
    case 'HTTP_IF_NONE_MATCH':
      environ.HTTP_IF_NONE_MATCH = value;
      return;
    case 'HTTP_IF_MODIFIED_SINCE':
      environ.HTTP_IF_MODIFIED_SINCE = value;
      return;
    case 'HTTP_UPGRADE_INSECURE_REQUESTS':
      environ.HTTP_UPGRADE_INSECURE_REQUESTS = value;
      return;
    case 'HTTP_SEC_FETCH_SITE':
      environ.HTTP_SEC_FETCH_SITE = value;
      return;
    case 'HTTP_SEC_FETCH_MODE':
      environ.HTTP_SEC_FETCH_MODE = value;
      return;
    case 'HTTP_SEC_FETCH_DEST':
      environ.HTTP_SEC_FETCH_DEST = value;
      return;
    case 'HTTP_SEC_FETCH_USER':
      environ.HTTP_SEC_FETCH_USER = value;
      return;
    case 'HTTP_SEC_CH_UA':
      environ.HTTP_SEC_CH_UA = value;
      return;
    case 'HTTP_SEC_CH_UA_MOBILE':
      environ.HTTP_SEC_CH_UA_MOBILE = value;
      return;
    case 'HTTP_SEC_CH_UA_PLATFORM':
      environ.HTTP_SEC_CH_UA_PLATFORM = value;
      return;
    case 'HTTP_PRIORITY':
      environ.HTTP_PRIORITY = value;
      return;
    case 'HTTP_X_FORWARDED_FOR':
      environ.HTTP_X_FORWARDED_FOR = value;
      return;
    case 'HTTP_X_FORWARDED_PROTO':
      environ.HTTP_X_FORWARDED_PROTO = value;
      return;
    case 'HTTP_X_FORWARDED_HOST':
      environ.HTTP_X_FORWARDED_HOST = value;
      return;
    case 'HTTP_X_REAL_IP':
      environ.HTTP_X_REAL_IP = value;
      return;
    default:
      environ[key] = value;
  }
}
