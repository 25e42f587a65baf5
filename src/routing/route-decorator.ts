/**
 * `@route(path, options)`: marks a controller method as a route; `router.controller(instance)`
 * collects the marked methods. Built on `decorateMethod` (request/decorate.ts), so it works as a
 * standard and a legacy decorator in every toolchain `@Request.application` works in, and the
 * method stays bound to its instance (`this` is the controller).
 * @module
 */
import { decorateMethod, type Method } from '../request/decorate.js';
import type { HandlerResult } from '../request/application.js';
import type { RouteOptions, RouteParams } from './router-types.js';

const ROUTES = Symbol('tsgi.routes');

/** A route a decorated method was marked with. */
export interface MarkedRoute {
  readonly path: string;
  readonly options: RouteOptions;
}

/** A marked method of a controller, bound to it. */
export interface ControllerRoute extends MarkedRoute {
  readonly handler: (req: never, params: never) => HandlerResult;
}

/**
 * The type of `route(path, options)`: a standard (TC39) and a legacy method decorator for a
 * method `(req, params) => Response` whose params are read from the path.
 *
 * @example
 * ```ts
 * const decorator: RouteDecorator<{ id: number }> = route('/todos/<int:id>');
 * ```
 */
export interface RouteDecorator<Params> {
  /** A standard (TC39) method decorator. */
  <This, M extends (this: This, req: never, params: Params) => HandlerResult>(method: M, context: ClassMethodDecoratorContext<This>): M;
  /** A legacy (`experimentalDecorators`) method decorator. */
  <T extends (req: never, params: Params) => HandlerResult>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<T>,
  ): TypedPropertyDescriptor<T>;
}

// Legacy decorators leave a getter on the prototype: the keys it was put under, by prototype, so
// that collecting reads those getters and no others (a user's getter may do anything).
const legacyKeys = new WeakMap<object, Set<string | symbol>>();

/**
 * Marks a controller method as the handler of `path` (a `Rule` string; its params are typed from
 * it). Without `methods` in the options the route takes GET (and HEAD); the endpoint name defaults
 * to the path, as `router.route` does. One `@route` per method.
 *
 * @example
 * ```ts
 * import { Router, route } from 'tsgi/routing';
 * import { Request, Response } from 'tsgi';
 *
 * class Todos {
 *   @route('/todos/<int:id>', { name: 'todo' })
 *   show(req: Request, { id }: { id: number }): Response {
 *     return Response.json({ id, self: req.urlFor('todo', { id }) });
 *   }
 * }
 * export default new Router().controller(new Todos());
 * ```
 */
export function route<const P extends string>(path: P, options: RouteOptions = {}): RouteDecorator<RouteParams<P>> {
  const marked: MarkedRoute = { path, options: { methods: ['GET'], ...options } };
  const decorator = (...args: unknown[]): unknown => {
    const [target, key] = args;
    if (typeof key === 'string' || typeof key === 'symbol') {
      let keys = legacyKeys.get(target as object);
      if (keys === undefined) legacyKeys.set(target as object, (keys = new Set()));
      keys.add(key);
    }
    return decorateMethod(args, (method: Method) => {
      if (Object.prototype.hasOwnProperty.call(method, ROUTES)) throw new TypeError('@route: one @route per method');
      const replaced = function routed(this: unknown, ...rest: never[]): unknown {
        return method.apply(this, rest);
      } as Method;
      Object.defineProperty(replaced, ROUTES, { value: marked });
      return replaced;
    }, '@route');
  };
  return decorator as RouteDecorator<RouteParams<P>>;
}

/**
 * The routes of an object's `@route` methods (its class's and inherited ones, also static ones
 * when given the class), each bound to the object, in declaration order, subclass first.
 */
export function controllerRoutes(instance: object): ControllerRoute[] {
  const found: ControllerRoute[] = [];
  const seen = new Set<string | symbol>();
  for (let proto: object | null = instance; proto !== null && proto !== Object.prototype && proto !== Function.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    const legacy = legacyKeys.get(proto);
    for (const key of Reflect.ownKeys(proto)) {
      if (key === 'constructor' || seen.has(key)) continue;
      const descriptor = Object.getOwnPropertyDescriptor(proto, key)!;
      if (!('value' in descriptor) && !legacy?.has(key)) continue;
      seen.add(key);
      const value = (instance as Record<string | symbol, unknown>)[key];
      const mark = typeof value === 'function' ? ((value as unknown as Record<symbol, unknown>)[ROUTES] as MarkedRoute | undefined) : undefined;
      if (mark === undefined) continue;
      // Bound already when reached on an instance (decorateMethod does it); bind again all the same.
      const handler = (value as Method).bind(instance) as ControllerRoute['handler'];
      found.push({ ...mark, handler });
    }
  }
  if (found.length === 0) throw new TypeError('router.controller: the object has no @route methods');
  return found;
}
