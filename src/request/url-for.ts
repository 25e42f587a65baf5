/**
 * `req.urlFor`: the URL builder a router leaves in the environ for the handlers it calls. It lives
 * under a symbol key (not a `tsgi.*` string: it is a live object, not protocol data, and lint has no
 * rule for it), so the request layer can build URLs without importing the router above it.
 * @module
 */
import type { Environ } from '../gateway.js';

/**
 * The environ key a router stores its URL builder under (`Symbol.for`, so that two copies of tsgi
 * in one process agree). `copyEnviron` keeps it, so apps mounted under a router build URLs too.
 *
 * @example
 * ```ts
 * environ[URL_BUILDER] = { build: (endpoint) => `/${endpoint}` };
 * ```
 */
export const URL_BUILDER: unique symbol = Symbol.for('tsgi.urlBuilder');

/**
 * Options of `req.urlFor`.
 *
 * @example
 * ```ts
 * req.urlFor('todo', { id: 3 }, { external: true }); // 'http://example.org/todos/3'
 * ```
 */
export interface UrlForOptions {
  /** Choose among the endpoint's routes by method. */
  method?: string;
  /** An absolute URL even for the current host. */
  external?: boolean;
  /** Values that are not variables go to the query string (default) or are dropped. */
  appendUnknown?: boolean;
}

/**
 * What a router stores under `URL_BUILDER`: its rule map bound to the request (a `MapAdapter`).
 *
 * @example
 * ```ts
 * const builder: EnvironUrlBuilder = map.bindToEnviron(environ);
 * ```
 */
export interface EnvironUrlBuilder {
  build(endpoint: string, values?: Record<string, unknown>, options?: UrlForOptions): string;
}

/**
 * The URL of a router's endpoint for this request (under its `SCRIPT_NAME`); a `TypeError` when no
 * router served the request, a `BuildError` when no route of the endpoint takes the values.
 *
 * @example
 * ```ts
 * urlFor(environ, 'todo', { id: 3 }); // '/todos/3'
 * ```
 */
export function urlFor(environ: Environ, endpoint: string, values?: Record<string, unknown>, options?: UrlForOptions): string {
  const builder = (environ as unknown as Record<symbol, unknown>)[URL_BUILDER] as EnvironUrlBuilder | undefined;
  if (builder === undefined || typeof builder.build !== 'function') {
    throw new TypeError('req.urlFor works in handlers a Router called: no router served this request');
  }
  return builder.build(endpoint, values, options);
}
