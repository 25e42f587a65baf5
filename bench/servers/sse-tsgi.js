// bench/sse.js: tsgi's Response.eventStream through `serve`. GET /events?n=N sends N events, each
// awaited (`await stream.send()` resolves when the queue has room: the documented way to push as
// fast as the client reads), then closes. dist/ or TSGI_DIST (bench/sse.js copies the build there).
import { report } from './listen.js';
import { sseEvent } from './sse-event.js';

const dist = process.env.TSGI_DIST ?? new URL('../../dist', import.meta.url).pathname;
const { Request, Response } = await import(`${dist}/index.js`);
const { serve } = await import(`${dist}/adapters/node/index.js`);

const app = Request.application((req) => {
  const n = Number(req.args.get('n') ?? 0);
  return Response.eventStream(async (stream) => {
    for (let i = 0; i < n && !stream.closed; i++) await stream.send(sseEvent(i));
    stream.close();
  });
});

const running = await serve(app, { port: 0, host: '127.0.0.1', accessLog: false });
report(running.server);
