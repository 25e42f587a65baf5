/**
 * `debugErrors(app)`: the development error page for every app, raw ones included.
 * @module
 */
import { TextBody, type App, type Body, type Environ, type StartResponse } from '../gateway.js';
import { debugErrorApp, debugPageWanted, logUnhandled } from '../debug/gate.js';

type AnyIterator = Iterator<Uint8Array> | AsyncIterator<Uint8Array>;

/**
 * Turns debug on for `app`: sets `environ['tsgi.debug']` (spec rule 3.21), so that
 * `Request.application` apps inside answer their unexpected errors with the development error
 * page, and catches what a raw app throws (or its body throws before the first byte is sent) to
 * answer it with the same page. Only requests from this machine get the page (loopback peer and
 * `Host`, no other site's `Origin`, no proxy); for everyone else, and once a byte of the response
 * is out, errors go to the server as they would without it (a generic 500, or an aborted
 * connection). `serve(app, { debug: true })` and `tsgi serve --debug` apply it for you.
 *
 * @example
 * ```ts
 * import type { App } from 'tsgi';
 * import { debugErrors } from 'tsgi/middleware';
 *
 * const raw: App = () => {
 *   throw new Error('not written yet');
 * };
 * export default debugErrors(raw); // a development server only
 * ```
 */
export function debugErrors(app: App): App {
  return (environ, startResponse) => {
    environ['tsgi.debug'] = true;
    let body: Body | Promise<Body>;
    try {
      body = app(environ, startResponse);
    } catch (error) {
      return answer(error, environ, startResponse);
    }
    if (typeof (body as PromiseLike<Body>).then === 'function') {
      return Promise.resolve(body).then(
        (resolved) => guard(resolved, environ, startResponse),
        (error: unknown) => answer(error, environ, startResponse),
      );
    }
    return guard(body as Body, environ, startResponse);
  };
}

/** The debug page for a local request; anything else goes to the server unchanged. */
function answer(error: unknown, environ: Environ, startResponse: StartResponse): Body | Promise<Body> {
  if (environ['tsgi.throw_errors'] === true || !debugPageWanted(environ)) throw error;
  logUnhandled(error, environ);
  return debugErrorApp(error)(environ, startResponse);
}

/**
 * The body, answering an error it throws before its first non-empty chunk (nothing sent yet,
 * spec rule 7.4) with the debug page. Bodies that cannot throw (arrays, text) pass untouched.
 */
function guard(body: Body, environ: Environ, startResponse: StartResponse): Body {
  if (Array.isArray(body) || body instanceof TextBody) return body;
  return {
    [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
      const inner: AnyIterator =
        Symbol.asyncIterator in body
          ? (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]()
          : (body as Iterable<Uint8Array>)[Symbol.iterator]();
      let started = false;
      let innerClosed = false;
      let page: AnyIterator | undefined;
      const closeInner = async () => {
        if (innerClosed) return;
        innerClosed = true;
        await inner.return?.();
      };
      return {
        async next() {
          if (page) return page.next();
          let step: IteratorResult<Uint8Array>;
          try {
            step = await inner.next();
          } catch (error) {
            if (started || environ['tsgi.throw_errors'] === true || !debugPageWanted(environ)) throw error;
            logUnhandled(error, environ);
            // The failed body is over: close it now (exactly once, rule 11.2), then serve the page.
            await closeInner().catch((closeError: unknown) => logUnhandled(closeError, environ));
            const served = await debugErrorApp(error)(environ, startResponse);
            page = Symbol.asyncIterator in served
              ? (served as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]()
              : (served as Iterable<Uint8Array>)[Symbol.iterator]();
            return page.next();
          }
          if (!step.done && (step.value as Uint8Array | undefined)?.byteLength) started = true;
          return step;
        },
        async return() {
          try {
            await closeInner();
          } finally {
            await page?.return?.();
          }
          return { done: true, value: undefined };
        },
      };
    },
  };
}
