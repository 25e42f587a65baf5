/**
 * The server-sent event checks of `sse-checks.ts` in process, through tsgi's test client: the same
 * app and assertions as on node:http, Bun, Deno and workerd.
 */
import { describe } from 'vitest';
import { app } from '../../../examples/runtimes/app.js';
import { sseChecks, testClient } from './sse-checks.js';

describe('examples/runtimes SSE feed in the test client', () => {
  const client = testClient(app);
  sseChecks(() => client);
});
