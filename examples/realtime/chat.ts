/**
 * A chat room, the same code on node:http, Bun, Deno, workerd and in the test client
 * (test/e2e/runtimes mounts it at /chat of examples/runtimes/app.ts). Web-standard imports only.
 *
 * - `GET /socket?token=T` (WebSocket, subprotocol `chat.v1`): refused 401 without the right token
 *   (with a `WWW-Authenticate` header and the reason as the body), and refused 403 when a page of
 *   another site opens it. Every text message is answered `echo: <text>` and posted to the room;
 *   a binary message comes back as it is; the text `close` closes with 4000 `bye`.
 * - `GET /events`: the room as server-sent events (`message` events, ids counting up).
 * - `GET /stats`: how many sockets are open, and how many handlers finished (each exactly once).
 * @module
 */
import { Request, Response, type WebSocketConnection } from '../../src/index.js';
import { EventStream } from '../../src/index.js';
import { Router } from '../../src/routing/index.js';

/** The token a client must send; a real app checks a session or a signed cookie instead. */
export const CHAT_TOKEN = 'let-me-in';

const listeners = new Set<EventStream>();
const stats = { open: 0, finished: 0, lastClose: null as null | { code: number; reason: string } };
let nextId = 0;

/** Posts a line to every open event stream. */
function post(line: string): void {
  const id = String(++nextId);
  for (const stream of listeners) void stream.send({ event: 'message', id, data: line });
}

async function talk(ws: WebSocketConnection): Promise<void> {
  stats.open++;
  try {
    for await (const message of ws) {
      if (typeof message !== 'string') {
        ws.send(message);
      } else if (message === 'close') {
        ws.close(4000, 'bye');
      } else {
        ws.send(`echo: ${message}`);
        post(message);
      }
    }
    const { code, reason } = await ws.closed;
    stats.lastClose = { code, reason };
  } finally {
    stats.open--;
    stats.finished++;
  }
}

export const chat = new Router()
  .get('/socket', { websocket: true }, (req) => {
    if (req.args.get('token') !== CHAT_TOKEN) {
      return new Response('a valid token is required\n', {
        status: 401,
        mimetype: 'text/plain',
        headers: { 'WWW-Authenticate': 'Bearer realm="chat"', 'X-Chat-Refused': 'bad-token' },
      });
    }
    return req.acceptWebSocket({ protocol: 'chat.v1' }, talk);
  })
  .get('/events', () =>
    Response.eventStream((stream) => {
      listeners.add(stream);
      stream.onClose(() => listeners.delete(stream));
    }),
  )
  .get('/stats', () => Response.json({ ...stats, listeners: listeners.size }));

export default chat;

// A plain Request.application works the same way, for apps without a router.
export const echo = Request.application((req) =>
  req.acceptWebSocket({}, async (ws) => {
    for await (const message of ws) ws.send(message);
  }),
);
