/**
 * The server-sent event assertions every server must pass with the feed of
 * `examples/realtime/sse.ts`, mounted at `/sse` of `examples/runtimes/app.ts`: the same checks
 * through the test client, node:http (`serve`), and Bun, Deno and workerd (`runtimeSuite`).
 */
import { expect, it } from 'vitest';
import type { App } from '../../../src/gateway.js';
import { Client } from '../../../src/adapters/test/index.js';
import { readEventStream } from '../../../src/response/event-stream/read.js';
import type { ParsedEvent } from '../../../src/http/sse-parse.js';

/** One open response, whatever the server: its head, its body's chunks, and a way to leave. */
export interface OpenResponse {
  status: number;
  header(name: string): string | null;
  chunks: AsyncIterable<Uint8Array>;
  /** The client goes away (closes the connection, cancels the stream). */
  leave(): Promise<void>;
}

/** How the checks reach a server. */
export interface SseClient {
  open(path: string, headers?: Record<string, string>): Promise<OpenResponse>;
  json(path: string): Promise<unknown>;
}

/** A client over HTTP with `fetch`, for a server listening at `base`. */
export function fetchClient(base: string): SseClient {
  return {
    async open(path, headers = {}) {
      const controller = new AbortController();
      const res = await fetch(`${base}${path}`, { headers, signal: controller.signal });
      return {
        status: res.status,
        header: (name) => res.headers.get(name),
        chunks: bodyChunks(res.body),
        async leave() {
          controller.abort();
          await res.body?.cancel().catch(() => undefined);
        },
      };
    },
    json: async (path) => (await fetch(`${base}${path}`)).json(),
  };
}

/** A response body's chunks; leaving the loop cancels the body. */
async function* bodyChunks(body: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array> {
  if (body === null) return;
  const reader = body.getReader();
  try {
    for (let step = await reader.read(); !step.done; step = await reader.read()) yield step.value;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** A client in process, through tsgi's test client (event streams come unbuffered). */
export function testClient(app: App): SseClient {
  const client = new Client(app);
  return {
    async open(path, headers = {}) {
      const res = await client.get(path, { headers });
      return {
        status: res.statusCode,
        header: (name) => res.headers.get(name) ?? null,
        chunks: res.chunks(),
        leave: () => res.close(),
      };
    },
    json: async (path) => (await client.get(path)).json(),
  };
}

/** Every event to the end, each with the ms since `started` at which it arrived. */
async function readAll(res: OpenResponse, started: number): Promise<Array<ParsedEvent & { at: number }>> {
  const events: Array<ParsedEvent & { at: number }> = [];
  for await (const event of readEventStream(res.chunks)) events.push({ ...event, at: performance.now() - started });
  return events;
}

async function openCount(client: SseClient): Promise<number> {
  return ((await client.json('/sse/open')) as { open: number }).open;
}

/**
 * How soon an idle feed must be closed after its client leaves. Where the host tells the app at
 * once (tsgi.signal, or a cancelled body), within 100 ms whatever the heartbeat. workerd tells it
 * only when a write fails, so there the next heartbeat is what finds the disconnect.
 */
export interface IdleCleanup {
  /** The feed's heartbeat for this check, in ms. Default 15,000 (the stream's default). */
  heartbeat?: number;
  /** The bound, in ms from the client leaving to the feed's onClose having run. */
  withinMs: number;
}

/**
 * The checks, as vitest `it`s. `client()` returns null when the server could not start (the test is
 * then skipped).
 */
export function sseChecks(client: () => SseClient | null, cleanup: IdleCleanup = { withinMs: 100 }): void {
  const cleanupMs = cleanup.withinMs;
  const live = (skip: () => void): SseClient => {
    const c = client();
    if (c === null) skip();
    return c!;
  };

  it('SSE: sends events as they come, with the event-stream headers and no compression', async (ctx) => {
    const c = live(() => ctx.skip());
    const started = performance.now();
    const res = await c.open('/sse/feed?count=3&interval=150', { 'Accept-Encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.header('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(res.header('cache-control')).toBe('no-cache');
    expect(res.header('x-accel-buffering')).toBe('no');
    expect(res.header('content-length')).toBeNull();
    expect(res.header('content-encoding')).toBeNull();
    const events = await readAll(res, started);
    expect(events.map(({ event, id, data }) => ({ event, id, data }))).toEqual([
      { event: 'tick', id: '1', data: '1\nof 3' },
      { event: 'tick', id: '2', data: '2\nof 3' },
      { event: 'tick', id: '3', data: '3\nof 3' },
    ]);
    // 150 ms apart, each arrived when it was sent: nothing held them until the end.
    expect(events[2].at - events[0].at).toBeGreaterThan(200);
  });

  it('SSE: resumes after Last-Event-ID, ignores one it could not have sent, answers 204 when done', async (ctx) => {
    const c = live(() => ctx.skip());
    const ids = async (headers: Record<string, string>) =>
      (await readAll(await c.open('/sse/feed?count=3&interval=1', headers), 0)).map((event) => event.id);
    expect(await ids({ 'Last-Event-ID': '1' })).toEqual(['2', '3']);
    expect(await ids({ 'Last-Event-ID': 'abc' })).toEqual(['1', '2', '3']);
    expect(await ids({ 'Last-Event-ID': '9'.repeat(2000) })).toEqual(['1', '2', '3']);
    const done = await c.open('/sse/feed?count=3', { 'Last-Event-ID': '3' });
    expect(done.status).toBe(204);
  });

  it('SSE: sends retry first, then per-connection batches', async (ctx) => {
    const c = live(() => ctx.skip());
    const events = await readAll(await c.open('/sse/feed?count=5&per=2&interval=1&retry=100'), 0);
    expect(events.map((event) => [event.id, event.retry])).toEqual([['1', 100], ['2', 100]]);
  });

  it('SSE: sends a heartbeat comment while idle', async (ctx) => {
    const c = live(() => ctx.skip());
    const res = await c.open('/sse/feed?count=0&heartbeat=50');
    const decoder = new TextDecoder();
    let text = '';
    for await (const chunk of res.chunks) {
      text += decoder.decode(chunk, { stream: true });
      if (text.split(':\n').length > 2) break; // the opening line and a heartbeat
    }
    expect(text).toBe(':\n:\n');
    await res.leave();
  });

  const idleHeartbeat = cleanup.heartbeat ?? 15_000;
  it(`SSE: closes an idle feed (heartbeat ${idleHeartbeat} ms) within ${cleanupMs} ms of the client leaving`, async (ctx) => {
    const c = live(() => ctx.skip());
    // Earlier checks' streams have all ended or been left; wait for their cleanup to be counted.
    for (const deadline = Date.now() + 2000; (await openCount(c)) !== 0 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 10));
    const res = await c.open(`/sse/feed?count=0&heartbeat=${idleHeartbeat}`);
    expect(res.status).toBe(200);
    expect(await openCount(c)).toBe(1);
    const left = performance.now();
    await res.leave();
    let open = 1;
    while (open !== 0 && performance.now() - left < 5000) {
      open = await openCount(c);
      if (open !== 0) await new Promise((r) => setTimeout(r, 5));
    }
    expect(open).toBe(0);
    expect(performance.now() - left).toBeLessThan(cleanupMs);
  });
}
