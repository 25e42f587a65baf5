/**
 * `Request.application`: from `(req) => Response` to an App, as a wrapper and as a decorator.
 * @module
 */
import type { App, Body, Environ, StartResponse } from '../gateway.js';
import { HTTPException, InternalServerError } from '../errors.js';
import type { Request } from './request.js';
import { hasCleanup, runCleanup, withCleanup } from './cleanup.js';

/** What a handler may return: a `Response` (which is an App), any other App, or a promise of one. */
export type HandlerResult = App | Promise<App>;

/** A request handler for `Request.application`. */
export type Handler<R extends Request> = (req: R) => HandlerResult;

/** A class that builds requests from an environ (`Request` or a subclass). */
export type RequestClass<R extends Request> = new (environ: Environ) => R;

const DECORATED = Symbol('tsgi.application');

/**
 * The answer for an error thrown by a handler: an `HTTPException` serves its own response; any
 * other error is written to `tsgi.errors` and answered with a 500 that reveals nothing.
 *
 * @example
 * ```ts
 * const res = errorResponse(new NotFound(), environ); // res.statusCode === 404
 * ```
 */
export function errorResponse(error: unknown, environ: Environ): App {
  if (error instanceof HTTPException) return error.getResponse(environ);
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  environ['tsgi.errors'].write(`tsgi: unhandled error in ${environ.REQUEST_METHOD} ${environ.PATH_INFO}: ${detail}\n`);
  return new InternalServerError().getResponse(environ);
}

/**
 * Builds the App that runs `invoke` for each request. Handlers that answer synchronously are
 * served without an extra promise; the App is async only when the handler is.
 */
export function wrapHandler<R extends Request>(
  cls: RequestClass<R>,
  invoke: (req: R) => HandlerResult,
): (environ: Environ, startResponse: StartResponse) => Body | Promise<Body> {
  return (environ, startResponse) => {
    let result: HandlerResult;
    try {
      result = invoke(new cls(environ));
    } catch (error) {
      return serveWithCleanup(errorResponse(error, environ), environ, startResponse);
    }
    if (typeof result === 'function') return serveWithCleanup(result, environ, startResponse);
    return result.then(
      (app) => serveWithCleanup(app, environ, startResponse),
      (error: unknown) => serveWithCleanup(errorResponse(error, environ), environ, startResponse),
    );
  };
}

/**
 * The method `@Request.application` puts in place of a handler. TypeScript decorators cannot
 * change a member's declared type, so the method works both ways at run time: called with a
 * `Request` it runs the handler (handy in unit tests); called with `(environ, startResponse)` it
 * is the App. It is bound to its instance, so `site.handle` can be passed around; `asApp` gives
 * it the App type.
 */
export function decorateHandler<R extends Request, This>(
  cls: RequestClass<R>,
  handler: (this: This, req: R) => HandlerResult,
  context: ClassMethodDecoratorContext<This>,
): (this: This, req: R) => HandlerResult {
  function decorated(this: This, ...args: [R] | [Environ, StartResponse]): HandlerResult | Body | Promise<Body> {
    if (args.length === 2 && typeof args[1] === 'function') {
      const [environ, startResponse] = args;
      return wrapHandler(cls, (req) => handler.call(this, req))(environ, startResponse);
    }
    return handler.call(this, args[0] as R);
  }
  Object.defineProperty(decorated, DECORATED, { value: true });
  if (!context.static && !context.private) {
    const name = context.name;
    context.addInitializer(function bind(this: This) {
      const self = this as Record<string | symbol, unknown>;
      self[name] = (self[name] as typeof decorated).bind(this);
      Object.defineProperty(self[name], DECORATED, { value: true });
    });
  }
  return decorated as (this: This, req: R) => HandlerResult;
}

/**
 * Gives a method decorated with `@Request.application` its App type (decorators cannot change
 * a declared type in TypeScript). Throws a `TypeError` for a function that was not decorated.
 *
 * @example
 * ```ts
 * class Site {
 *   @Request.application
 *   handle(req: Request) { return new Response('hi'); }
 * }
 * serve(asApp(new Site().handle));
 * ```
 */
export function asApp(method: (req: never) => HandlerResult): App {
  if (!(method as unknown as Record<symbol, unknown>)[DECORATED]) {
    throw new TypeError('asApp expects a method decorated with @Request.application');
  }
  return method as unknown as App;
}

/**
 * Serves `app` and, when the request registered cleanups (temp files of an upload), runs them
 * once the server is done with the body: at its end, on an error, or when the client goes away.
 * Without registered cleanups the body passes through untouched.
 */
function serveWithCleanup(app: App, environ: Environ, startResponse: StartResponse): Body | Promise<Body> {
  let body: Body | Promise<Body>;
  try {
    body = app(environ, startResponse);
  } catch (error) {
    void runCleanup(environ);
    throw error;
  }
  if (!hasCleanup(environ)) return body;
  if (body instanceof Promise) {
    return body.then(
      (served) => withCleanup(served, environ),
      async (error: unknown) => {
        await runCleanup(environ);
        throw error;
      },
    );
  }
  return withCleanup(body, environ);
}
