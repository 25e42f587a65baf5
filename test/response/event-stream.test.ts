/**
 * `Response.eventStream`: headers, the opening line, sending and closing, the bounded queue,
 * heartbeats, errors, and cleanup when the client leaves, through the test client (which runs
 * `lint`, so every response here is also checked against docs/spec.md).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { App, Body, Environ, StartResponse } from '../../src/gateway.js';
import { Client } from '../../src/adapters/test/index.js';
import { createEnviron } from '../../src/request/create-environ.js';
import { Request } from '../../src/request/request.js';
import { Response } from '../../src/response/response.js';
import { EventStream } from '../../src/response/event-stream/stream.js';
import { compress } from '../../src/middleware/compress.js';

const decoder = new TextDecoder();
/** Heap plus ArrayBuffers: event bytes live outside the JavaScript heap. */
const memory = () => process.memoryUsage().heapUsed + process.memoryUsage().external;
const text = (chunk: Uint8Array | undefined) => decoder.decode(chunk);
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** The body a served response hands its server, opened for pulling by hand. */
function serveRaw(res: Response, environ: Environ = createEnviron('/events')) {
  let started: { status: string; headers: Array<[string, string]> } | undefined;
  const startResponse: StartResponse = (status, headers) => {
    started = { status, headers };
  };
  const body = res(environ, startResponse) as Body;
  const iterator = (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  return { started: () => started!, iterator, environ };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Response.eventStream: headers', () => {
  it('sends text/event-stream with no-cache and X-Accel-Buffering, no length and no hop-by-hop header', async () => {
    const res = await new Client(Request.application(() => Response.eventStream([{ data: 'a' }]))).get('/');
    expect(res.statusCode).toBe(200);
    expect([...res.headers]).toEqual([
      ['Content-Type', 'text/event-stream; charset=utf-8'],
      ['Cache-Control', 'no-cache'],
      ['X-Accel-Buffering', 'no'],
    ]);
    for (const name of ['Content-Length', 'Connection', 'Keep-Alive', 'Transfer-Encoding']) expect(res.headers.has(name)).toBe(false);
    expect(await res.text()).toBe(':\ndata: a\n\n');
  });

  it('keeps a status and headers given in init, fixing only the Content-Type', async () => {
    const res = Response.eventStream([], {
      status: 201,
      headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain', 'X-Feed': 'news' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers.get('Content-Type')).toBe('text/event-stream; charset=utf-8');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(res.headers.get('X-Accel-Buffering')).toBe('no');
    expect(res.headers.get('X-Feed')).toBe('news');
  });

  it('names a misspelt option and refuses bad values', () => {
    expect(() => Response.eventStream([], { hearbeat: 5 } as never)).toThrow(/unknown option 'hearbeat' \(did you mean 'heartbeat'\?\)/);
    expect(() => Response.eventStream([], { heartbeat: 0 })).toThrow(TypeError);
    expect(() => Response.eventStream([], { queueSize: 0 })).toThrow(TypeError);
    expect(() => Response.eventStream([], { overflow: 'block' as never })).toThrow(TypeError);
    expect(() => Response.eventStream([], { retry: -5 })).toThrow(TypeError);
    expect(() => Response.eventStream('data: x' as never)).toThrow(TypeError);
  });
});

describe('Response.eventStream: sending', () => {
  it('opens with a comment, or with retry: when given, so the headers go out before any event', async () => {
    let release!: () => void;
    const app = Request.application((req) =>
      Response.eventStream(
        async (stream) => {
          await new Promise<void>((resolve) => (release = resolve));
          await stream.send('late');
          stream.close();
        },
        req.args.has('retry') ? { retry: 100 } : {},
      ),
    );
    const client = new Client(app);
    const plain = await client.get('/');
    const chunks = plain.chunks();
    expect(text((await chunks.next()).value)).toBe(':\n');
    release();
    expect(await plain.text()).toBe('data: late\n\n');
    const withRetry = await client.get('/?retry');
    expect(text((await withRetry.chunks().next()).value)).toBe('retry: 100\n\n');
    release();
    expect(await withRetry.text()).toBe('data: late\n\n');
    // The parser keeps the reconnection time the stream set, and says so on each event.
    const parsed = await client.get('/?retry');
    const events = [];
    setTimeout(() => release(), 5);
    for await (const event of parsed.events()) events.push(event);
    expect(events).toEqual([{ event: 'message', data: 'late', id: '', retry: 100 }]);
  });

  it('sends events in order, multi-line data as data: lines, and ends after close() with the queue flushed', async () => {
    const app = Request.application(() =>
      Response.eventStream((stream) => {
        void stream.send({ event: 'a', id: '1', data: 'x\r\ny' });
        void stream.comment('note');
        void stream.send('plain');
        stream.close();
        void stream.send('after close'); // refused: the stream is closed
      }),
    );
    const res = await new Client(app).get('/');
    expect(await res.text()).toBe(':\nevent: a\nid: 1\ndata: x\ndata: y\n\n: note\ndata: plain\n\n');
  });

  it('takes an iterable or async iterable of events and ends with it', async () => {
    const gen = async function* () {
      yield { id: '1', data: 'one' };
      await tick(1);
      yield 'two';
    };
    const res = await new Client(Request.application(() => Response.eventStream(gen()))).get('/');
    const events = [];
    for await (const event of res.events()) events.push(event);
    expect(events).toEqual([
      { event: 'message', data: 'one', id: '1' },
      { event: 'message', data: 'two', id: '1' },
    ]);
  });

  it('throws a TypeError from send() at once for an event that would not arrive as sent', async () => {
    const errors: unknown[] = [];
    const app = Request.application(() =>
      Response.eventStream((stream) => {
        for (const bad of [{ id: '1\n' }, { event: 'x\0' }, { retry: 1.5 }]) {
          try {
            void stream.send(bad);
          } catch (error) {
            errors.push(error);
          }
        }
        stream.close();
      }),
    );
    await (await new Client(app).get('/')).text();
    expect(errors).toHaveLength(3);
    for (const error of errors) expect(error).toBeInstanceOf(TypeError);
  });

  it('starts the producer only when the body is pulled: never for HEAD or a 204', async () => {
    let started = 0;
    let closed = 0;
    const app = Request.application((req) =>
      Response.eventStream(
        (stream) => {
          started++;
          stream.onClose(() => closed++);
        },
        { status: req.args.has('gone') ? 204 : 200 },
      ),
    );
    const client = new Client(app);
    const head = await client.head('/');
    expect(head.headers.get('Content-Type')).toBe('text/event-stream; charset=utf-8');
    expect(await head.text()).toBe('');
    const gone = await client.get('/?gone');
    expect(gone.statusCode).toBe(204);
    expect(await gone.text()).toBe('');
    expect(started).toBe(0);
    expect(closed).toBe(0);
  });
});

describe('Response.eventStream: the queue for a slow client', () => {
  it('send() resolves when there is room: a producer that awaits holds at most queueSize events', async () => {
    let stream!: EventStream;
    let sent = 0;
    let maxQueued = 0;
    const res = Response.eventStream(
      async (s) => {
        stream = s;
        for (let i = 0; i < 50; i++) {
          await s.send(String(i));
          sent++;
          maxQueued = Math.max(maxQueued, s.queued);
        }
        s.close();
      },
      { queueSize: 4 },
    );
    const { iterator } = serveRaw(res);
    let all = text((await iterator.next()).value); // the opening line, with what the producer queued at once
    await tick();
    expect(sent).toBeLessThan(5);
    expect(stream.queued).toBeLessThanOrEqual(4);
    for (let step = await iterator.next(); !step.done; step = await iterator.next()) all += text(step.value);
    expect(all).toBe(`:\n${Array.from({ length: 50 }, (_, i) => `data: ${i}\n\n`).join('')}`);
    expect(maxQueued).toBeLessThanOrEqual(4);
    expect(stream.dropped).toBe(0);
  });

  it("drops the oldest events for a producer that does not wait ('drop-oldest', the default)", async () => {
    let stream!: EventStream;
    const res = Response.eventStream(
      (s) => {
        stream = s;
        for (let i = 0; i < 10; i++) void s.send(String(i));
        s.close();
      },
      { queueSize: 3 },
    );
    const { iterator } = serveRaw(res);
    let all = '';
    for (let step = await iterator.next(); !step.done; step = await iterator.next()) all += text(step.value);
    expect(all).toBe(':\ndata: 7\n\ndata: 8\n\ndata: 9\n\n');
    expect(stream.dropped).toBe(7);
  });

  it("ends the stream instead with overflow: 'close', and later sends reject", async () => {
    let stream!: EventStream;
    const outcomes: string[] = [];
    const res = Response.eventStream(
      (s) => {
        stream = s;
        for (let i = 0; i < 5; i++) s.send(String(i)).then(() => outcomes.push(`${i} ok`), () => outcomes.push(`${i} refused`));
      },
      { queueSize: 3, overflow: 'close' },
    );
    const { iterator } = serveRaw(res);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    await tick();
    expect(stream.closed).toBe(true);
    expect(stream.signal.aborted).toBe(true);
    expect(String(stream.signal.reason)).toMatch(/read too slowly/);
    expect(outcomes).toEqual(['0 ok', '1 ok', '2 refused', '3 refused', '4 refused']);
  });

  it('keeps memory bounded while 100,000 1 KiB events are pushed at a client that reads slowly', async () => {
    const payload = 'x'.repeat(1024);
    let stream!: EventStream;
    const res = Response.eventStream(
      async (s) => {
        stream = s;
        for (let i = 0; i < 100_000; i++) {
          void s.send({ id: String(i), data: payload });
          if (i % 1000 === 999) await tick(); // the app yields now and then, as a real push source does
        }
        s.close();
      },
      { queueSize: 100 },
    );
    const { iterator } = serveRaw(res);
    const before = memory();
    let peak = 0;
    let lastId = '';
    let pulls = 0;
    for (let step = await iterator.next(); !step.done; step = await iterator.next()) {
      pulls++;
      if (pulls % 10 === 0) await tick(); // the slow reader
      peak = Math.max(peak, memory() - before, 0);
      for (const match of text(step.value).matchAll(/id: (\d+)\n/g)) lastId = match[1];
      expect(stream.queued).toBeLessThanOrEqual(100);
    }
    expect(lastId).toBe('99999');
    expect(stream.dropped).toBeGreaterThan(90_000);
    // Unbounded, 100,000 queued 1 KiB events would be over 100 MB, all of it live. The heap
    // measured here also holds garbage the collector has not reached yet (a CI run on a loaded
    // machine read 33.8 MB), so the bound is 64 MiB: half of what an unbounded queue keeps.
    expect(peak).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('Response.eventStream: heartbeats', () => {
  it('sends a comment after `heartbeat` ms without anything sent, not while events flow, and stops on close', async () => {
    vi.useFakeTimers();
    let stream!: EventStream;
    const res = Response.eventStream((s) => void (stream = s), { heartbeat: 1000 });
    const { iterator } = serveRaw(res);
    expect(text((await iterator.next()).value)).toBe(':\n');
    const pending = iterator.next();
    await vi.advanceTimersByTimeAsync(999);
    void stream.send('busy'); // something sent: the heartbeat waits for a full idle second
    expect(text((await pending).value)).toBe('data: busy\n\n');
    const heartbeat = iterator.next();
    let beat = false;
    void heartbeat.then(() => (beat = true));
    await vi.advanceTimersByTimeAsync(990);
    expect(beat).toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(text((await heartbeat).value)).toBe(':\n');
    expect(vi.getTimerCount()).toBe(1);
    stream.close();
    expect(vi.getTimerCount()).toBe(0);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it('sends none with heartbeat: false, and clears its timer when the client leaves', async () => {
    vi.useFakeTimers();
    const quiet = serveRaw(Response.eventStream(() => {}, { heartbeat: false }));
    await quiet.iterator.next();
    expect(vi.getTimerCount()).toBe(0);
    const beating = serveRaw(Response.eventStream(() => {}));
    await beating.iterator.next();
    expect(vi.getTimerCount()).toBe(1);
    await beating.iterator.return!();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('Response.eventStream: closing and errors', () => {
  it('aborts stream.signal, runs onClose once and rejects sends when the client leaves', async () => {
    let stream!: EventStream;
    let closes = 0;
    const res = Response.eventStream((s) => {
      stream = s;
      s.onClose(() => closes++);
    });
    const { iterator } = serveRaw(res);
    await iterator.next();
    const pending = iterator.next(); // idle: no event comes
    await iterator.return!();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(stream.signal.aborted).toBe(true);
    expect(stream.closed).toBe(true);
    expect(closes).toBe(1);
    await expect(stream.send('late')).rejects.toBe(stream.signal.reason);
    let lateClose = 0;
    stream.onClose(() => lateClose++); // already closed: runs at once
    expect(lateClose).toBe(1);
    await iterator.return!();
    expect(closes).toBe(1);
  });

  it('a send the producer does not await rejects without an unhandled rejection, and a loop that awaits stops', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    let loops = 0;
    const res = Response.eventStream(async (stream) => {
      for (;;) {
        loops++;
        await stream.send('x');
      }
    }, { queueSize: 2 });
    const { iterator } = serveRaw(res);
    await iterator.next();
    await iterator.return!();
    for (let i = 0; i < 3; i++) await tick();
    const after = loops;
    await tick(5);
    expect(loops).toBe(after);
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });

  it('follows tsgi.signal: when it aborts, a pending pull ends though nobody called return()', async () => {
    const controller = new AbortController();
    const environ = createEnviron('/events', { signal: controller.signal });
    let stream!: EventStream;
    const res = Response.eventStream((s) => void (stream = s));
    const { iterator } = serveRaw(res, environ);
    await iterator.next();
    const pending = iterator.next();
    const at = performance.now();
    controller.abort();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(performance.now() - at).toBeLessThan(100);
    expect(stream.signal.aborted).toBe(true);
  });

  it('ends within 100 ms of a cancel behind a generator middleware, whose return() waits for its pending pull', async () => {
    let closedAt = 0;
    const feed = Request.application(() => Response.eventStream((stream) => stream.onClose(() => (closedAt = performance.now()))));
    // A pass-through written as an async generator: return() is queued behind its `await`, so only
    // tsgi.signal (rule 8.4), which the stream follows, can end the wait.
    const passThrough: App = async function* (environ, startResponse) {
      const body = (await feed(environ, startResponse)) as AsyncIterable<Uint8Array>;
      for await (const chunk of body) yield chunk;
    };
    const res = await new Client(passThrough).get('/');
    const chunks = res.chunks();
    expect(text((await chunks.next()).value)).toBe(':\n');
    void chunks.next(); // idle: waits for an event that never comes
    await tick(10);
    const cancelled = performance.now();
    await res.close();
    expect(closedAt).toBeGreaterThan(0);
    expect(closedAt - cancelled).toBeLessThan(100);
  });

  it('answers 500 when the producer throws before the first chunk', async () => {
    const app = Request.application(() =>
      Response.eventStream(() => {
        throw new Error('no feed');
      }),
    );
    const res = await new Client(app).get('/');
    expect(res.statusCode).toBe(500);
    expect(String(res.error)).toMatch(/no feed/);
  });

  it('sends what was queued, then fails the body (rule 9.3) when the producer rejects later', async () => {
    const app = Request.application(() =>
      Response.eventStream(async (stream) => {
        await stream.send('one');
        await tick(1);
        throw new Error('feed broke');
      }),
    );
    const res = await new Client(app).get('/');
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const event of res.events()) seen.push(event.data);
      })(),
    ).rejects.toThrow(/feed broke/);
    expect(seen).toEqual(['one']);
  });

  it('reports an onClose callback that throws to tsgi.errors', async () => {
    const app = Request.application(() =>
      Response.eventStream((stream) => {
        stream.onClose(() => {
          throw new Error('cleanup failed');
        });
        stream.close();
      }),
    );
    const res = await new Client(app).get('/');
    expect(await res.text()).toBe(':\n');
    expect(res.errors).toMatch(/onClose callback: Error: cleanup failed/);
  });
});

describe('Response.eventStream in the test client', () => {
  it('reads events as they come and cleans an idle stream up within 100 ms of a cancel', async () => {
    let closedAt = 0;
    let signalAborted = false;
    const app = Request.application((req) =>
      Response.eventStream((stream) => {
        void stream.send({ event: 'hello', id: '1', data: 'first' });
        stream.onClose(() => {
          closedAt = performance.now();
          signalAborted = req.signal.aborted;
        });
      }),
    );
    const res = await new Client(app).get('/events'); // event streams are not buffered
    expect(res.isOpen).toBe(true);
    const events = res.events();
    expect((await events.next()).value).toEqual({ event: 'hello', data: 'first', id: '1' });
    const waiting = events.next(); // idle: the app sends nothing more
    await tick(20);
    const cancelled = performance.now();
    await events.return!();
    expect(closedAt - cancelled).toBeLessThan(100);
    expect(closedAt).toBeGreaterThan(0);
    expect(signalAborted).toBe(true);
    expect(res.isOpen).toBe(false);
    void waiting;
  });

  it('reads req.lastEventId from Last-Event-ID, untrusted', async () => {
    const app = Request.application((req) => Response.json(req.lastEventId ?? null));
    const client = new Client(app);
    expect(await (await client.get('/', { headers: { 'Last-Event-ID': '41' } })).json()).toBe('41');
    expect(await (await client.get('/', { headers: { 'Last-Event-ID': 'x'.repeat(1025) } })).json()).toBeNull();
    expect(await (await client.get('/')).json()).toBeNull();
  });

  it('buffers an event stream when asked to', async () => {
    const res = await new Client(Request.application(() => Response.eventStream(['a']))).get('/', { buffered: true });
    expect(res.isOpen).toBe(false);
    expect(await res.text()).toBe(':\ndata: a\n\n');
  });
});

describe('compress leaves event streams alone (regression)', () => {
  it('does not encode or hold back events, even with Accept-Encoding: gzip and a large payload', async () => {
    let release!: () => void;
    const inner = Request.application(() =>
      Response.eventStream(async (stream) => {
        await stream.send({ data: 'x'.repeat(4000) });
        await new Promise<void>((resolve) => (release = resolve));
        await stream.send('second');
        stream.close();
      }),
    );
    const res = await new Client(compress(inner, { threshold: 0 })).get('/', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('Content-Encoding')).toBeUndefined();
    expect(res.headers.get('Content-Type')).toBe('text/event-stream; charset=utf-8');
    const events = res.events();
    // The first event is here while the app is still waiting to send the second: nothing buffered it.
    expect((await events.next()).value?.data).toHaveLength(4000);
    release();
    expect((await events.next()).value?.data).toBe('second');
    expect((await events.next()).done).toBe(true);
  });
});

describe('compress hands a response it does not encode on as it is', () => {
  it('so return() reaches an idle event stream at once, with no tsgi.signal to help', async () => {
    let closedAt = 0;
    const feed = Request.application(() => Response.eventStream((stream) => stream.onClose(() => (closedAt = performance.now()))));
    // A server that sets no signal (a Fetch bridge that gives none): only return() can reach the body.
    const environ = createEnviron('/', { headers: { 'Accept-Encoding': 'gzip' } });
    const body = (await compress(feed)(environ, () => {})) as AsyncIterable<Uint8Array>;
    const chunks = body[Symbol.asyncIterator]();
    expect(text((await chunks.next()).value)).toBe(':\n');
    void chunks.next(); // pending: no event comes
    const left = performance.now();
    await chunks.return!();
    expect(closedAt).toBeGreaterThan(0);
    expect(closedAt - left).toBeLessThan(50);
  });
});

describe('EventStream as an App body', () => {
  it('serves through the raw protocol: a Response is an App', async () => {
    const app: App = Response.eventStream([{ data: 'raw' }]);
    const { iterator, started } = serveRaw(app as Response);
    expect(started().status).toBe('200 OK');
    let all = '';
    for (let step = await iterator.next(); !step.done; step = await iterator.next()) all += text(step.value);
    expect(all).toBe(':\ndata: raw\n\n');
  });
});
