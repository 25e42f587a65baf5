/**
 * The types a `Router` is written with: handlers, their params read from the path, route and
 * router options.
 * @module
 */
import type { ApplicationOptions, HandlerResult, RequestClass } from '../request/application.js';
import type { Request } from '../request/request.js';
import type { ConverterTable } from './map.js';
import type { ConverterTypes, PatternParams } from './types.js';

/**
 * The params of a route path, typed by the router's converters.
 *
 * @example
 * ```ts
 * type P = RouteParams<'/todos/<int:id>'>; // { id: number }
 * ```
 */
export type RouteParams<P extends string, CT extends ConverterTable = {}> = PatternParams<P, ConverterTypes<CT>>;

/**
 * A route handler: the request (of the router's `Request` class) and the matched params; it
 * returns a `Response`, any App, or a promise of one, as `Request.application` handlers do.
 *
 * @example
 * ```ts
 * const show: RouteHandler<Request, { id: number }> = (req, { id }) => Response.json({ id });
 * ```
 */
export type RouteHandler<R extends Request, Params> = (req: R, params: Params) => HandlerResult;

/**
 * Options of one route.
 *
 * @example
 * ```ts
 * router.route('/todos/<int:id>', { methods: ['GET', 'PUT'], name: 'todo' }, show);
 * ```
 */
export interface RouteOptions {
  /** Upper-cased; GET adds HEAD. Omitted: every method (`.route`), or the one of `.get`, `.post`... */
  methods?: readonly string[];
  /**
   * The endpoint name `req.urlFor` takes and `tsgi.routing` reports. Default: the route's full
   * path as written (`'/todos/<int:id>'`, with the prefixes it is mounted under), so every route
   * of one path shares one endpoint, as Werkzeug allows.
   */
  name?: string;
  /** Values merged into the params (see `Rule`). */
  defaults?: Readonly<Record<string, unknown>>;
  /** The router's setting unless given: `/foo/` asked as `/foo` redirects (308). */
  strictSlashes?: boolean;
  /** The router's setting unless given: `//a///b` redirects to `/a/b` (308). */
  mergeSlashes?: boolean;
  /** Matches WebSocket upgrade requests only. */
  websocket?: boolean;
}

/**
 * Options of `router.mount(prefix, app, options)` for a plain App.
 *
 * @example
 * ```ts
 * router.mount('/static', files, { name: 'static' }); // req.urlFor('static', { path: 'app.css' })
 * ```
 */
export interface MountOptions {
  /** The endpoint of the mount: `urlFor(name, { path })` builds `prefix/path`. Default: none. */
  name?: string;
}

/**
 * Options of `new Router()`.
 *
 * @example
 * ```ts
 * new Router({ request: MyRequest, strictSlashes: true, converters: { slug } });
 * ```
 */
export interface RouterOptions<R extends Request = Request, CT extends ConverterTable = {}> extends ApplicationOptions {
  /** The class handlers get (a `Request` subclass). Default `Request`. */
  request?: RequestClass<R>;
  /** Converters added to the built-in ones; the params of paths that use them are typed from them. */
  converters?: CT;
  /** A branch `/foo/` asked as `/foo` redirects to it (308). Default true. */
  strictSlashes?: boolean;
  /** `//a///b` redirects to `/a/b` (308). Default true. */
  mergeSlashes?: boolean;
  /** Hosts accepted (`.example.com` for it and its subdomains); another `Host` is a 400. */
  trustedHosts?: readonly string[];
}
