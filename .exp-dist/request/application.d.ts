/**
 * `Request.application`: from `(req) => Response` to an App, as a wrapper and as a decorator.
 * @module
 */
import type { App, Body, Environ, StartResponse } from '../gateway.js';
import type { Request } from './request.js';
/** What a handler may return: a `Response` (which is an App), any other App, or a promise of one. */
export type HandlerResult = App | Promise<App>;
/** A request handler for `Request.application`. */
export type Handler<R extends Request> = (req: R) => HandlerResult;
/** A class that builds requests from an environ (`Request` or a subclass). */
export type RequestClass<R extends Request> = new (environ: Environ) => R;
/**
 * The answer for an error thrown by a handler: an `HTTPException` serves its own response; any
 * other error is written to `tsgi.errors` and answered with a 500 that reveals nothing.
 *
 * @example
 * ```ts
 * const res = errorResponse(new NotFound(), environ); // res.statusCode === 404
 * ```
 */
export declare function errorResponse(error: unknown, environ: Environ): App;
/**
 * Builds the App that runs `invoke` for each request. Handlers that answer synchronously are
 * served without an extra promise; the App is async only when the handler is.
 */
export declare function wrapHandler<R extends Request>(cls: RequestClass<R>, invoke: (req: R) => HandlerResult): (environ: Environ, startResponse: StartResponse) => Body | Promise<Body>;
/**
 * The method `@Request.application` puts in place of a handler. TypeScript decorators cannot
 * change a member's declared type, so the method works both ways at run time: called with a
 * `Request` it runs the handler (handy in unit tests); called with `(environ, startResponse)` it
 * is the App. It is bound to its instance, so `site.handle` can be passed around; `asApp` gives
 * it the App type.
 */
export declare function decorateHandler<R extends Request, This>(cls: RequestClass<R>, handler: (this: This, req: R) => HandlerResult, context: ClassMethodDecoratorContext<This>): (this: This, req: R) => HandlerResult;
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
export declare function asApp(method: (req: never) => HandlerResult): App;
//# sourceMappingURL=application.d.ts.map