/**
 * `fromFetchHandler`: runs any Fetch handler (a Hono or itty-router app, a Workers `fetch`) as a
 * tsgi app, so it can sit behind tsgi middleware and be driven by the tsgi test client.
 * @module
 */
import { type App, type Environ } from '../../gateway.js';
/** What a wrapped handler gets as its second argument (Hono exposes it as `c.env`). */
export interface FromFetchContext {
    /** The environ the request was built from. */
    environ: Environ;
    /** `REMOTE_ADDR`, when the server gave one. */
    remoteAddr?: string;
}
/** Any function that answers a Web `Request` with a Web `Response`. */
export type AnyFetchHandler = (request: globalThis.Request, context: FromFetchContext) => globalThis.Response | Promise<globalThis.Response>;
/** Options for `fromFetchHandler`. */
export interface FromFetchOptions {
    /**
     * Which path the handler sees. `'pathInfo'` (the default) gives it `PATH_INFO` only, like
     * Hono's `app.mount()`: mounted under `/api` by `dispatcher`, it sees `/users` for `/api/users`.
     * `'full'` gives it `SCRIPT_NAME + PATH_INFO`.
     */
    path?: 'pathInfo' | 'full';
}
/**
 * Turns a Fetch handler into a tsgi app: the environ becomes a Web `Request` (its body streamed
 * from `tsgi.input`, its signal aborted when the server abandons the response), and the Web
 * `Response` becomes `startResponse` plus its body chunks, pulled one at a time.
 *
 * @example
 * ```ts
 * import { Hono } from 'hono';
 * const hono = new Hono().get('/hello', (c) => c.text('hi'));
 * const app = dispatcher(notFound, { '/hono': fromFetchHandler(hono.fetch) });
 * ```
 */
export declare function fromFetchHandler(handler: AnyFetchHandler, options?: FromFetchOptions): App;
/**
 * The Web `Request` an environ describes.
 *
 * @example
 * ```ts
 * const request = toWebRequest(environ);
 * request.url; // 'http://localhost/path?x=1'
 * ```
 */
export declare function toWebRequest(environ: Environ, fullPath?: boolean, signal?: AbortSignal): globalThis.Request;
//# sourceMappingURL=from-fetch.d.ts.map