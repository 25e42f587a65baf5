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
export declare function internalize(key: string): string;
/**
 * Sets `environ[key] = value` when the environ has no such key yet, and says whether it did: false
 * for a repeated header, which the caller joins. The check is a named load too, for the same
 * reason as the store (a keyed load of a missing key also goes through the megamorphic cache).
 *
 * @example
 * ```ts
 * storeHeader(environ, 'HTTP_HOST', 'example.com'); // true
 * environ.HTTP_HOST; // 'example.com'
 * storeHeader(environ, 'HTTP_HOST', 'other.example'); // false, environ unchanged
 * ```
 */
export declare function storeHeader(environ: Environ, key: string, value: string): boolean;
//# sourceMappingURL=store-header.d.ts.map