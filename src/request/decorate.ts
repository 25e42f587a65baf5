/**
 * Method decorators that work in every toolchain, and `Request.application` built on them.
 *
 * Toolchains disagree on how they call a decorator (measured; see docs/testing.md):
 * - standard (TC39) decorators get `(method, context)`; legacy `experimentalDecorators` ones get
 *   `(target, key, descriptor)`, and which one a file gets depends on its tsconfig;
 * - tsc passes the object a decorator was read from as `this` (`@MyRequest.application` runs with
 *   `this === MyRequest`); esbuild (tsx, vite 7), Bun, Deno and every legacy transform do not.
 *
 * So a decorator here never relies on `this`: `defineReceiverBound` defines it as a getter that
 * returns a function bound to the object it is read from, and `methodDecorator` accepts both call
 * shapes and binds the replacement to each instance. The router's `@route` reuses both.
 * @module
 */
import type { App, Body, Environ, StartResponse } from '../gateway.js';
import {
  checkApplicationOptions, wrapHandler, type ApplicationOptions, type Handler, type HandlerResult, type RequestClass,
} from './application.js';
import type { Request } from './request.js';

/** A method as a decorator sees it. */
export type Method = (this: unknown, ...args: never[]) => unknown;

/** Makes the replacement of a decorated method from the method and its name. */
export type ReplaceMethod = (method: Method, name: string | symbol) => Method;

interface StandardContext {
  kind: string;
  name: string | symbol;
  static?: boolean;
  private?: boolean;
  addInitializer(initializer: (this: unknown) => void): void;
}

function isStandardContext(value: unknown): value is StandardContext {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { kind?: unknown }).kind === 'string' &&
    typeof (value as { addInitializer?: unknown }).addInitializer === 'function'
  );
}

function isLegacyCall(args: readonly unknown[]): args is [object, string | symbol, PropertyDescriptor | undefined] {
  const [target, key] = args;
  return (
    ((typeof target === 'object' && target !== null) || typeof target === 'function') &&
    (typeof key === 'string' || typeof key === 'symbol')
  );
}

/**
 * True when `args` are what a decorator receives (standard `(value, context)` or legacy
 * `(target, key, descriptor?)`) rather than a plain call's arguments.
 *
 * @example
 * ```ts
 * import { isDecoratorCall } from './decorate.js';
 * isDecoratorCall([() => null]); // false: a plain call
 * ```
 */
export function isDecoratorCall(args: readonly unknown[]): boolean {
  return isStandardContext(args[1]) || isLegacyCall(args);
}

/** `fn` bound to `self`, carrying `fn`'s symbol-keyed marks (such as `asApp`'s). */
function bindMethod(fn: Method, self: unknown): Method {
  const bound = fn.bind(self) as Method;
  for (const mark of Object.getOwnPropertySymbols(fn)) {
    Object.defineProperty(bound, mark, Object.getOwnPropertyDescriptor(fn, mark)!);
  }
  return bound;
}

/** The object on `self`'s prototype chain that holds `key` itself. */
function holderOf(self: object, key: PropertyKey): object | null {
  for (let obj: object | null = self; obj !== null; obj = Object.getPrototypeOf(obj) as object | null) {
    if (Object.prototype.hasOwnProperty.call(obj, key)) return obj;
  }
  return null;
}

function ownMethod(self: object, key: PropertyKey, value: unknown): void {
  Object.defineProperty(self, key, { value, writable: true, configurable: true, enumerable: false });
}

/**
 * Applies a method decorator given the arguments it was called with, standard or legacy, and
 * returns what the decorator must return. The replacement made by `replace` is bound to each
 * instance (static methods: to the class), so `obj.method` can be passed around; an override in
 * a subclass is left alone. Throws a `TypeError` for anything but a method.
 *
 * @example
 * ```ts
 * import { decorateMethod, type Method } from './decorate.js';
 *
 * function logged(...args: unknown[]): unknown {
 *   return decorateMethod(args, (method: Method, name) => function (this: unknown, ...rest: never[]) {
 *     console.log('calling', String(name));
 *     return method.apply(this, rest);
 *   }, '@logged');
 * }
 * ```
 */
export function decorateMethod(args: readonly unknown[], replace: ReplaceMethod, decorator: string): unknown {
  const [value, context] = args;
  if (isStandardContext(context)) {
    if (context.kind !== 'method' || typeof value !== 'function') {
      throw new TypeError(`${decorator} decorates methods, not a ${context.kind}`);
    }
    const replaced = replace(value as Method, context.name);
    if (!context.private) {
      const key = context.name;
      context.addInitializer(function bind(this: unknown) {
        const self = this as Record<PropertyKey, unknown>;
        if (self[key] === replaced) ownMethod(self, key, bindMethod(replaced, self));
      });
    }
    return replaced;
  }
  if (isLegacyCall(args)) {
    const [target, key, descriptor] = args;
    if (typeof descriptor?.value !== 'function') {
      throw new TypeError(`${decorator} decorates methods, not ${String(key)}`);
    }
    const replaced = replace(descriptor.value as Method, key);
    return {
      configurable: true,
      enumerable: descriptor.enumerable ?? false,
      get(this: object): Method {
        if (this === target) return replaced;
        const bound = bindMethod(replaced, this);
        // Cached on the instance, unless it was reached past a subclass override (`super.key`).
        if (holderOf(this, key) === target) ownMethod(this, key, bound);
        return bound;
      },
      set(this: object, next: unknown): void {
        ownMethod(this, key, next);
      },
    } satisfies PropertyDescriptor;
  }
  throw new TypeError(`${decorator} was not called as a method decorator`);
}

/**
 * Builds a function that is a method decorator (standard or legacy) and, called any other way,
 * runs `plain`. See `decorateMethod` for what the decorator does.
 *
 * @example
 * ```ts
 * import { methodDecorator, type Method } from './decorate.js';
 *
 * const traced = methodDecorator('@traced', (method: Method) => method, (label: unknown) => `plain: ${String(label)}`);
 * traced('x'); // 'plain: x'
 * ```
 */
export function methodDecorator<P>(
  decorator: string,
  replace: ReplaceMethod,
  plain: (...args: never[]) => P,
): (...args: unknown[]) => unknown {
  return function dualDecorator(...args: unknown[]): unknown {
    if (isDecoratorCall(args)) return decorateMethod(args, replace, decorator);
    return (plain as (...args: unknown[]) => P)(...args);
  };
}

/**
 * Defines `owner[name]` as a getter that returns `build(receiver)`, made once per receiver: reading
 * `Sub[name]` on a subclass (or an instance) builds and keeps a function bound to it. This is what
 * lets `@Sub.name` work where the decorator is called without `this`.
 *
 * @example
 * ```ts
 * import { defineReceiverBound } from './decorate.js';
 *
 * class Base {}
 * defineReceiverBound(Base, 'describe', (cls: object) => () => (cls as typeof Base).name);
 * class Sub extends Base {}
 * const describe = (Sub as unknown as { describe: () => string }).describe;
 * describe(); // 'Sub'
 * ```
 */
export function defineReceiverBound<T extends object, F>(owner: T, name: PropertyKey, build: (receiver: T) => F): void {
  const built = new WeakMap<T, F>();
  Object.defineProperty(owner, name, {
    configurable: true,
    enumerable: false,
    get(this: T): F {
      let fn = built.get(this);
      if (fn === undefined) built.set(this, (fn = build(this)));
      return fn;
    },
  });
}

// ---- Request.application ------------------------------------------------------------------

const DECORATED = Symbol('tsgi.application');

/**
 * The type of `Request.application` (and of `application` on every subclass): a wrapper, a
 * standard method decorator and a legacy (`experimentalDecorators`) one. `R` is the class it is
 * read from (`MyRequest.application` builds `MyRequest`s), also when called without it as `this`.
 *
 * @example
 * ```ts
 * import { Request, Response, asApp } from 'tsgi';
 *
 * class MyRequest extends Request {
 *   readonly tenant = 'acme';
 * }
 *
 * export const plain = MyRequest.application((req) => new Response(req.tenant));
 *
 * class Site {
 *   @MyRequest.application
 *   handle(req: MyRequest): Response {
 *     return new Response(`${req.tenant} at ${req.path}`);
 *   }
 * }
 * export const decorated = asApp(new Site().handle);
 * ```
 */
export interface Application {
  /** A standard (TC39) method decorator. */
  <R extends Request, This, M extends (this: This, req: R) => HandlerResult>(
    this: RequestClass<R> | void,
    method: M,
    context: ClassMethodDecoratorContext<This, M>,
  ): M;
  /** A legacy (`experimentalDecorators`) method decorator. */
  <R extends Request, T extends HandlerResult>(
    this: RequestClass<R> | void,
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<(req: R) => T>,
  ): TypedPropertyDescriptor<(req: R) => T>;
  /**
   * Wraps a handler into an App (last: TypeScript tries a decorator against the overloads in
   * order). `options.debug` turns on the development error page for requests from this machine.
   */
  <R extends Request>(this: RequestClass<R> | void, handler: Handler<R>, options?: ApplicationOptions): App;
}

/**
 * The method `@Request.application` puts in place of a handler. TypeScript decorators cannot
 * change a member's declared type, so it works both ways at run time: called with a `Request` it
 * runs the handler (handy in unit tests); called with `(environ, startResponse)` it is the App.
 */
function appMethod<R extends Request>(cls: RequestClass<R>, handler: Method): Method {
  const run = handler as (this: unknown, req: R) => HandlerResult;
  function decorated(this: unknown, ...args: [R] | [Environ, StartResponse]): HandlerResult | Body | Promise<Body> {
    if (args.length === 2 && typeof args[1] === 'function') {
      return wrapHandler(cls, (req) => run.call(this, req))(args[0], args[1]);
    }
    return run.call(this, args[0] as R);
  }
  Object.defineProperty(decorated, DECORATED, { value: true });
  return decorated as unknown as Method;
}

/**
 * `Request.application` as read from `cls`: what the getter on `Request` returns (made once per
 * class by `defineReceiverBound`).
 *
 * @example
 * ```ts
 * import { applicationOf } from './decorate.js';
 *
 * const app = applicationOf(MyRequest)((req) => new Response(req.path)); // serves MyRequests
 * ```
 */
export function applicationOf<R extends Request>(cls: RequestClass<R>): Application {
  return methodDecorator(
    `@${cls.name || 'Request'}.application`,
    (method) => appMethod(cls, method),
    (handler: Handler<R>, options?: ApplicationOptions): App => {
      if (typeof handler !== 'function') {
        throw new TypeError(`${cls.name || 'Request'}.application expects a handler function or a method to decorate`);
      }
      checkApplicationOptions(options);
      return wrapHandler(cls, handler, options);
    },
  ) as Application;
}

/**
 * Gives a method decorated with `@Request.application` its App type (decorators cannot change
 * a declared type in TypeScript). Throws a `TypeError` for a function that was not decorated.
 *
 * @example
 * ```ts
 * import { Request, Response, asApp } from 'tsgi';
 *
 * class Site {
 *   @Request.application
 *   handle(req: Request): Response {
 *     return new Response(`hi from ${req.path}`);
 *   }
 * }
 * export default asApp(new Site().handle);
 * ```
 */
export function asApp(method: (req: never) => HandlerResult): App {
  if (!(method as unknown as Record<symbol, unknown>)[DECORATED]) {
    throw new TypeError('asApp expects a method decorated with @Request.application');
  }
  return method as unknown as App;
}
