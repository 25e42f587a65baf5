// examples/runtimes/bun.ts: run with `bun examples/runtimes/bun.ts` (PORT=0 picks a free port).
import { toFetchHandler } from '../../src/adapters/fetch/index.js';
import { app } from './app.js';

const handler = toFetchHandler(app);
const server = Bun.serve({
  hostname: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 8000),
  // Bun calls fetch(request, server): toFetchHandler reads the peer address from server.requestIP()
  // and upgrades WebSocket handshakes with server.upgrade(), whose sockets Bun hands to these callbacks.
  fetch: handler,
  websocket: handler.websocket,
});
console.log(`listening on http://127.0.0.1:${server.port}/`);
