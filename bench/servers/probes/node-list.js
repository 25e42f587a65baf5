// Probe (bench/README.md, "What is left"): node:http answering /hello the way tsgi's adapter writes
// a text response (the head as a list of pairs, the body as a string written with it). The
// reference for the other probes: `node bench/ab.js probes/node-list probes/tsgi-text /hello`.
import http from 'node:http';
import { HELLO, report } from '../listen.js';

const length = String(Buffer.byteLength(HELLO));
const server = http.createServer((req, res) => {
  res.writeHead(200, undefined, [
    ['Content-Type', 'text/plain; charset=utf-8'],
    ['Content-Length', length],
  ]);
  res.end(HELLO, 'utf8');
});
server.listen(0, '127.0.0.1', () => report(server));
