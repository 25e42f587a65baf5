/**
 * `Router`: the handler layer over `RuleMap`. Routes are `(req, params) => Response` handlers
 * (params typed from the path); the router is itself an App. It answers what a router must:
 * 404, 405 with `Allow`, OPTIONS with `Allow`, HEAD from GET, 308 for slashes, each an
 * `HTTPException` response through `errorResponse`, as `Request.application` answers.
 * @module
 */
import { HTTPException, MethodNotAllowed } from '../errors.js';
import type { App, Body, Environ, StartResponse } from '../gateway.js';
import { errorResponse, wrapHandler, type RequestClass } from '../request/application.js';
import { Request } from '../request/request.js';
import { RoutedMatch } from '../request/url-for.js';
import { Response } from '../response/response.js';
import { ROUTING_KEY, type RoutingInfo } from './environ-routing.js';
import { DuplicateRuleError, withoutStack } from './exceptions.js';
import { isDuplicate, RuleMap, type ConverterTable } from './map.js';
import { Rule, type AnyRule } from './rule.js';
import { controllerRoutes } from './route-decorator.js';
import { AdapterCache } from './router-binding.js';
import { compileRoutes, type CompiledRoutes, type MountEntry, type RouteEntry, type RouteSource } from './router-compile.js';
import { checkRoutePath } from './route-path.js';
import { checkMountPrefix } from './router-mount.js';
import type { MountOptions, RouteHandler, RouteOptions, RouteParams, RouterOptions } from './router-types.js';

/** The base whose constructor returns a function: a router is callable as an App, like a Response. */
abstract class CallableRouter {
  /** Serves one request. */
  abstract serve(environ: Environ, startResponse: StartResponse): Body | Promise<Body>;

  constructor() {
    const app = ((environ: Environ, startResponse: StartResponse) =>
      (app as unknown as CallableRouter).serve(environ, startResponse)) as unknown as CallableRouter;
    Object.setPrototypeOf(app, new.target.prototype);
    return app;
  }
}

/** A `Router` can be called like any App. */
export interface Router<R extends Request = Request, CT extends ConverterTable = {}> {
  (environ: Environ, startResponse: StartResponse): Body | Promise<Body>;
}

/** A route as the rule the map will hold, for messages and the duplicate check. */
function routeRule(path: string, options: RouteOptions): AnyRule {
  return new Rule(path, { endpoint: options.name ?? path, methods: options.methods, websocket: options.websocket });
}

const PARAMS_OF = (environ: Environ): Record<string, unknown> => (environ[ROUTING_KEY] as RoutingInfo).params as Record<string, unknown>;
// Bumped by every change to any router: a router that mounts another sees that one's later routes
// by comparing one number per request instead of asking every mounted router.
let generation = 0;

/**
 * Routes requests to handlers by path and method. A router **is an App** (`typeof router ===
 * 'function'`): serve it, mount it in another router, wrap it in middleware. Handlers get a request
 * of the router's class and the params typed from the path; `req.urlFor(name, values)` builds the
 * URL of any route of the router (and of the routers it is mounted in or mounts). Before a handler
 * runs, `environ['tsgi.routing']` holds `{ endpoint, params }` (spec rule 3.23).
 *
 * @example
 * ```ts
 * import { Response, abort } from 'tsgi';
 * import { Router } from 'tsgi/routing';
 *
 * const store = new Map<number, { title: string }>();
 * const router = new Router()
 *   .get('/todos', () => Response.json([...store.values()]))
 *   .get('/todos/<int:id>', { name: 'todo' }, (req, { id }) => Response.json(store.get(id) ?? abort(404)))
 *   .post('/todos', (req) => new Response(null, { status: 201, headers: { Location: req.urlFor('todo', { id: 1 }) } }));
 * export default router;
 * ```
 */
export class Router<R extends Request = Request, CT extends ConverterTable = {}> extends CallableRouter {
  /** The class handlers get. */
  readonly request: RequestClass<R>;
  readonly #options: RouterOptions<R, CT>;
  readonly #adapters: AdapterCache;
  readonly #entries: Array<RouteEntry | MountEntry<Router<Request, ConverterTable>>> = [];
  #compiled: (CompiledRoutes & { readonly generation: number }) | undefined;
  /** 405s with OPTIONS added to `Allow`, by the methods the map allowed. */
  readonly #notAllowed = new Map<string, MethodNotAllowed>();
  /** Makes the converters that route paths are checked with when added (`checkRoutePath`). */
  #converterMap: RuleMap<AnyRule, ConverterTable> | undefined;

  constructor(options: RouterOptions<R, CT> = {}) {
    super();
    this.request = options.request ?? (Request as unknown as RequestClass<R>);
    this.#options = options;
    this.#adapters = new AdapterCache({ trustedHosts: options.trustedHosts });
  }

  /**
   * Adds a route: a `Rule` path, options (`methods`, `name`, ...) and the handler. Without
   * `methods` the route takes every method. Returns the router, for chaining.
   *
   * @example
   * ```ts
   * router.route('/todos/<int:id>', { methods: ['GET', 'PUT'], name: 'todo' }, (req, { id }) => Response.json({ id }));
   * ```
   */
  route<const P extends string>(path: P, options: RouteOptions, handler: RouteHandler<R, RouteParams<P, CT>>): this {
    if (typeof handler !== 'function') throw new TypeError(`router.route(${JSON.stringify(path)}): the handler is not a function`);
    // Checked now, against the router's own converters: the map is compiled on the first request.
    checkRoutePath(path, (this.#converterMap ??= new RuleMap<AnyRule, ConverterTable>([], { converters: this.#options.converters })));
    this.#checkNotAdded(path, options);
    const run = handler as unknown as (req: R, params: Record<string, unknown>) => ReturnType<typeof handler>;
    const app = wrapHandler(this.request, (req) => run(req, PARAMS_OF(req.environ)), { debug: this.#options.debug === true });
    this.#entries.push({ kind: 'route', path, options, app });
    generation++;
    return this;
  }

  // The same path with clashing methods, added to this router before: an error now, where the map
  // would find it on the first request (a 500). Other equal rules (`<a>` and `<b>`) are still found there.
  // Making the rule also checks the methods (a string, or a WebSocket route with POST) now.
  #checkNotAdded(path: string, options: RouteOptions): void {
    const added = routeRule(path, options);
    for (const entry of this.#entries) {
      if (entry.kind !== 'route' || entry.path !== path) continue;
      const earlier = routeRule(path, entry.options);
      if (isDuplicate(earlier, added)) throw new DuplicateRuleError(earlier, added);
    }
  }

  /**
   * A GET route (HEAD is answered by it too, the body dropped by the server).
   *
   * @example
   * ```ts
   * router.get('/todos/<int:id>', (req, { id }) => Response.json({ id })); // id: number
   * ```
   */
  get<const P extends string>(path: P, handler: RouteHandler<R, RouteParams<P, CT>>): this;
  get<const P extends string>(path: P, options: Omit<RouteOptions, 'methods'>, handler: RouteHandler<R, RouteParams<P, CT>>): this;
  get(path: string, ...rest: unknown[]): this {
    return this.#method(['GET'], path, rest);
  }

  /**
   * A POST route.
   *
   * @example
   * ```ts
   * router.post('/todos', async (req) => Response.json(await req.json(), { status: 201 }));
   * ```
   */
  post<const P extends string>(path: P, handler: RouteHandler<R, RouteParams<P, CT>>): this;
  post<const P extends string>(path: P, options: Omit<RouteOptions, 'methods'>, handler: RouteHandler<R, RouteParams<P, CT>>): this;
  post(path: string, ...rest: unknown[]): this {
    return this.#method(['POST'], path, rest);
  }

  /**
   * A PUT route.
   *
   * @example
   * ```ts
   * router.put('/todos/<int:id>', (req, { id }) => new Response(null, { status: 204 }));
   * ```
   */
  put<const P extends string>(path: P, handler: RouteHandler<R, RouteParams<P, CT>>): this;
  put<const P extends string>(path: P, options: Omit<RouteOptions, 'methods'>, handler: RouteHandler<R, RouteParams<P, CT>>): this;
  put(path: string, ...rest: unknown[]): this {
    return this.#method(['PUT'], path, rest);
  }

  /**
   * A PATCH route.
   *
   * @example
   * ```ts
   * router.patch('/todos/<int:id>', (req, { id }) => new Response(null, { status: 204 }));
   * ```
   */
  patch<const P extends string>(path: P, handler: RouteHandler<R, RouteParams<P, CT>>): this;
  patch<const P extends string>(path: P, options: Omit<RouteOptions, 'methods'>, handler: RouteHandler<R, RouteParams<P, CT>>): this;
  patch(path: string, ...rest: unknown[]): this {
    return this.#method(['PATCH'], path, rest);
  }

  /**
   * A DELETE route.
   *
   * @example
   * ```ts
   * router.delete('/todos/<int:id>', (req, { id }) => new Response(null, { status: 204 }));
   * ```
   */
  delete<const P extends string>(path: P, handler: RouteHandler<R, RouteParams<P, CT>>): this;
  delete<const P extends string>(path: P, options: Omit<RouteOptions, 'methods'>, handler: RouteHandler<R, RouteParams<P, CT>>): this;
  delete(path: string, ...rest: unknown[]): this {
    return this.#method(['DELETE'], path, rest);
  }

  /**
   * A HEAD route, for a HEAD answer cheaper than the GET one (GET routes answer HEAD otherwise);
   * it answers HEAD on its path whether it was added before or after the GET route.
   *
   * @example
   * ```ts
   * router.head('/files/<path:name>', (req, { name }) => new Response(null, { headers: { 'Content-Length': '0' } }));
   * ```
   */
  head<const P extends string>(path: P, handler: RouteHandler<R, RouteParams<P, CT>>): this;
  head<const P extends string>(path: P, options: Omit<RouteOptions, 'methods'>, handler: RouteHandler<R, RouteParams<P, CT>>): this;
  head(path: string, ...rest: unknown[]): this {
    return this.#method(['HEAD'], path, rest);
  }

  /**
   * An OPTIONS route, replacing the automatic answer (200 with `Allow`) for its path.
   *
   * @example
   * ```ts
   * router.options('/todos', () => new Response(null, { status: 204, headers: { Allow: 'GET, POST' } }));
   * ```
   */
  options<const P extends string>(path: P, handler: RouteHandler<R, RouteParams<P, CT>>): this;
  options<const P extends string>(path: P, options: Omit<RouteOptions, 'methods'>, handler: RouteHandler<R, RouteParams<P, CT>>): this;
  options(path: string, ...rest: unknown[]): this {
    return this.#method(['OPTIONS'], path, rest);
  }

  /**
   * A route for every method (the handler answers OPTIONS too).
   *
   * @example
   * ```ts
   * router.all('/echo', (req) => new Response(req.method));
   * ```
   */
  all<const P extends string>(path: P, handler: RouteHandler<R, RouteParams<P, CT>>): this;
  all<const P extends string>(path: P, options: Omit<RouteOptions, 'methods'>, handler: RouteHandler<R, RouteParams<P, CT>>): this;
  all(path: string, ...rest: unknown[]): this {
    return this.#method(undefined, path, rest);
  }

  #method(methods: readonly string[] | undefined, path: string, rest: unknown[]): this {
    const [options, handler] = rest.length === 1 ? [{}, rest[0]] : [rest[0] as RouteOptions, rest[1]];
    if (options !== null && typeof options === 'object' && 'methods' in options) {
      throw new TypeError(`router: 'methods' is for router.route(); .get() and the like set their own`);
    }
    return this.route(path, { ...options, methods }, handler as never);
  }

  /**
   * Mounts another router (its routes join this router's map: `req.urlFor` reaches across, and
   * they keep their own `Request` class) or a plain App under a literal prefix. A plain App
   * gets every method and every path under the prefix, with the prefix moved from `PATH_INFO` to
   * `SCRIPT_NAME` as `dispatcher` does. Routes added to a mounted router later are seen too.
   *
   * @example
   * ```ts
   * const api = new Router().get('/users', listUsers);
   * const site = new Router().mount('/api', api).mount('/static', staticFiles('public'));
   * // GET /api/users -> listUsers; GET /static/app.css -> the static app with PATH_INFO '/app.css'
   * ```
   */
  mount(prefix: string, target: Router<Request, ConverterTable> | Router<R, CT> | App, options: MountOptions = {}): this {
    if (typeof target !== 'function') throw new TypeError('router.mount: the target is not a Router or an App');
    if (target === (this as unknown)) throw new TypeError('router.mount: a router cannot mount itself');
    this.#entries.push({ kind: 'mount', prefix: checkMountPrefix(prefix), target: target as Router<Request, ConverterTable> | App, options });
    generation++;
    return this;
  }

  /**
   * Adds the routes of an object's `@route` methods (bound to it, so `this` is the object).
   *
   * @example
   * ```ts
   * class Todos {
   *   @route('/todos/<int:id>')
   *   show(req: Request, { id }: { id: number }): Response {
   *     return Response.json({ id });
   *   }
   * }
   * const router = new Router().controller(new Todos());
   * ```
   */
  controller(instance: object): this {
    for (const found of controllerRoutes(instance)) {
      this.route(found.path, found.options, found.handler as RouteHandler<R, RouteParams<string, CT>>);
    }
    return this;
  }

  /**
   * The rule map of every route (mounted ones included), to build URLs outside a request
   * (`router.map.bind('example.org').build('todo', { id: 3 })`) or to list the rules.
   *
   * @example
   * ```ts
   * router.map.rules.map(String); // ["<Rule '/todos/<id>' (GET, HEAD) -> /todos/<int:id>>", ...]
   * ```
   */
  get map(): RuleMap<AnyRule, ConverterTable> {
    return this.#compile().map;
  }

  /** Serves one request (what calling the router does). */
  serve(environ: Environ, startResponse: StartResponse): Body | Promise<Body> {
    const compiled = this.#compile();
    let outcome;
    let urls;
    try {
      urls = this.#adapters.bind(compiled.map, environ);
      outcome = urls.matchRequest(environ.PATH_INFO, environ.REQUEST_METHOD, environ.QUERY_STRING ?? '');
    } catch (error) {
      return this.#answer(error, environ, startResponse);
    }
    if (outcome instanceof HTTPException) {
      if (outcome instanceof MethodNotAllowed) return this.#notAllowedAnswer(outcome, environ, startResponse);
      return this.#answer(outcome, environ, startResponse);
    }
    // One object, one new environ key: tsgi.routing (rule 3.23) carries req.urlFor's builder too.
    environ[ROUTING_KEY] = new RoutedMatch(outcome.endpoint, outcome.params, urls);
    return compiled.apps.get(outcome.rule)!(environ, startResponse);
  }

  #answer(error: unknown, environ: Environ, startResponse: StartResponse): Body | Promise<Body> {
    return errorResponse(error, environ, this.#options.debug === true ? { debug: true } : undefined)(environ, startResponse);
  }

  // OPTIONS on a path without an OPTIONS route: 200 with `Allow`. Any other method: 405 whose
  // `Allow` lists OPTIONS too, since the router answers it.
  #notAllowedAnswer(error: MethodNotAllowed, environ: Environ, startResponse: StartResponse): Body | Promise<Body> {
    const allowed = error.validMethods.includes('OPTIONS') ? [...error.validMethods] : [...error.validMethods, 'OPTIONS'].sort();
    if (environ.REQUEST_METHOD.toUpperCase() === 'OPTIONS') {
      return new Response('', { headers: { Allow: allowed.join(', ') } })(environ, startResponse);
    }
    const key = allowed.join(',');
    let answer = this.#notAllowed.get(key);
    if (answer === undefined) this.#notAllowed.set(key, (answer = withoutStack(() => new MethodNotAllowed(allowed))));
    return this.#answer(answer, environ, startResponse);
  }

  #compile(): CompiledRoutes {
    if (this.#compiled !== undefined && this.#compiled.generation === generation) return this.#compiled;
    const { map, apps } = compileRoutes(this, this.#options, (target): target is RouteSource => target instanceof Router);
    this.#compiled = { map, apps, generation };
    return this.#compiled;
  }

  /** @internal The entries and options `compileRoutes` flattens. */
  get entries(): ReadonlyArray<RouteEntry | MountEntry<Router<Request, ConverterTable>>> {
    return this.#entries;
  }

  /** @internal */
  get converters(): ConverterTable | undefined {
    return this.#options.converters;
  }
}
