/**
 * Deno entry: `deno run --allow-net --allow-env --sloppy-imports examples/runtimes/deno.ts`
 * (PORT=8000 by default; PORT=0 picks a free port). In your project, import from 'tsgi/fetch'
 * (then `--sloppy-imports` is not needed; it only maps this repository's `.js` imports to `.ts`).
 */
import { toFetchHandler } from '../../src/adapters/fetch/index.js';
import { app } from './app.js';

// Deno's own types are not installed in this repository: the little that is used, declared here.
declare const Deno: {
  env: { get(name: string): string | undefined };
  serve(
    options: { hostname: string; port: number; onListen(address: { port: number }): void },
    handler: (request: Request, info: { remoteAddr: { hostname: string; port: number } }) => Promise<Response>,
  ): unknown;
};

const handler = toFetchHandler(app);
Deno.serve(
  {
    hostname: Deno.env.get('HOST') ?? '127.0.0.1',
    port: Number(Deno.env.get('PORT') ?? 8000),
    onListen: ({ port }) => console.log(`listening on http://127.0.0.1:${port}/`),
  },
  // Deno's `info` has `remoteAddr: { hostname, port }`: toFetchHandler reads it as is.
  (request, info) => handler(request, info),
);
