// bench/websocket.js: tsgi, `req.acceptWebSocket` through `serve` (which runs `ws` underneath),
// echoing every message from the handler's `for await` loop. dist/ or TSGI_DIST (bench/websocket.js
// copies the build there).
import { report } from './listen.js';

const dist = process.env.TSGI_DIST ?? new URL('../../dist', import.meta.url).pathname;
const { Request } = await import(`${dist}/index.js`);
const { serve } = await import(`${dist}/adapters/node/index.js`);

const app = Request.application((req) =>
  req.acceptWebSocket({}, async (ws) => {
    for await (const message of ws) ws.send(message);
  }),
);

const running = await serve(app, { port: 0, host: '127.0.0.1', accessLog: false });
report(running.server);
