/**
 * HTTP/2 streams over time: back-pressure (flow control) on response bodies, `tsgi.signal` and
 * `return()` when a client resets a stream or leaves, graceful close (GOAWAY) and the limits.
 */
import http2, { type ClientHttp2Session } from 'node:http2';
import { connect as netConnect } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { App, Body } from '../../../src/gateway.js';
import { ClientDisconnected, serve, type Http2ServeOptions, type NodeServer, type RunningServer } from '../../../src/adapters/node/index.js';
import { bytes, sleep, waitFor } from './helpers.js';
import { connect, request } from './http2-client.js';
import { makeTestCertificate } from './tls-cert.js';

const certificate = makeTestCertificate();
afterAll(() => certificate?.cleanup());
const ca = certificate?.cert;
const tls = certificate ? { key: certificate.key, cert: certificate.cert } : undefined;

const servers: RunningServer<NodeServer>[] = [];
const sessions: ClientHttp2Session[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) session.destroy();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function listen(app: App, options: Partial<Http2ServeOptions> = {}): Promise<RunningServer<NodeServer>> {
  const server = await serve(app, { port: 0, http2: true, tls, ...options });
  servers.push(server);
  return server;
}

async function open(url: string, options: http2.SecureClientSessionOptions = {}): Promise<ClientHttp2Session> {
  const session = await connect(url, ca, options);
  sessions.push(session);
  return session;
}

/** Resolves when `signal` aborts; never otherwise. */
function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/**
 * A request the test can cancel as a browser does: RST_STREAM(CANCEL) alone. (`stream.close(code)`
 * ends the stream first, so the server may see a whole request before the reset.)
 */
function cancellable(session: ClientHttp2Session, headers: http2.OutgoingHttpHeaders): { stream: http2.ClientHttp2Stream; cancel: () => void } {
  const controller = new AbortController();
  const stream = session.request({ ':path': '/', ...headers }, { signal: controller.signal, endStream: headers[':method'] !== 'POST' });
  stream.on('error', () => {});
  return { stream, cancel: () => controller.abort() };
}

/** A body that records every `next()` and `return()` the server makes. */
function recorded(source: AsyncIterator<Uint8Array>, log: string[]): Body {
  const iterator: AsyncIterator<Uint8Array> = {
    next: () => {
      log.push('next');
      return source.next();
    },
    return: () => {
      log.push('return');
      return source.return?.() ?? Promise.resolve({ done: true, value: undefined });
    },
  };
  return { [Symbol.asyncIterator]: () => iterator };
}

describe.skipIf(certificate === null)('HTTP/2 streams', () => {
  it('pulls the next chunk only once the previous one is written: a client that stops reading stops the body', async () => {
    const chunk = new Uint8Array(16 * 1024).fill(120);
    const total = 256;
    let pulled = 0;
    const server = await listen((_environ, startResponse) => {
      startResponse('200 OK', [['Content-Type', 'application/octet-stream']]);
      return (async function* () {
        for (; pulled < total; ) {
          pulled += 1;
          yield chunk;
        }
      })();
    });
    const session = await open(server.url);
    const stream = session.request({ ':path': '/' });
    stream.pause();
    await sleep(300);
    // The client's 64 KiB flow-control window, the stream's 16 KiB buffer and one chunk in hand.
    const whilePaused = pulled;
    expect(whilePaused).toBeLessThan(12);
    await sleep(200);
    expect(pulled).toBe(whilePaused);
    let received = 0;
    stream.on('data', (data: Buffer) => (received += data.byteLength));
    stream.resume();
    await new Promise((resolve) => stream.on('end', resolve));
    expect([pulled, received]).toEqual([total, total * chunk.byteLength]);
  });

  it('aborts tsgi.signal when the client resets the stream, before closing the body, once', async () => {
    const log: string[] = [];
    let signal: AbortSignal | undefined;
    const server = await listen((environ, startResponse) => {
      if (environ.PATH_INFO === '/again') {
        startResponse('200 OK', []);
        return [];
      }
      signal = environ['tsgi.signal']!;
      signal.addEventListener('abort', () => log.push('abort'));
      startResponse('200 OK', [['Content-Type', 'text/event-stream']]);
      const events = (async function* () {
        try {
          yield bytes('data: ready\n\n');
          await aborted(signal!); // The next event never comes.
        } finally {
          log.push('finally');
        }
      })();
      return recorded(events, log);
    });
    const session = await open(server.url);
    const { stream, cancel } = cancellable(session, { ':path': '/events' });
    await new Promise((resolve) => stream.once('data', resolve));
    cancel();
    await waitFor(() => log.includes('finally'), 2000, 'the body to be closed');
    await sleep(100);
    expect(log).toEqual(['next', 'next', 'abort', 'return', 'finally']);
    // The session is unharmed.
    expect((await request(session, { ':path': '/again' })).status).toBe(200);
  });

  it('aborts the signal of a long poll that has not answered yet, and closes the body it returns late', async () => {
    const log: string[] = [];
    let started = false;
    const server = await listen(async (environ, startResponse) => {
      started = true;
      await aborted(environ['tsgi.signal']!);
      log.push('aborted');
      startResponse('200 OK', []);
      return recorded((async function* () {})(), log);
    });
    const session = await open(server.url);
    const { cancel } = cancellable(session, { ':path': '/poll' });
    await waitFor(() => started, 2000, 'the app to start');
    cancel();
    await waitFor(() => log.includes('return'), 2000, 'the late body to be closed');
    expect(log).toEqual(['aborted', 'return']);
  });

  it('aborts the signal of every stream when the whole connection is lost', async () => {
    const signals: AbortSignal[] = [];
    const server = await listen(async (environ, startResponse) => {
      const signal = environ['tsgi.signal']!;
      signals.push(signal);
      startResponse('200 OK', []);
      return (async function* () {
        yield bytes('x');
        await aborted(signal);
      })();
    });
    let socket: TLSSocket | undefined;
    const session = await open(server.url, {
      createConnection: () => (socket = tlsConnect({ host: '127.0.0.1', port: server.port, ca, ALPNProtocols: ['h2'] })),
    });
    const streams = [1, 2, 3].map((n) => session.request({ ':path': `/${n}` }));
    for (const stream of streams) stream.on('error', () => {});
    await Promise.all(streams.map((stream) => new Promise((resolve) => stream.once('data', resolve))));
    socket!.destroy();
    await waitFor(() => signals.length === 3 && signals.every((signal) => signal.aborted), 2000, 'all signals');
  });

  it('tells a reader of a reset upload that the client left (ClientDisconnected)', async () => {
    let failure: unknown;
    const server = await listen(async (environ, startResponse) => {
      try {
        for await (const _ of environ['tsgi.input']) void _;
      } catch (error) {
        failure = error;
      }
      startResponse('200 OK', []);
      return [];
    });
    const session = await open(server.url);
    const { stream, cancel } = cancellable(session, { ':method': 'POST', ':path': '/upload' });
    stream.write(new Uint8Array(1000));
    await sleep(50);
    cancel();
    await waitFor(() => failure !== undefined, 2000, 'the read to fail');
    expect(failure).toBeInstanceOf(ClientDisconnected);
  });

  it('closes gracefully: GOAWAY, no new stream, in-flight streams finish, then close() resolves', async () => {
    const server = await listen(async function* (_environ, startResponse) {
      startResponse('200 OK', [['Content-Type', 'text/plain']]);
      yield bytes('first ');
      await sleep(300);
      yield bytes('last');
    });
    const session = await open(server.url);
    let goaway = false;
    session.on('goaway', () => (goaway = true));
    const inFlight = request(session, { ':path': '/slow' });
    await sleep(50);
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    await waitFor(() => goaway, 2000, 'GOAWAY');
    await expect(request(session, { ':path': '/late' })).rejects.toThrow();
    expect(closed).toBe(false);
    expect((await inFlight).body.toString()).toBe('first last');
    await closing;
    // No longer listening.
    await expect(
      new Promise((resolve, reject) => netConnect(server.port, '127.0.0.1', () => resolve('connected')).on('error', reject)),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('cuts what is still running after shutdownTimeout, aborting its signal', async () => {
    let signal: AbortSignal | undefined;
    const server = await listen(
      async function* (environ, startResponse) {
        signal = environ['tsgi.signal']!;
        startResponse('200 OK', []);
        yield bytes('forever');
        await aborted(signal);
      },
      { shutdownTimeout: 200 },
    );
    const session = await open(server.url);
    const stream = session.request({ ':path': '/' });
    stream.on('error', () => {});
    await new Promise((resolve) => stream.once('data', resolve));
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(1500);
    await waitFor(() => signal?.aborted === true, 1000, 'the signal');
  });

  it('announces its limits and enforces them: concurrent streams, header list size and pairs', async () => {
    const server = await listen((_environ, startResponse) => {
      startResponse('200 OK', []);
      return [];
    }, { http2: { maxHeaderListPairs: 20 } });
    const session = await open(server.url);
    // The session reports Node's defaults until the server's SETTINGS frame is in.
    await waitFor(() => session.remoteSettings.maxHeaderListSize === 16384, 2000, 'the settings');
    expect(session.remoteSettings.maxConcurrentStreams).toBe(100);
    const many: Record<string, string> = {};
    for (let i = 0; i < 30; i++) many[`x-header-${i}`] = 'v';
    await expect(request(session, many)).rejects.toThrow();
    // The first request of a connection may go out before the client has acknowledged the limit,
    // when Node does not hold it to it yet: the adapter answers 431 then (http2-environ.test.ts).
    const big = await open(server.url);
    const first = await request(big, { 'x-big': 'v'.repeat(20_000) }).catch((error: Error) => error);
    expect(first instanceof Error ? first.message : String(first.status)).toMatch(/^431$|ENHANCE_YOUR_CALM/);
    await expect(request(big, { 'x-big': 'v'.repeat(20_000) })).rejects.toThrow(/ENHANCE_YOUR_CALM/);
    expect((await request(big, { 'x-small': 'v'.repeat(10_000) })).status).toBe(200);
  });

  it('closes a session idle for keepAliveTimeout, but not one with a stream open', async () => {
    const server = await listen(
      async function* (_environ, startResponse) {
        startResponse('200 OK', []);
        yield bytes('a');
        await sleep(500);
        yield bytes('b');
      },
      { keepAliveTimeout: 150 },
    );
    const session = await open(server.url);
    let goawayAt = 0;
    session.on('goaway', () => (goawayAt = Date.now()));
    const done = Date.now();
    expect((await request(session, {})).body.toString()).toBe('ab');
    expect(Date.now() - done).toBeGreaterThanOrEqual(450);
    expect(goawayAt).toBe(0);
    const finished = Date.now();
    await waitFor(() => goawayAt !== 0, 2000, 'GOAWAY on the idle session');
    expect(goawayAt - finished).toBeGreaterThanOrEqual(100);
  });

  it('closes a connection whose request head drips in, after keepAliveTimeout (no request is open)', async () => {
    let called = false;
    const server = await listen(
      (_environ, startResponse) => {
        called = true;
        startResponse('200 OK', []);
        return [];
      },
      { tls: undefined, keepAliveTimeout: 300 },
    );
    /** One HTTP/2 frame: 9 bytes of header (length, type, flags, stream) and the payload. */
    const frame = (type: number, flags: number, stream: number, payload: number[]) =>
      Buffer.from([payload.length >> 16, (payload.length >> 8) & 255, payload.length & 255, type, flags, 0, 0, 0, stream, ...payload]);
    const HEADERS = 0x1;
    const CONTINUATION = 0x9;
    const SETTINGS = 0x4;
    const END_STREAM = 0x1;
    const socket = netConnect(server.port, '127.0.0.1');
    let closedAt = 0;
    socket.on('close', () => (closedAt = Date.now()));
    socket.on('error', () => {});
    socket.on('data', () => {});
    await new Promise((resolve) => socket.once('connect', resolve));
    const started = Date.now();
    socket.write(Buffer.concat([Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'), frame(SETTINGS, 0, 0, [])]));
    // :method GET, :path /, :scheme http (HPACK static table entries 2, 4, 6), without END_HEADERS.
    socket.write(frame(HEADERS, END_STREAM, 1, [0x82, 0x84, 0x86]));
    // Then one header field (x: y) every 50 ms, never the end of the head.
    const drip = setInterval(() => socket.write(frame(CONTINUATION, 0, 1, [0x00, 1, 0x78, 1, 0x79])), 50);
    try {
      await waitFor(() => closedAt !== 0, 3000, 'the connection to be closed');
    } finally {
      clearInterval(drip);
    }
    expect(closedAt - started).toBeGreaterThanOrEqual(250);
    expect(closedAt - started).toBeLessThan(1500);
    expect(called).toBe(false);
  });

  it('resets a request whose body does not arrive within requestTimeout', async () => {
    let failure: unknown;
    const server = await listen(
      async (environ, startResponse) => {
        try {
          for await (const _ of environ['tsgi.input']) void _;
        } catch (error) {
          failure = error;
        }
        startResponse('200 OK', []);
        return [];
      },
      { requestTimeout: 300, headersTimeout: 300 },
    );
    const session = await open(server.url);
    const stream = session.request({ ':method': 'POST', ':path': '/drip' });
    let rstCode = -1;
    stream.on('error', () => {});
    stream.on('close', () => (rstCode = stream.rstCode ?? -1));
    stream.write('a little');
    const started = Date.now();
    await waitFor(() => rstCode !== -1, 3000, 'the reset');
    expect(Date.now() - started).toBeLessThan(1500);
    expect(rstCode).toBe(http2.constants.NGHTTP2_INTERNAL_ERROR);
    await waitFor(() => failure !== undefined, 1000, 'the read to fail');
    expect(failure).toBeInstanceOf(ClientDisconnected);
  });
});
