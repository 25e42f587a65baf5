/**
 * Cloudflare Workers (workerd) entry: bundle it (`bun build examples/runtimes/worker.ts --target=browser
 * --outfile=dist/worker.js`, or let wrangler do it) and serve it with `workerd serve
 * examples/runtimes/workerd.capnp` or `wrangler dev`. No `nodejs_compat` flag is needed.
 *
 * Workers give no peer address: the client's address arrives in the `CF-Connecting-IP` header,
 * which Cloudflare's edge sets. It is a proxy header, so it is not `REMOTE_ADDR`; read it with
 * `req.headers.get('CF-Connecting-IP')`, or trust `X-Forwarded-For` with `proxyFix(app, { xFor: 1 })`.
 */
import { toFetchHandler } from '../../src/adapters/fetch/index.js';
import { app } from './app.js';

// `fetch(request, env, ctx)`: env (bindings) lands in environ['fetch.env'], ctx in environ['fetch.ctx'].
export default { fetch: toFetchHandler(app) };
