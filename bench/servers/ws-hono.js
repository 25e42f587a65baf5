// bench/websocket.js: Hono 4 with @hono/node-ws (`upgradeWebSocket`, which runs `ws` underneath) on
// @hono/node-server, echoing every message.
import { serve } from '@hono/node-server';
import { createNodeWebSocket } from '@hono/node-ws';
import { Hono } from 'hono';
import { report } from './listen.js';

const app = new Hono();
const { injectWebSocket, upgradeWebSocket } = createNodeWebSocket({ app });
app.get(
  '/echo',
  upgradeWebSocket(() => ({
    onMessage(event, ws) {
      ws.send(event.data);
    },
  })),
);
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => report(server));
injectWebSocket(server);
