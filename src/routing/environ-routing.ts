/**
 * `environ['tsgi.routing']` (spec rule 3.22, after `wsgiorg.routing_args`): the endpoint and
 * params the router matched, for the application and for middleware around it (logs, metrics).
 * @module
 */
import type { Environ } from '../gateway.js';

/**
 * The environ key, `'tsgi.routing'`.
 *
 * @example
 * ```ts
 * environ[ROUTING_KEY]; // { endpoint: 'todo', params: { id: 3 } }
 * ```
 */
export const ROUTING_KEY = 'tsgi.routing';

/**
 * What a router found for the request.
 *
 * @example
 * ```ts
 * const routing: RoutingInfo = { endpoint: 'todo', params: { id: 3 } };
 * ```
 */
export interface RoutingInfo {
  /** The matched rule's endpoint (`undefined` for a rule without one). */
  readonly endpoint: string | undefined;
  /** The converted values of its variables, and its defaults. */
  readonly params: Readonly<Record<string, unknown>>;
}

/**
 * Stores a match in the environ (a later router, one that dispatches further, replaces it).
 *
 * @example
 * ```ts
 * setRouting(environ, urls.match());
 * ```
 */
export function setRouting(environ: Environ, match: RoutingInfo): void {
  environ[ROUTING_KEY] = { endpoint: match.endpoint, params: match.params } satisfies RoutingInfo;
}

/**
 * The match stored in the environ, or `undefined` when no router has set one (or it is malformed).
 *
 * @example
 * ```ts
 * getRouting(environ)?.endpoint; // 'todo'
 * ```
 */
export function getRouting(environ: Environ): RoutingInfo | undefined {
  const value = environ[ROUTING_KEY];
  return isRoutingInfo(value) ? value : undefined;
}

/**
 * True for a well-formed `tsgi.routing` value: an object with a string (or undefined) `endpoint`
 * and an object `params`.
 *
 * @example
 * ```ts
 * isRoutingInfo({ endpoint: 'a', params: {} }); // true
 * ```
 */
export function isRoutingInfo(value: unknown): value is RoutingInfo {
  if (typeof value !== 'object' || value === null) return false;
  const { endpoint, params } = value as { endpoint?: unknown; params?: unknown };
  return (endpoint === undefined || typeof endpoint === 'string') && typeof params === 'object' && params !== null;
}
