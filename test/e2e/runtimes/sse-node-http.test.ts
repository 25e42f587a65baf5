/**
 * The server-sent event checks of `sse-checks.ts` on node:http through `serve` from `tsgi/node`
 * (the Fetch bridge of `node.test.ts` runs them too, through `runtimeSuite`).
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { serve, type RunningServer } from '../../../src/adapters/node/index.js';
import { app } from '../../../examples/runtimes/app.js';
import { fetchClient, sseChecks, type SseClient } from './sse-checks.js';

describe('examples/runtimes SSE feed on node:http (serve)', () => {
  let server: RunningServer | undefined;
  let client: SseClient | null = null;
  beforeAll(async () => {
    server = await serve(app, { port: 0, host: '127.0.0.1', accessLog: false });
    client = fetchClient(server.url);
  });
  afterAll(async () => {
    await server?.close();
  });
  sseChecks(() => client);
});
