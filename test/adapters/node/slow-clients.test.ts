/**
 * Slow clients against `serve`'s limits (limits.ts, docs/security.md): a slowloris of header and
 * body drips is cut at the configured timeouts while ordinary requests keep being served, and
 * connections past `maxConnections` are closed as they come. Short timeouts, set for the test.
 */
import http from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/gateway.js';
import type { RunningServer } from '../../../src/adapters/node/index.js';
import { bytes, listen, sleep } from './helpers.js';

let server: RunningServer | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await server?.close();
  server = undefined;
});

/** Reads the whole body, then answers with its length. */
const app: App = async (environ, startResponse) => {
  let size = 0;
  for await (const chunk of environ['tsgi.input']) size += chunk.byteLength;
  startResponse('200 OK', [['Content-Type', 'text/plain']]);
  return [bytes(`read ${size}\n`)];
};

interface Drip {
  /** ms from the connection to its close by the server; NaN while open. */
  closedAfter: number;
}

/** A connection that sends `head`, then one more byte every `everyMs`, until the server closes it. */
function drip(port: number, head: string, everyMs: number): Drip {
  const state: Drip = { closedAfter: Number.NaN };
  const started = performance.now();
  const socket = connect(port, '127.0.0.1', () => socket.write(head));
  sockets.push(socket);
  const timer = setInterval(() => socket.writable && socket.write('a'), everyMs);
  socket.on('error', () => undefined);
  socket.on('close', () => {
    clearInterval(timer);
    state.closedAfter = performance.now() - started;
  });
  return state;
}

/** Ordinary GETs on fresh connections, one after another, until `until` resolves. */
async function ordinaryRequests(port: number, until: Promise<unknown>): Promise<Array<{ status: number; ms: number }>> {
  let running = true;
  void until.then(() => (running = false));
  const results: Array<{ status: number; ms: number }> = [];
  while (running) {
    const started = performance.now();
    const status = await new Promise<number>((resolve) => {
      const request = http.get({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      request.on('error', () => resolve(0));
      request.setTimeout(2000, () => request.destroy());
    });
    results.push({ status, ms: performance.now() - started });
    await sleep(20);
  }
  return results;
}

describe('serve against slow clients', () => {
  it('cuts 100 header drips at headersTimeout and 50 body drips at requestTimeout, serving everyone else', async () => {
    const headersTimeout = 1000;
    const requestTimeout = 2000;
    // The body drips' reads fail when they are cut: the app's error reports are expected, not shown.
    server = await listen(app, { headersTimeout, requestTimeout, errors: { write: () => undefined } });
    const port = server.port;
    const heads = Array.from({ length: 100 }, () => drip(port, 'GET / HTTP/1.1\r\nHost: localhost\r\nX-Drip: ', 200));
    const bodies = Array.from({ length: 50 }, () => drip(port, 'POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000\r\n\r\n', 200));
    const allCut = (async () => {
      const deadline = performance.now() + 6000;
      while ([...heads, ...bodies].some((d) => Number.isNaN(d.closedAfter)) && performance.now() < deadline) await sleep(50);
    })();
    const ordinary = await ordinaryRequests(port, allCut);

    // Node looks every connectionsCheckingInterval (a tenth of the shorter timeout here, 100 ms).
    const headCuts = heads.map((d) => d.closedAfter);
    expect(Math.min(...headCuts)).toBeGreaterThanOrEqual(headersTimeout - 50);
    expect(Math.max(...headCuts)).toBeLessThan(headersTimeout + 700);
    const bodyCuts = bodies.map((d) => d.closedAfter);
    expect(Math.min(...bodyCuts)).toBeGreaterThanOrEqual(requestTimeout - 50);
    expect(Math.max(...bodyCuts)).toBeLessThan(requestTimeout + 700);

    expect(ordinary.length).toBeGreaterThan(20);
    expect(ordinary.filter((r) => r.status !== 200)).toEqual([]);
    expect(Math.max(...ordinary.map((r) => r.ms))).toBeLessThan(500);
  });

  it('closes connections past maxConnections as they come, and takes new ones once there is room', async () => {
    server = await listen(app, { maxConnections: 20 });
    const port = server.port;
    const idle = Array.from({ length: 30 }, () => drip(port, '', 60_000));
    await sleep(300);
    const refused = idle.filter((d) => !Number.isNaN(d.closedAfter));
    expect(refused).toHaveLength(10);
    for (const socket of sockets.splice(0)) socket.destroy();
    await sleep(100);
    const res = await fetch(`${server.url}/`);
    expect(await res.text()).toBe('read 0\n');
  });
});
