/**
 * When the development error page is shown, and the App that shows it. The page's code (stack
 * parsing, source reading, rendering) is imported only when a page is shown, so apps that never
 * show one do not load it.
 * @module
 */
import type { App, Environ } from '../gateway.js';
import { InternalServerError } from '../errors.js';
import { isLocalRequest } from './local.js';

/**
 * True when an unexpected error of this request should be answered with the development error
 * page: debug is on (`debug`, or the server's `environ['tsgi.debug']`, spec rule 3.21) and the
 * request comes from this machine (`isLocalRequest`). Nothing else turns it on: not `NODE_ENV`,
 * not a missing setting.
 *
 * @example
 * ```ts
 * debugPageWanted(environ, true); // true for a browser on this machine, false for anyone else
 * ```
 */
export function debugPageWanted(environ: Environ, debug = false): boolean {
  return (debug || environ['tsgi.debug'] === true) && isLocalRequest(environ);
}

/**
 * Writes an error that is answered with a 500 (generic or the development page) to `tsgi.errors`,
 * with the request it broke.
 *
 * @example
 * ```ts
 * logUnhandled(error, environ); // "tsgi: unhandled error in GET /oops: Error: kaput\n    at ..."
 * ```
 */
export function logUnhandled(error: unknown, environ: Environ): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  environ['tsgi.errors'].write(`tsgi: unhandled error in ${environ.REQUEST_METHOD} ${environ.PATH_INFO}: ${detail}\n`);
}

/**
 * The development error page for `error` as an App (its `startResponse` call carries the error).
 * Should the page itself fail, the failure is written to `tsgi.errors` and the generic 500 is
 * served instead.
 *
 * @example
 * ```ts
 * if (debugPageWanted(environ)) return debugErrorApp(error);
 * ```
 */
export function debugErrorApp(error: unknown): App {
  return async (environ, startResponse) => {
    try {
      const { debugErrorPage } = await import('./page.js');
      return await debugErrorPage(error)(environ, startResponse);
    } catch (failure) {
      const detail = failure instanceof Error ? (failure.stack ?? failure.message) : String(failure);
      environ['tsgi.errors'].write(`tsgi: the development error page failed: ${detail}\n`);
      const generic = new InternalServerError().getResponse(environ);
      return generic(environ, (status, headers) => startResponse(status, headers, error));
    }
  };
}
