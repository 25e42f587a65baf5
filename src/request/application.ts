/**
 * `Request.application`: from `(req) => Response` to an App, as a wrapper and as a decorator.
 * @module
 */
import type { App, Body, Environ, StartResponse } from '../gateway.js';
import { HTTPException, InternalServerError } from '../errors.js';
import type { Request } from './request.js';

/** What a handler may return: a `Response` (which is an App), any other App, or a promise of one. */
export type HandlerResult = App | Promise<App>;

/** A request handler for `Request.application`. */
export type Handler<R extends Request> = (req: R) => HandlerResult;

/** A class that builds requests from an environ (`Request` or a subclass). */
export type RequestClass<R extends Request> = new (environ: Environ) => R;

/** The App-shaped method a decorated handler becomes. */
export type DecoratedApp<This> = (this: This, environ: Environ, startResponse: StartResponse) => Body | Promise<Body>;

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
      return errorResponse(error, environ)(environ, startResponse);
    }
    if (typeof result === 'function') return result(environ, startResponse);
    return result.then(
      (app) => app(environ, startResponse),
      (error: unknown) => errorResponse(error, environ)(environ, startResponse),
    );
  };
}
