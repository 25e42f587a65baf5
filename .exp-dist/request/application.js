import { HTTPException, InternalServerError } from '../errors.js';
import { hasCleanup, runCleanup, withCleanup } from './cleanup.js';
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
export function errorResponse(error, environ) {
    if (error instanceof HTTPException)
        return error.getResponse(environ);
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    environ['tsgi.errors'].write(`tsgi: unhandled error in ${environ.REQUEST_METHOD} ${environ.PATH_INFO}: ${detail}\n`);
    return new InternalServerError().getResponse(environ);
}
/**
 * Builds the App that runs `invoke` for each request. Handlers that answer synchronously are
 * served without an extra promise; the App is async only when the handler is.
 */
export function wrapHandler(cls, invoke) {
    return (environ, startResponse) => {
        let result;
        try {
            result = invoke(new cls(environ));
        }
        catch (error) {
            return serveWithCleanup(errorResponse(error, environ), environ, startResponse);
        }
        if (typeof result === 'function')
            return serveWithCleanup(result, environ, startResponse);
        return result.then((app) => serveWithCleanup(app, environ, startResponse), (error) => serveWithCleanup(errorResponse(error, environ), environ, startResponse));
    };
}
/**
 * The method `@Request.application` puts in place of a handler. TypeScript decorators cannot
 * change a member's declared type, so the method works both ways at run time: called with a
 * `Request` it runs the handler (handy in unit tests); called with `(environ, startResponse)` it
 * is the App. It is bound to its instance, so `site.handle` can be passed around; `asApp` gives
 * it the App type.
 */
export function decorateHandler(cls, handler, context) {
    function decorated(...args) {
        if (args.length === 2 && typeof args[1] === 'function') {
            const [environ, startResponse] = args;
            return wrapHandler(cls, (req) => handler.call(this, req))(environ, startResponse);
        }
        return handler.call(this, args[0]);
    }
    Object.defineProperty(decorated, DECORATED, { value: true });
    if (!context.static && !context.private) {
        const name = context.name;
        context.addInitializer(function bind() {
            const self = this;
            self[name] = self[name].bind(this);
            Object.defineProperty(self[name], DECORATED, { value: true });
        });
    }
    return decorated;
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
export function asApp(method) {
    if (!method[DECORATED]) {
        throw new TypeError('asApp expects a method decorated with @Request.application');
    }
    return method;
}
/**
 * Serves `app` and, when the request registered cleanups (temp files of an upload), runs them
 * once the server is done with the body: at its end, on an error, or when the client goes away.
 * Without registered cleanups the body passes through untouched.
 */
function serveWithCleanup(app, environ, startResponse) {
    let body;
    try {
        body = app(environ, startResponse);
    }
    catch (error) {
        void runCleanup(environ);
        throw error;
    }
    if (!hasCleanup(environ))
        return body;
    if (body instanceof Promise) {
        return body.then((served) => withCleanup(served, environ), async (error) => {
            await runCleanup(environ);
            throw error;
        });
    }
    return withCleanup(body, environ);
}
//# sourceMappingURL=application.js.map