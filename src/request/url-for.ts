/**
 * `req.urlFor`: the URL builder a router leaves for the handlers it calls. It rides on the
 * `environ['tsgi.routing']` object the router sets anyway (spec rule 3.23), in a private field: a
 * live object, not protocol data. Adding one more key to the environ itself would cost more than
 * the match (V8 moves an environ that grows by two keys to a slower layout: measured +1.1 us a
 * request). The request layer builds URLs this way without importing the router above it.
 * @module
 */
import type { Environ } from '../gateway.js';

/**
 * What a router stores in `environ['tsgi.routing']`: the `{ endpoint, params }` of spec rule 3.23,
 * and, in a private field that equality checks and JSON do not see, the URL builder for
 * `req.urlFor`. Apps mounted under a router see the same object, so they build URLs too, until a
 * router inside replaces it with its own.
 *
 * @example
 * ```ts
 * environ['tsgi.routing'] = new RoutedMatch('todo', { id: 3 }, map.bindToEnviron(environ));
 * ```
 */
export class RoutedMatch {
  readonly endpoint: string | undefined;
  readonly params: Readonly<Record<string, unknown>>;
  readonly #builder: EnvironUrlBuilder;

  constructor(endpoint: string | undefined, params: Readonly<Record<string, unknown>>, builder: EnvironUrlBuilder) {
    this.endpoint = endpoint;
    this.params = params;
    this.#builder = builder;
  }

  /** The builder of a `RoutedMatch`; `undefined` for anything else. */
  static builderOf(value: unknown): EnvironUrlBuilder | undefined {
    return typeof value === 'object' && value !== null && #builder in value ? value.#builder : undefined;
  }
}

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
 * The URL builder a router keeps in its `RoutedMatch`: its rule map bound to the request (a `MapAdapter`).
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
  const builder = RoutedMatch.builderOf(environ['tsgi.routing']);
  if (builder === undefined) {
    throw new TypeError('req.urlFor works in handlers a Router called: no router served this request');
  }
  return builder.build(endpoint, values, options);
}
