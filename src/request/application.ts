/**
 * `Request.application`: from `(req) => Response` to an App (the decorator forms are in decorate.ts).
 * @module
 */
import type { App, Body, Environ, StartResponse } from '../gateway.js';
import { HTTPException, InternalServerError } from '../errors.js';
import type { Request } from './request.js';
import { hasCleanup, runCleanup, withCleanup } from './cleanup.js';
import { badHandlerResult } from './handler-result.js';
import { debugErrorApp, debugPageWanted, logUnhandled } from '../debug/gate.js';
import { optionsChecker } from '../options.js';

/** What a handler may return: a `Response` (which is an App), any other App, or a promise of one. */
export type HandlerResult = App | Promise<App>;

/** A request handler for `Request.application`. */
export type Handler<R extends Request> = (req: R) => HandlerResult;

/** A class that builds requests from an environ (`Request` or a subclass). */
export type RequestClass<R extends Request> = new (environ: Environ) => R;

/** Options of `Request.application` (the plain form) and of `errorResponse`. */
export interface ApplicationOptions {
  /**
   * Answer unexpected errors with the development error page (the error, its causes, the stack
   * with source lines, the request) instead of the generic 500, to requests from this machine
   * only (loopback peer and `Host`); everyone else still gets the generic 500. Off by default;
   * `NODE_ENV` plays no part. A `Request` subclass field `debug = true` does the same for every
   * form, decorators included, and `serve(app, { debug: true })` for every app it serves.
   */
  debug?: boolean;
}

/** @internal Checks `Request.application`'s and `errorResponse`'s options. */
export const checkApplicationOptions = optionsChecker<ApplicationOptions>('Request.application', { debug: true });

/**
 * The answer for an error thrown by a handler: an `HTTPException` serves its own response; any
 * other error is written to `tsgi.errors` and answered with a 500 that reveals nothing, whose
 * `startResponse` call carries the error (rule 9.2: the test client shows it as `res.error`).
 * When the server set `tsgi.throw_errors` (rule 3.19, the test client's `throwErrors`), such an
 * error is thrown again instead, unchanged. With `debug` (or the server's `tsgi.debug`, rule
 * 3.21), a request from this machine gets the development error page instead of the plain 500.
 *
 * @example
 * ```ts
 * const res = errorResponse(new NotFound(), environ); // a 404 response
 * const page = errorResponse(new Error('kaput'), environ, { debug: true }); // the error page, locally
 * ```
 */
export function errorResponse(error: unknown, environ: Environ, options?: ApplicationOptions): App {
  if (error instanceof HTTPException) return error.getResponse(environ);
  if (environ['tsgi.throw_errors'] === true) throw error;
  if (options !== undefined) checkApplicationOptions(options);
  logUnhandled(error, environ);
  if (debugPageWanted(environ, options?.debug === true)) return debugErrorApp(error);
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
  options: ApplicationOptions = {},
): (environ: Environ, startResponse: StartResponse) => Body | Promise<Body> {
  const appDebug = options.debug === true;
  return (environ, startResponse) => {
    // `debug` is read when an error is answered: the app's option, else the request's field.
    let req: R | undefined;
    let result: unknown;
    try {
      req = new cls(environ);
      result = invoke(req);
    } catch (error) {
      return answerError(error, environ, startResponse, appDebug || req?.debug === true);
    }
    if (typeof result === 'function') return serveWithCleanup(result as App, environ, startResponse);
    if (typeof (result as PromiseLike<unknown> | null)?.then !== 'function') {
      return answerError(badHandlerResult(result, false), environ, startResponse, appDebug || req?.debug === true);
    }
    return Promise.resolve(result as PromiseLike<unknown>).then(
      (app) =>
        typeof app === 'function'
          ? serveWithCleanup(app as App, environ, startResponse)
          : answerError(badHandlerResult(app, true), environ, startResponse, appDebug || req!.debug === true),
      (error: unknown) => answerError(error, environ, startResponse, appDebug || req!.debug === true),
    );
  };
}

const DEBUG: ApplicationOptions = Object.freeze({ debug: true });

/** Serves `errorResponse(error)`; when that rethrows (`tsgi.throw_errors`), cleanups still run. */
function answerError(error: unknown, environ: Environ, startResponse: StartResponse, debug: boolean): Body | Promise<Body> {
  let app: App;
  try {
    app = errorResponse(error, environ, debug ? DEBUG : undefined);
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
