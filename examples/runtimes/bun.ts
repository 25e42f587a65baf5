/**
 * Bun entry: `bun examples/runtimes/bun.ts` (PORT=8000 by default; PORT=0 picks a free port).
 * In your project, import from 'tsgi/fetch' instead of the source tree.
 */
import { toFetchHandler } from '../../src/adapters/fetch/index.js';
import { app } from './app.js';

// Bun's own types are not installed in this repository: the little that is used, declared here.
declare const Bun: {
  serve(options: {
    hostname: string;
    port: number;
    fetch(request: Request, server: { requestIP(request: Request): { address: string; port: number } | null }): Promise<Response>;
  }): { port: number; stop(): void };
};
declare const process: { env: Record<string, string | undefined> };

const handler = toFetchHandler(app);
const server = Bun.serve({
  hostname: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 8000),
  fetch: (request, bunServer) => handler(request, { remoteAddr: bunServer.requestIP(request) }),
});
console.log(`listening on http://127.0.0.1:${server.port}/`);
