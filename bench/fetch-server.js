// One Fetch-API server for bench/fetch.js, run by Bun or Deno (workerd runs the same apps from a
// bundle, see bench/lib.js):
//   bun bench/fetch-server.js <tsgi|tsgi-raw|hono>
//   deno run --allow-net --allow-read --allow-env bench/fetch-server.js <tsgi|tsgi-raw|hono>
// Prints `listening on http://127.0.0.1:PORT/` once it accepts connections. TSGI_DIST=/path/to/dist
// serves another build of tsgi (a copy of an older dist/, to compare builds with bench/ab.js).
import { Hono } from 'hono';
import { fetchHandler } from './fetch-apps.js';

const env = (name) => (globalThis.Deno ? Deno.env.get(name) : process.env[name]);
const framework = (globalThis.Deno ? Deno.args : process.argv.slice(2))[0] ?? 'tsgi';
const dist = env('TSGI_DIST') ? `file://${env('TSGI_DIST').replace(/\/?$/, '/')}` : new URL('../dist/', import.meta.url).href;
const { Request, Response, TextBody } = await import(`${dist}index.js`);
const { toFetchHandler } = await import(`${dist}adapters/fetch/index.js`);

const handler = fetchHandler(framework, { Hono, Request, Response, TextBody, toFetchHandler });

// Leave through exit() on SIGTERM, so that `--cpu-prof` writes its profile.
if (globalThis.Deno) Deno.addSignalListener('SIGTERM', () => Deno.exit(0));
else process.on('SIGTERM', () => process.exit(0));

if (globalThis.Bun) {
  const server = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: (request) => handler(request) });
  console.log(`listening on http://127.0.0.1:${server.port}/`);
} else {
  Deno.serve(
    { hostname: '127.0.0.1', port: 0, onListen: ({ port }) => console.log(`listening on http://127.0.0.1:${port}/`) },
    (request) => handler(request),
  );
}
