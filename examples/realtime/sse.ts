/**
 * A server-sent events feed, the same code on node:http, Bun, Deno, workerd and in the test client
 * (test/e2e/runtimes mounts it at /sse of examples/runtimes/app.ts). Web-standard imports only.
 *
 * - `GET /feed?count=N&per=P&interval=MS&retry=MS&heartbeat=MS` sends `tick` events with ids 1 to N,
 *   `interval` ms apart, starting after the `Last-Event-ID` a reconnecting browser sends; after
 *   `per` events it closes, and the browser reconnects (after `retry` ms) where it left off. Once
 *   every event was sent, the next request is answered 204: the browser stops reconnecting.
 *   `count=0` is a feed that stays open and idle (heartbeats only) until the client leaves.
 * - `GET /open`: how many feeds are open now (each stream's `onClose` counts it out).
 * - `GET /seen`: the `Last-Event-ID` of each feed request so far (`null` when it sent none).
 * @module
 */
import { Request, Response } from '../../src/index.js';

let open = 0;
const seen: Array<string | null> = [];

/** A query argument as a non-negative integer, else `fallback`. */
function intArg(req: Request, name: string, fallback: number): number {
  const value = req.args.get(name);
  return value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : fallback;
}

/** Waits `ms`, or less when `signal` aborts first (the client left): a sleep that never outlives its stream. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

export const feed = Request.application((req) => {
  if (req.path === '/open') return Response.json({ open });
  if (req.path === '/seen') return Response.json(seen);
  if (req.path !== '/feed') return new Response('not found\n', { status: 404 });

  const count = intArg(req, 'count', 5);
  const per = intArg(req, 'per', count) || count;
  const interval = intArg(req, 'interval', 10);
  // Last-Event-ID is the client's word: only an id this feed could have sent is taken.
  const lastId = req.lastEventId;
  const after = lastId !== undefined && /^\d{1,9}$/.test(lastId) && Number(lastId) <= count ? Number(lastId) : 0;
  if (seen.length < 1000) seen.push(lastId ?? null);
  if (count > 0 && after >= count) return new Response(null, { status: 204 });

  const retry = req.args.has('retry') ? intArg(req, 'retry', 1000) : undefined;
  const heartbeat = intArg(req, 'heartbeat', 15_000);
  return Response.eventStream(
    async (stream) => {
      open++;
      stream.onClose(() => open--);
      if (count === 0) return; // idle: the stream stays open until the client leaves
      const last = Math.min(count, after + per);
      for (let n = after + 1; n <= last && !stream.closed; n++) {
        await stream.send({ event: 'tick', id: String(n), data: `${n}\nof ${count}` });
        if (n < last) await sleep(interval, stream.signal);
      }
      stream.close();
    },
    { retry, heartbeat },
  );
});

export default feed;
