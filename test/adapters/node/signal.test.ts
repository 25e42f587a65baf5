/**
 * `tsgi.signal` on node:http (spec rules 3.20 and 8.4): a body or handler waiting for an event that
 * never comes learns that the client left, on a real server on 127.0.0.1.
 */
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { App, Environ } from '../../../src/gateway.js';
import { Request } from '../../../src/request/request.js';
import { Response } from '../../../src/response/response.js';
import { proxyFix } from '../../../src/middleware/proxy-fix.js';
import type { RunningServer } from '../../../src/adapters/node/index.js';
import { bytes, listen, sleep, waitFor } from './helpers.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Resolves when `signal` aborts; never otherwise. The event the app waits for never comes. */
function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** Opens a connection, sends a GET, and resolves once `marker` has arrived (at once for `''`). */
function openStream(port: number, path: string, marker: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
      if (marker === '') resolve(socket);
    });
    let seen = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      seen += chunk;
      if (seen.includes(marker)) resolve(socket);
    });
    socket.on('error', reject);
  });
}

describe('tsgi.signal on node:http', () => {
  it('releases an event stream waiting for an event that never comes within 50 ms of each disconnect', async () => {
    const released: number[] = [];
    // An SSE body: after the first event it waits for the next, which never comes, unless aborted.
    const app: App = async function* (environ, startResponse) {
      const signal = environ['tsgi.signal']!;
      startResponse('200 OK', [['Content-Type', 'text/event-stream']]);
      try {
        yield bytes('data: ready\n\n');
        await aborted(signal);
      } finally {
        released.push(performance.now());
      }
    };
    server = await listen(app);
    const delays: number[] = [];
    for (let i = 0; i < 20; i++) {
      const socket = await openStream(server.port, '/events', 'data: ready');
      const left = performance.now();
      socket.destroy();
      await waitFor(() => released.length === i + 1, 2000, `cleanup after disconnect ${i + 1}`);
      delays.push(released[i] - left);
    }
    expect(released).toHaveLength(20);
    expect(Math.max(...delays)).toBeLessThan(50);
  });

  it('aborts req.signal of a long poll that has not answered yet, and not of one that has', async () => {
    const outcomes: string[] = [];
    const app = Request.application(async (req) => {
      if (req.path === '/quick') {
        const signal = req.signal;
        setTimeout(() => outcomes.push(`quick aborted=${signal.aborted}`), 100);
        return new Response('ok');
      }
      const start = performance.now();
      await aborted(req.signal);
      outcomes.push(`poll aborted after ${Math.round(performance.now() - start)} ms`);
      return new Response('never sent');
    });
    server = await listen(app);
    const quick = await openStream(server.port, '/quick', 'ok');
    quick.destroy(); // after the response: too late to abort anything
    const poll = await openStream(server.port, '/poll', '');
    await sleep(100);
    const left = performance.now();
    poll.destroy();
    await waitFor(() => outcomes.length === 2, 2000, 'the poll to end');
    const cleanup = performance.now() - left;
    expect(outcomes[0]).toBe('quick aborted=false');
    expect(outcomes[1]).toMatch(/^poll aborted after \d+ ms$/);
    expect(cleanup).toBeLessThan(50);
  });

  it('keeps the signal unmade until read, also through proxyFix, and aborts the copy it gave the app', async () => {
    const seen: Array<{ lazy: boolean; aborted: boolean }> = [];
    const inner: App = async function* (environ: Environ, startResponse) {
      // Not made yet: the key is the accessor the environ inherits, not a value of its own.
      const lazy = !Object.hasOwn(environ, 'tsgi.signal') && 'tsgi.signal' in environ;
      startResponse('200 OK', [['Content-Type', 'text/plain']]);
      yield bytes('first\n');
      const signal = environ['tsgi.signal']!;
      await aborted(signal);
      seen.push({ lazy, aborted: signal.aborted });
    };
    server = await listen(proxyFix(inner));
    const socket = await openStream(server.port, '/', 'first');
    socket.destroy();
    await waitFor(() => seen.length === 1, 2000, 'cleanup');
    expect(seen).toEqual([{ lazy: true, aborted: true }]);
  });

  it('aborts the signal when a shutdown gives up on a request still waiting', async () => {
    let reason: unknown;
    const app: App = async (environ, startResponse) => {
      const signal = environ['tsgi.signal']!;
      await aborted(signal);
      reason = signal.reason;
      startResponse('200 OK', []);
      return [];
    };
    server = await listen(app, { shutdownTimeout: 100 });
    const pending = fetch(`${server.url}/`).catch(() => 'cut');
    await sleep(50);
    const started = performance.now();
    await server.close();
    server = undefined;
    expect(await pending).toBe('cut');
    await waitFor(() => reason !== undefined, 2000, 'the abort');
    expect((reason as Error).name).toBe('AbortError');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
