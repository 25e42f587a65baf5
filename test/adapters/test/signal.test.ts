/**
 * `tsgi.signal` in the test client (spec rules 3.20 and 8.4): closing a streamed response whose app
 * waits for an event that never comes releases the app at once.
 */
import { describe, expect, it } from 'vitest';
import type { App } from '../../../src/gateway.js';
import { Client } from '../../../src/adapters/test/index.js';
import { Request } from '../../../src/request/request.js';
import { Response } from '../../../src/response/response.js';

const encoder = new TextEncoder();

/** Resolves when `signal` aborts; never otherwise. The event the app waits for never comes. */
function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

function within<T>(ms: number, promise: Promise<T>): Promise<T | 'timed out'> {
  return Promise.race([promise, new Promise<'timed out'>((resolve) => setTimeout(() => resolve('timed out'), ms))]);
}

describe('tsgi.signal in the test client', () => {
  it('releases a stream waiting for an event that never comes within 50 ms of close()', async () => {
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
    const res = await new Client(app).get('/events', { buffered: false });
    const chunks = res.chunks();
    expect(new TextDecoder().decode((await chunks.next()).value)).toBe('data: ready\n\n');
    // The test waits for the next event, then gives up on it: next() is pending when it closes.
    const next = chunks.next();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const left = performance.now();
    expect(await within(1000, res.close())).toBeUndefined();
    expect(released).toBeGreaterThan(0);
    expect(released - left).toBeLessThan(50);
    expect(await within(1000, next)).toEqual({ done: true, value: undefined });
    expect(res.isOpen).toBe(false);
  });

  it('aborts req.signal when the test breaks out of the stream, not when it reads it to the end', async () => {
    const states: boolean[] = [];
    const app = Request.application((req) => {
      const signal = req.signal;
      return new Response(
        (async function* () {
          try {
            yield encoder.encode('a');
            if (req.path === '/short') return;
            await aborted(signal);
          } finally {
            states.push(signal.aborted);
          }
        })(),
      );
    });
    const client = new Client(app);
    expect(await (await client.get('/short')).text()).toBe('a');
    const res = await client.get('/long', { buffered: false });
    for await (const chunk of res.chunks()) {
      expect(chunk).toEqual(encoder.encode('a'));
      break;
    }
    expect(states).toEqual([false, true]);
  });

  it("aborts the app's signal when the signal the test gave aborts (a client that leaves)", async () => {
    const controller = new AbortController();
    const app = Request.application(async (req) => {
      await aborted(req.signal);
      return new Response(`stopped: ${req.signal.aborted}`);
    });
    const pending = new Client(app).get('/poll', { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    expect(await (await pending).text()).toBe('stopped: true');
  });
});
