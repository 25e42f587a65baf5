// One server for bench/compress.js: `node bench/compress-server.js <tsgi|tsgi-node|express>`.
// Every server answers GET /json (a 32 KiB JSON document) and GET /big (1 MiB of text, streamed
// in 64 KiB chunks), gzip-compressed for clients that accept it.
import compression from 'compression';
import express from 'express';
import { Request, Response } from '../dist/index.js';
import { compress } from '../dist/middleware/index.js';
import { compressNode, serve } from '../dist/adapters/node/index.js';
import { report } from './servers/listen.js';

export const JSON_DOC = JSON.stringify(
  Array.from({ length: 320 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ['alpha', 'beta', String(i % 7)], price: (i * 37) % 1000 })),
);
const LINE = 'tsgi streams and compresses this line with back-pressure, chunk by chunk.\n';
const CHUNK = new TextEncoder().encode(LINE.repeat(Math.ceil(65536 / LINE.length)).slice(0, 65536));
export const BIG_CHUNKS = 16;

const kind = process.argv[2] ?? 'tsgi';
if (kind === 'express') {
  const app = express();
  app.use(compression());
  app.get('/json', (_req, res) => res.type('application/json').send(JSON_DOC));
  app.get('/big', (_req, res) => {
    res.type('text/plain');
    let sent = 0;
    const write = () => {
      while (sent < BIG_CHUNKS) {
        sent++;
        if (!res.write(CHUNK)) return void res.once('drain', write);
      }
      res.end();
    };
    write();
  });
  const server = app.listen(0, '127.0.0.1', () => report(server));
} else {
  const site = Request.application((req) => {
    if (req.path === '/json') return new Response(JSON_DOC, { mimetype: 'application/json' });
    if (req.path === '/big') {
      return new Response(
        (function* () {
          for (let i = 0; i < BIG_CHUNKS; i++) yield CHUNK;
        })(),
        { mimetype: 'text/plain' },
      );
    }
    return new Response('Not Found', { status: 404 });
  });
  const app = kind === 'tsgi-node' ? compressNode(site) : compress(site);
  const running = await serve(app, { port: 0, accessLog: false });
  report(running.server);
}
