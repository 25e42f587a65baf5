/**
 * The WebSocket checks of `websocket-checks.ts` in process, through tsgi's test client: the same
 * app and assertions as on node:http, Bun, Deno and workerd.
 */
import { describe } from 'vitest';
import { app } from '../../../examples/runtimes/app.js';
import { inProcessClient, websocketChecks } from './websocket-checks.js';

describe('examples/runtimes chat WebSocket in the test client', () => {
  const client = inProcessClient(app);
  websocketChecks(() => client);
});
