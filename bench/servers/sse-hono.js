// bench/sse.js: Hono's streamSSE (hono/streaming) on @hono/node-server. GET /events?n=N sends N
// events, each awaited (`await stream.writeSSE()`), then the stream closes as the callback returns.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { report } from './listen.js';
import { sseEvent } from './sse-event.js';

const app = new Hono();
app.get('/events', (c) => {
  const n = Number(c.req.query('n') ?? 0);
  return streamSSE(c, async (stream) => {
    for (let i = 0; i < n && !stream.aborted; i++) await stream.writeSSE(sseEvent(i));
  });
});
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => report(server));
