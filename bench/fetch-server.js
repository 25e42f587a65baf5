// One Fetch-API server for bench/fetch.js, run by Bun or Deno:
//   bun bench/fetch-server.js <tsgi|tsgi-raw|hono>
//   deno run --allow-net --allow-read --allow-env bench/fetch-server.js <tsgi|tsgi-raw|hono>
// Prints `listening on http://127.0.0.1:PORT/` once it accepts connections.
import { Hono } from 'hono';
import { Request as TsgiRequest, Response as TsgiResponse } from '../dist/index.js';
import { toFetchHandler } from '../dist/adapters/fetch/index.js';
import { HELLO, MESSAGE } from './servers/listen.js';

const framework = (globalThis.Deno ? Deno.args : process.argv.slice(2))[0] ?? 'tsgi';

function tsgiHandler() {
  const notFound = () => new TsgiResponse('Not Found', { status: 404 });
  const app = TsgiRequest.application((req) => {
    if (req.method !== 'GET') return notFound();
    if (req.path === '/hello') return new TsgiResponse(HELLO);
    if (req.path === '/json') return TsgiResponse.json(MESSAGE);
    return notFound();
  });
  return toFetchHandler(app);
}

function tsgiRawHandler() {
  const encoder = new TextEncoder();
  const hello = encoder.encode(HELLO);
  const app = (environ, startResponse) => {
    if (environ.PATH_INFO === '/hello') {
      startResponse('200 OK', [['Content-Type', 'text/plain; charset=utf-8']]);
      return [hello];
    }
    if (environ.PATH_INFO === '/json') {
      startResponse('200 OK', [['Content-Type', 'application/json']]);
      return [encoder.encode(JSON.stringify(MESSAGE))];
    }
    startResponse('404 Not Found', [['Content-Type', 'text/plain; charset=utf-8']]);
    return [encoder.encode('Not Found')];
  };
  return toFetchHandler(app);
}

function honoHandler() {
  const app = new Hono();
  app.get('/hello', (c) => c.text(HELLO));
  app.get('/json', (c) => c.json(MESSAGE));
  return app.fetch;
}

const handler = { tsgi: tsgiHandler, 'tsgi-raw': tsgiRawHandler, hono: honoHandler }[framework]();
if (!handler) throw new Error(`unknown framework ${framework}`);

if (globalThis.Bun) {
  const server = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: (request) => handler(request) });
  console.log(`listening on http://127.0.0.1:${server.port}/`);
} else {
  Deno.serve(
    { hostname: '127.0.0.1', port: 0, onListen: ({ port }) => console.log(`listening on http://127.0.0.1:${port}/`) },
    (request) => handler(request),
  );
}
