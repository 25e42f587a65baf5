/**
 * `Request.application`: from `(req) => Response` to an App (the decorator forms are in decorate.ts).
 * @module
 */
import type { App, Body, Environ, StartResponse } from '../gateway.js';
import { HTTPException, InternalServerError } from '../errors.js';
import type { Request } from './request.js';
import { hasCleanup, runCleanup, withCleanup } from './cleanup.js';
import { badHandlerResult } from './handler-result.js';

/** What a handler may return: a `Response` (which is an App), any other App, or a promise of one. */
export type HandlerResult = App | Promise<App>;

/** A request handler for `Request.application`. */
export type Handler<R extends Request> = (req: R) => HandlerResult;

/** A class that builds requests from an environ (`Request` or a subclass). */
export type RequestClass<R extends Request> = new (environ: Environ) => R;

/**
 * The answer for an error thrown by a handler: an `HTTPException` serves its own response; any
 * other error is written to `tsgi.errors` and answered with a 500 that reveals nothing, whose
 * `startResponse` call carries the error (rule 9.2: the test client shows it as `res.error`).
 * When the server set `tsgi.throw_errors` (rule 3.19, the test client's `throwErrors`), such an
 * error is thrown again instead, unchanged.
 *
 * @example
 * ```ts
 * const res = errorResponse(new NotFound(), environ); // a 404 response
 * ```
 */
export function errorResponse(error: unknown, environ: Environ): App {
  if (error instanceof HTTPException) return error.getResponse(environ);
  if (environ['tsgi.throw_errors'] === true) throw error;
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  environ['tsgi.errors'].write(`tsgi: unhandled error in ${environ.REQUEST_METHOD} ${environ.PATH_INFO}: ${detail}\n`);
  const page = new InternalServerError().getResponse(environ);
  return (env, startResponse) => page(env, (status, headers) => startResponse(status, headers, error));
}

/**
 * Builds the App that runs `invoke` for each request. Handlers that answer synchronously are
 * served without an extra promise; the App is async only when the handler is. A result that is
 * not an App (a string, a plain object, `undefined`) is answered as an error: a `TypeError` that
 * says what came back.
 */
export function wrapHandler<R extends Request>(
  cls: RequestClass<R>,
  invoke: (req: R) => HandlerResult,
): (environ: Environ, startResponse: StartResponse) => Body | Promise<Body> {
  return (environ, startResponse) => {
    let result: unknown;
    try {
      result = invoke(new cls(environ));
    } catch (error) {
      return answerError(error, environ, startResponse);
    }
    if (typeof result === 'function') return serveWithCleanup(result as App, environ, startResponse);
    if (typeof (result as PromiseLike<unknown> | null)?.then !== 'function') {
      return answerError(badHandlerResult(result, false), environ, startResponse);
    }
    return Promise.resolve(result as PromiseLike<unknown>).then(
      (app) =>
        typeof app === 'function'
          ? serveWithCleanup(app as App, environ, startResponse)
          : answerError(badHandlerResult(app, true), environ, startResponse),
      (error: unknown) => answerError(error, environ, startResponse),
    );
  };
}

/** Serves `errorResponse(error)`; when that rethrows (`tsgi.throw_errors`), cleanups still run. */
function answerError(error: unknown, environ: Environ, startResponse: StartResponse): Body | Promise<Body> {
  let app: App;
  try {
    app = errorResponse(error, environ);
  } catch (rethrown) {
    void runCleanup(environ);
    throw rethrown;
  }
  return serveWithCleanup(app, environ, startResponse);
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
