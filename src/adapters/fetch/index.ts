/**
 * `tsgi/fetch`: run a tsgi app as a Fetch handler (Bun, Deno, Cloudflare Workers, any Fetch host),
 * and run a Fetch handler (Hono, itty-router) as a tsgi app.
 * @module
 */
export { toFetchHandler } from './to-fetch.js';
export { buildEnviron } from './environ.js';
export type { AppFetchHandler, FetchContext, FetchHandler, RemoteAddress, ToFetchOptions } from './to-fetch.js';
export type { BunServerWebSocket, BunWebSocketHandler } from './websocket-bun.js';
export { fromFetchHandler, toWebRequest } from './from-fetch.js';
export type { AnyFetchHandler, FromFetchContext, FromFetchOptions } from './from-fetch.js';
