/**
 * The WebSocket checks of `websocket-checks.ts` on node:http through `serve` from `tsgi/node`,
 * with the `ws` package as the client (the Fetch bridge of `node.test.ts` has no upgrade
 * mechanism, and checks that the app answers 501 there).
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { serve, type RunningServer } from '../../../src/adapters/node/index.js';
import { app } from '../../../examples/runtimes/app.js';
import { websocketChecks, wsClient, type WsClient } from './websocket-checks.js';

describe('examples/runtimes chat WebSocket on node:http (serve)', () => {
  let server: RunningServer | undefined;
  let client: WsClient | null = null;
  beforeAll(async () => {
    server = await serve(app, { port: 0, host: '127.0.0.1', accessLog: false });
    client = wsClient(server.url);
  });
  afterAll(async () => {
    await server?.close();
  });
  websocketChecks(() => client);
});
