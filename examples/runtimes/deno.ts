// examples/runtimes/deno.ts: run with `deno run --allow-net --allow-env examples/runtimes/deno.ts`.
import { toFetchHandler } from '../../src/adapters/fetch/index.js';
import { app } from './app.js';

const handler = toFetchHandler(app);
Deno.serve(
  {
    hostname: Deno.env.get('HOST') ?? '127.0.0.1',
    port: Number(Deno.env.get('PORT') ?? 8000),
    onListen: ({ port }) => console.log(`listening on http://127.0.0.1:${port}/`),
  },
  // Deno's `info` holds `remoteAddr: { hostname, port }`: toFetchHandler reads it as it is.
  (request, info) => handler(request, info),
);
