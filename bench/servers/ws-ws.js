// bench/websocket.js: `ws` alone, a WebSocketServer on node:http echoing every message as it came
// (text as text, binary as binary). Its defaults, as @hono/node-ws uses them: no permessage-deflate.
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { report } from './listen.js';

const server = createServer((req, res) => {
  res.writeHead(400, { 'Content-Type': 'text/plain' });
  res.end('a WebSocket endpoint\n');
});
const wss = new WebSocketServer({ server, path: '/echo' });
wss.on('connection', (ws) => ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary })));
server.listen(0, '127.0.0.1', () => report(server));
