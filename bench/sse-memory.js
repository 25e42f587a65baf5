// Memory of a server-sent event stream whose client stops reading while the app pushes.
//   npm run build && node --expose-gc bench/sse-memory.js [events, default 100000]
// One node:http server and one raw-socket client in this process. The client reads the headers,
// then pauses (reads nothing) while the app pushes `events` events of 1 KiB each as fast as it
// can (yielding to the event loop every 1000, as a real push source would); then it resumes and
// reads to the end. Memory is heapUsed + external (event bytes live in ArrayBuffers, outside the
// JavaScript heap), sampled every 10 ms; "retained" is that after a full GC once the app has pushed
// everything (2 s for the awaiting producer, which cannot), minus before, the client still paused.
//
// Three producers:
//   drop-oldest  Response.eventStream, sends not awaited (a subscription callback), queueSize 1000
//   await        Response.eventStream, `await stream.send()` (back-pressure), queueSize 1000
//   unbounded    the naive stream: a ReadableStream whose start() enqueues every event at once,
//                ignoring desiredSize (what a push callback writing to a stream controller does)
import { connect } from 'node:net';
import { serve } from '../dist/adapters/node/index.js';
import { Request, Response } from '../dist/index.js';

if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
const EVENTS = Number(process.argv[2] ?? 100_000);
const payload = 'x'.repeat(1024);
const MiB = 1024 * 1024;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let done = () => {};
let dropped = 0;
let pushed = 0;
const memory = () => {
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
};

const producers = {
  'drop-oldest': () =>
    Response.eventStream(
      async (stream) => {
        for (let i = 0; i < EVENTS; i++) {
          void stream.send({ id: String(i), data: payload });
          pushed++;
          if (i % 1000 === 999) await sleep(0);
        }
        dropped = stream.dropped;
        done();
        stream.close();
      },
      { heartbeat: false },
    ),
  await: () =>
    Response.eventStream(
      async (stream) => {
        // Waits for room: pushing is as slow as the client, which is paused, so it stops early.
        for (let i = 0; i < EVENTS && !stream.closed; i++) {
          await stream.send({ id: String(i), data: payload });
          pushed++;
        }
        stream.close();
      },
      { heartbeat: false },
    ),
  unbounded: () => {
    const encoder = new TextEncoder();
    const body = new ReadableStream({
      async start(controller) {
        for (let i = 0; i < EVENTS; i++) {
          controller.enqueue(encoder.encode(`id: ${i}\ndata: ${payload}\n\n`));
          pushed++;
          if (i % 1000 === 999) await sleep(0);
        }
        done();
        controller.close();
      },
    });
    return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
  },
};

async function measure(name) {
  const server = await serve(Request.application(() => producers[name]()), { port: 0, host: '127.0.0.1', accessLog: false });
  const finished = new Promise((resolve) => (done = resolve));
  dropped = 0;
  pushed = 0;
  globalThis.gc();
  const before = memory();
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, memory() - before)), 10);
  let received = 0;
  let tail = '';
  let lastId = '?';
  let ended = false;
  const socket = connect(server.port, '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n'));
  socket.setEncoding('latin1');
  const first = new Promise((resolve) => socket.once('data', resolve));
  socket.on('data', (chunk) => {
    // Events may be split between reads: count on what is left of the last read plus this one.
    const text = tail + chunk;
    for (const match of text.matchAll(/\nid: (\d+)\n/g)) {
      received++;
      lastId = match[1];
    }
    ended = text.endsWith('\r\n0\r\n\r\n'); // the last chunk of a chunked response
    tail = text.slice(Math.max(text.lastIndexOf('\n'), text.length - 16));
  });
  await first;
  socket.pause();
  // The await producer never finishes while the client is paused: give it the time the others take.
  await Promise.race([finished, sleep(name === 'await' ? 2000 : 60_000)]);
  await sleep(50);
  const whilePaused = pushed;
  globalThis.gc();
  const retained = memory() - before;
  peak = Math.max(peak, retained);
  clearInterval(sampler);
  socket.resume();
  if (name === 'await') {
    await sleep(500);
    socket.destroy();
  } else {
    await new Promise((resolve) => socket.on('data', () => ended && resolve()));
    socket.destroy();
  }
  await server.close();
  console.log(
    `| ${name} | ${whilePaused} | +${(peak / MiB).toFixed(1)} MiB | +${(retained / MiB).toFixed(1)} MiB | ${received} | ${dropped} | ${lastId} |`,
  );
}

console.log(`node ${process.version}, ${EVENTS} events of 1 KiB, client paused while the app pushes\n`);
console.log('| producer | events pushed while paused | peak memory | retained after GC | events the client got | dropped | last id |');
console.log('|---|---|---|---|---|---|---|');
for (const name of ['drop-oldest', 'await', 'unbounded']) await measure(name);
