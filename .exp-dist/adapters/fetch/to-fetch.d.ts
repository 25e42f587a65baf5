/**
 * `toFetchHandler`: runs a tsgi app as a Fetch handler (`(Request) => Promise<Response>`), the
 * shape Bun, Deno, Cloudflare Workers and most edge hosts serve.
 * @module
 */
import { type App, type Environ, type ErrorStream } from '../../gateway.js';
/** A client address as hosts report it: a string, Deno's `info.remoteAddr`, or Bun's `requestIP()`. */
export type RemoteAddress = string | {
    hostname?: string;
    address?: string;
    port?: number | string;
} | null;
/**
 * What a host may pass as the handler's second argument. Bun and Node bridges pass
 * `{ remoteAddr }`; Deno's `info` already has this shape; on Workers it is the bindings object
 * (`env`), kept in the environ as `fetch.env` (and the execution context as `fetch.ctx`).
 */
export interface FetchContext {
    /** The peer's address: becomes `REMOTE_ADDR` (and `REMOTE_PORT` when it has a port). */
    remoteAddr?: RemoteAddress;
    [key: string]: unknown;
}
/** Options for `toFetchHandler`. */
export interface ToFetchOptions {
    /** Where the app and the adapter write diagnostics (`tsgi.errors`); the console by default. */
    errors?: ErrorStream;
}
/** A Fetch handler: what `Bun.serve`, `Deno.serve` and Workers' `fetch` export call. */
export type FetchHandler = (request: globalThis.Request, context?: FetchContext, executionContext?: unknown) => Promise<globalThis.Response>;
/**
 * Turns a tsgi app into a Fetch handler. The request body is streamed to the app as `tsgi.input`;
 * the response body is a pull-based `ReadableStream` (one chunk pulled per read, so a slow client
 * slows the app down), and a client that goes away cancels it, which calls the body iterator's
 * `return()` exactly once. Errors before the first chunk give a 500; after it, a stream error.
 *
 * @example
 * ```ts
 * const handler = toFetchHandler(app);
 * Deno.serve((request, info) => handler(request, info));
 * Bun.serve({ fetch: (request, server) => handler(request, { remoteAddr: server.requestIP(request) }) });
 * export default { fetch: handler }; // Cloudflare Workers
 * ```
 */
export declare function toFetchHandler(app: App, options?: ToFetchOptions): FetchHandler;
/**
 * The environ for a Web `Request`: scheme, host and port from its URL, `PATH_INFO` decoded as
 * UTF-8, the raw query, one `HTTP_*` key per header, and the body as `tsgi.input`.
 *
 * @example
 * ```ts
 * const environ = buildEnviron(new Request('http://example.com/a%20b?x=1'));
 * environ.PATH_INFO; // '/a b'
 * ```
 */
export declare function buildEnviron(request: globalThis.Request, context?: FetchContext, errors?: ErrorStream): Environ;
//# sourceMappingURL=to-fetch.d.ts.map