// Probe: probes/node-list plus building tsgi's environ for each request (and reading PATH_INFO),
// with nothing else of tsgi: what the environ costs. `node bench/ab.js probes/node-list probes/node-environ /hello`
import http from 'node:http';
import { buildEnviron } from '../../../dist/adapters/node/index.js';
import { consoleErrors } from '../../../dist/index.js';
import { HELLO, report } from '../listen.js';

const context = { errors: consoleErrors };
const length = String(Buffer.byteLength(HELLO));
let paths = 0;
const server = http.createServer((req, res) => {
  paths += buildEnviron(req, context).PATH_INFO.length;
  res.writeHead(200, undefined, [
    ['Content-Type', 'text/plain; charset=utf-8'],
    ['Content-Length', length],
  ]);
  res.end(HELLO, 'utf8');
});
server.listen(0, '127.0.0.1', () => report(server));
