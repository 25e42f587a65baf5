// bench/sse.js: no framework, node:http writing the event text itself (formatted as tsgi and Hono
// do, one write per event), waiting for 'drain' when the socket's buffer is full.
import { createServer } from 'node:http';
import { once } from 'node:events';
import { report } from './listen.js';
import { sseEvent } from './sse-event.js';

const server = createServer(async (req, res) => {
  const n = Number(new URL(req.url, 'http://x').searchParams.get('n') ?? 0);
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache' });
  res.write(':\n\n');
  for (let i = 0; i < n && !res.destroyed; i++) {
    const { event, id, data } = sseEvent(i);
    if (!res.write(`event: ${event}\nid: ${id}\ndata: ${data}\n\n`)) await once(res, 'drain');
  }
  res.end();
});
server.listen(0, '127.0.0.1', () => report(server));
