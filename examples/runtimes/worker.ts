// examples/runtimes/worker.ts: Cloudflare Workers and workerd, no nodejs_compat flag.
import { toFetchHandler } from '../../src/adapters/fetch/index.js';
import { app } from './app.js';

// Workers call fetch(request, env, ctx): env (the bindings) becomes environ['fetch.env'] and ctx
// environ['fetch.ctx']. There is no peer address: the client's is in the CF-Connecting-IP header.
export default { fetch: toFetchHandler(app) };
