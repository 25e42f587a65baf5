/**
 * Server-sent events on a real node:http server on 127.0.0.1: an idle stream is cleaned up as
 * soon as its client disconnects, heartbeats reach the wire, and a client that stops reading does
 * not make the server hold every event the app pushes.
 */
import { connect as connectHttp2 } from 'node:http2';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Request } from '../../../src/request/request.js';
import { Response } from '../../../src/response/response.js';
import type { EventStream } from '../../../src/response/event-stream/stream.js';
import { serve, type RunningServer } from '../../../src/adapters/node/index.js';
import { feed } from '../../../examples/realtime/sse.js';
import { listen, sleep, waitFor } from './helpers.js';

/** Heap plus ArrayBuffers: event bytes live outside the JavaScript heap. */
const memory = () => process.memoryUsage().heapUsed + process.memoryUsage().external;

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Opens a connection, sends a GET, and resolves once `marker` has arrived. */
function openStream(port: number, path: string, marker: string, headers = ''): Promise<{ socket: Socket; seen: () => string }> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n${headers}\r\n`));
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      seen += chunk;
      if (seen.includes(marker)) resolve({ socket, seen: () => seen });
    });
    socket.on('error', reject);
  });
}

describe('server-sent events on node:http', () => {
  it('cleans an idle stream up within 100 ms of each disconnect', async () => {
    const closed: number[] = [];
    const app = Request.application(() =>
      Response.eventStream((stream) => {
        void stream.send({ event: 'ready', data: 'go' });
        stream.onClose(() => closed.push(performance.now()));
      }),
    );
    server = await listen(app);
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { socket, seen } = await openStream(server.port, '/events', 'data: go\n\n');
      expect(seen()).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
      expect(seen()).toMatch(/\r\ncontent-type: text\/event-stream; charset=utf-8\r\n/i);
      expect(seen()).toMatch(/\r\ncache-control: no-cache\r\n/i);
      expect(seen()).toMatch(/\r\nx-accel-buffering: no\r\n/i);
      expect(seen()).not.toMatch(/\r\ncontent-length:/i);
      await sleep(20); // idle: the app sends nothing more
      const left = performance.now();
      socket.destroy();
      await waitFor(() => closed.length === i + 1, 1000);
      delays.push(closed[i] - left);
    }
    expect(Math.max(...delays)).toBeLessThan(100);
  });

  it("the example feed: Last-Event-ID resumes, an idle feed's onClose runs when the client leaves", async () => {
    server = await listen(feed);
    const { socket, seen } = await openStream(server.port, '/feed?count=3&interval=1', '\r\n0\r\n\r\n', 'Last-Event-ID: 1\r\n');
    socket.destroy();
    expect(seen()).toContain('id: 2\ndata: 2\ndata: of 3\n\n');
    expect(seen()).toContain('id: 3\n');
    expect(seen()).not.toContain('id: 1\n');
    const idle = await openStream(server.port, '/feed?count=0', ':\n');
    expect(await (await fetch(`${server.url}/open`)).json()).toEqual({ open: 1 });
    idle.socket.destroy();
    let open = 1;
    for (const deadline = Date.now() + 1000; open !== 0 && Date.now() < deadline; await sleep(10)) {
      open = ((await (await fetch(`${server.url}/open`)).json()) as { open: number }).open;
    }
    expect(open).toBe(0);
  });

  it('streams over HTTP/2 (which forbids hop-by-hop headers) and cleans up when the stream is reset', async () => {
    const h2 = await serve(feed, { port: 0, host: '127.0.0.1', http2: true });
    const session = connectHttp2(h2.url);
    try {
      const read = (path: string) =>
        new Promise<{ headers: Record<string, unknown>; body: string }>((resolve, reject) => {
          const stream = session.request({ ':path': path });
          let body = '';
          let headers: Record<string, unknown> = {};
          stream.setEncoding('utf8');
          stream.on('response', (h) => (headers = h));
          stream.on('data', (chunk: string) => (body += chunk));
          stream.on('end', () => resolve({ headers, body }));
          stream.on('error', reject);
        });
      const { headers, body } = await read('/feed?count=2&interval=1');
      expect(headers[':status']).toBe(200);
      expect(headers['content-type']).toBe('text/event-stream; charset=utf-8');
      expect(body).toBe(':\nevent: tick\nid: 1\ndata: 1\ndata: of 2\n\nevent: tick\nid: 2\ndata: 2\ndata: of 2\n\n');
      const idle = session.request({ ':path': '/feed?count=0' });
      await new Promise((resolve) => idle.once('data', resolve));
      expect(JSON.parse((await read('/open')).body)).toEqual({ open: 1 });
      const left = performance.now();
      idle.close(); // RST_STREAM: the client leaves this stream, the connection stays
      let open = 1;
      while (open !== 0 && performance.now() - left < 1000) open = JSON.parse((await read('/open')).body).open;
      expect(open).toBe(0);
      expect(performance.now() - left).toBeLessThan(100);
    } finally {
      session.close();
      await h2.close();
    }
  });

  it('sends a heartbeat comment when idle', async () => {
    server = await listen(Request.application(() => Response.eventStream(() => {}, { heartbeat: 50 })));
    const started = performance.now();
    // Chunked framing: the opening line, then a heartbeat, each the 2 bytes ':\n'.
    const { socket, seen } = await openStream(server.port, '/', '\r\n2\r\n:\n\r\n2\r\n:\n\r\n');
    socket.destroy();
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(seen()).toMatch(/\r\n\r\n2\r\n:\n\r\n2\r\n:\n\r\n$/);
  });

  it('holds at most queueSize events for a client that stops reading while the app pushes 100,000', async () => {
    let stream!: EventStream;
    let pushed = 0;
    const payload = 'x'.repeat(1024);
    const app = Request.application(() =>
      Response.eventStream(
        async (s) => {
          stream = s;
          for (let i = 0; i < 100_000 && !s.closed; i++) {
            void s.send({ id: String(i), data: payload }); // a push source: it does not wait
            pushed++;
            if (i % 1000 === 999) await sleep(1);
          }
          s.close();
        },
        { queueSize: 100, heartbeat: false },
      ),
    );
    server = await listen(app);
    const before = memory();
    const { socket, seen } = await openStream(server.port, '/', '\r\n\r\n');
    socket.pause(); // the slow client: it reads nothing while the app pushes
    let peak = 0;
    await waitFor(() => {
      peak = Math.max(peak, memory() - before);
      expect(stream.queued).toBeLessThanOrEqual(100);
      return pushed === 100_000;
    }, 30_000);
    peak = Math.max(peak, memory() - before);
    // The socket and kernel buffers hold some events; the queue holds 100; the rest were dropped.
    expect(stream.dropped).toBeGreaterThan(80_000);
    // 100,000 queued events of 1 KiB would be over 100 MB.
    expect(peak).toBeLessThan(48 * 1024 * 1024);
    socket.resume();
    await waitFor(() => seen().endsWith('\r\n0\r\n\r\n'), 10_000);
    socket.destroy();
    expect(seen()).toContain('id: 99999\n');
  }, 60_000);
});
