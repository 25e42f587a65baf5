/**
 * `tsgi.signal` on the Fetch adapters (spec rule 3.20): `toFetchHandler` gives the app the
 * request's own signal (Bun and Deno abort it when the client goes away); `fromFetchHandler` makes
 * the wrapped handler's `request.signal` follow the environ's.
 */
import { describe, expect, it } from 'vitest';
import { fromFetchHandler, toFetchHandler } from '../../../src/adapters/fetch/index.js';
import type { App } from '../../../src/gateway.js';
import { createEnviron } from '../../../src/request/create-environ.js';

const encoder = new TextEncoder();

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

describe('tsgi.signal on the Fetch adapters', () => {
  it('toFetchHandler: a stream waiting for an event that never comes ends within 50 ms of the abort', async () => {
    let released = 0;
    const app: App = async function* (environ, startResponse) {
      startResponse('200 OK', [['Content-Type', 'text/event-stream']]);
      try {
        yield encoder.encode('data: ready\n\n');
        await aborted(environ['tsgi.signal']!);
      } finally {
        released = performance.now();
      }
    };
    const client = new AbortController();
    const response = await toFetchHandler(app)(new Request('http://localhost/events', { signal: client.signal }));
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: ready\n\n');
    const next = reader.read(); // the runtime waits for the next chunk
    await new Promise((resolve) => setTimeout(resolve, 20));
    const left = performance.now();
    client.abort(); // what Bun and Deno do when the client disconnects
    await reader.cancel();
    await next.catch(() => undefined);
    expect(released).toBeGreaterThan(0);
    expect(released - left).toBeLessThan(50);
  });

  it('toFetchHandler: the environ reads request.signal only when asked', () => {
    let reads = 0;
    const request = new Request('http://localhost/');
    const signal = request.signal;
    Object.defineProperty(request, 'signal', { get: () => (reads++, signal) });
    let environSignal: unknown;
    const app: App = (environ, startResponse) => {
      expect(reads).toBe(0);
      environSignal = environ['tsgi.signal'];
      startResponse('204 No Content', []);
      return [];
    };
    void toFetchHandler(app)(request);
    expect(reads).toBe(1);
    expect(environSignal).toBe(signal);
  });

  it("fromFetchHandler: the wrapped handler's request.signal aborts with the environ's", async () => {
    const server = new AbortController();
    let inner: AbortSignal | undefined;
    const app = fromFetchHandler(async (request) => {
      inner = request.signal;
      await aborted(request.signal);
      return new Response('stopped');
    });
    const pending = app(createEnviron('/poll', { signal: server.signal }), () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(inner?.aborted).toBe(false);
    server.abort();
    await pending;
    expect(inner?.aborted).toBe(true);
  });
});
