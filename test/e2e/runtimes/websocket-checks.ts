/**
 * The WebSocket assertions every server must pass with the chat room of
 * `examples/realtime/chat.ts`, mounted at `/chat` of `examples/runtimes/app.ts`: the same checks
 * through the test client, node:http (`serve`), and Bun, Deno and workerd (`runtimeSuite`), with
 * a real client (the `ws` package) over a socket everywhere but in the test client.
 */
import WebSocket from 'ws';
import { expect, it } from 'vitest';
import type { App } from '../../../src/gateway.js';
import { Client } from '../../../src/adapters/test/index.js';
import type { TestWebSocket } from '../../../src/adapters/test/index.js';
import { readEventStream } from '../../../src/response/event-stream/read.js';
import { fetchClient, testClient, type SseClient } from './sse-checks.js';

/** How a connection ended, as the client saw it. */
export interface CloseSeen {
  code: number;
  reason: string;
}

/** An open WebSocket, whatever the client. */
export interface WsPeer {
  send(message: string | Uint8Array): void;
  /** The next message: text as a string, binary as bytes. */
  next(): Promise<string | Uint8Array>;
  close(code?: number, reason?: string): void;
  /** Resolves once closed. */
  closed: Promise<CloseSeen>;
}

/** The answer to a handshake: the 101 and the open socket, or the refusal. */
export interface Handshake {
  status: number;
  header(name: string): string | null;
  /** The refusal's body ('' for a 101). */
  body: string;
  /** The socket, when the handshake completed and the client accepted it. */
  peer?: WsPeer;
}

/** How the checks reach a server. */
export interface WsClient {
  connect(path: string, options?: { protocols?: string[]; origin?: string }): Promise<Handshake>;
  /** The host the handshake is sent to, for a same-origin `Origin`. */
  origin: string;
  sse: SseClient;
}

/** A client over real sockets, with the `ws` package, for a server listening at `base`. */
export function wsClient(base: string): WsClient {
  return {
    origin: base,
    sse: fetchClient(base),
    connect: (path, options = {}) => wsConnect(`${base.replace(/^http/, 'ws')}${path}`, options),
  };
}

function wsConnect(url: string, { protocols = [], origin }: { protocols?: string[]; origin?: string }): Promise<Handshake> {
  const ws = new WebSocket(url, protocols, origin === undefined ? {} : { origin });
  ws.binaryType = 'nodebuffer';
  // Messages are queued from the start: one may arrive in the turn the socket opens.
  const inbox: Array<string | Uint8Array> = [];
  const readers: Array<(message: string | Uint8Array) => void> = [];
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    const message = isBinary ? new Uint8Array(data) : data.toString('utf8');
    const reader = readers.shift();
    if (reader) reader(message);
    else inbox.push(message);
  });
  const closed = new Promise<CloseSeen>((resolve) => ws.once('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })));
  return new Promise((resolve, reject) => {
    let upgrade: Handshake | undefined;
    ws.once('upgrade', (res) => {
      upgrade = { status: res.statusCode ?? 0, header: (name) => headerOf(res.headers[name.toLowerCase()]), body: '' };
    });
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, header: (name) => headerOf(res.headers[name.toLowerCase()]), body }));
    });
    ws.once('open', () => {
      resolve({
        ...upgrade!,
        peer: {
          send: (message) => ws.send(message),
          next: () => {
            const queued = inbox.shift();
            return queued !== undefined ? Promise.resolve(queued) : new Promise((r) => readers.push(r));
          },
          close: (code, reason) => ws.close(code, reason),
          closed,
        },
      });
    });
    // After a 101 the client may still fail the connection (a subprotocol it did not offer or
    // missing): the checks look at the 101 itself.
    ws.once('error', (error) => (upgrade ? resolve(upgrade) : reject(error)));
  });
}

function headerOf(value: string | string[] | undefined): string | null {
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
}

/** A client in process, through tsgi's test client (`client.websocket`). */
export function inProcessClient(app: App): WsClient {
  const client = new Client(app);
  return {
    origin: 'http://localhost',
    sse: testClient(app),
    async connect(path, options = {}) {
      const ws = await client.websocket(path, { protocols: options.protocols, origin: options.origin });
      const res = ws.response;
      const header = (name: string) => (name.toLowerCase() === 'sec-websocket-protocol' ? ws.protocol || null : (res.headers.get(name) ?? null));
      if (!ws.accepted) return { status: res.statusCode, header, body: await res.text() };
      return { status: 101, header, body: '', peer: testPeer(ws) };
    },
  };
}

function testPeer(ws: TestWebSocket): WsPeer {
  return {
    send: (message) => ws.send(message),
    next: () => ws.nextMessage({ timeout: 10_000 }),
    close: (code, reason) => void ws.close(code, reason),
    closed: ws.closed.then(({ code, reason }) => ({ code, reason })),
  };
}

interface ChatStats {
  open: number;
  finished: number;
  lastClose: null | CloseSeen;
}

async function stats(c: WsClient): Promise<ChatStats> {
  return (await c.sse.json('/chat/stats')) as ChatStats;
}

/** Polls the stats until `done` holds (the server cleans up after the client saw the close), or 10 s passed. */
async function statsWhen(c: WsClient, done: (s: ChatStats) => boolean): Promise<ChatStats> {
  let current = await stats(c);
  for (const deadline = Date.now() + 10_000; !done(current) && Date.now() < deadline; current = await stats(c)) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return current;
}

const SOCKET = '/chat/socket?token=let-me-in';

/** What a runtime cannot do, with the reason: that check is skipped there, saying why. */
export type WsSkips = Partial<Record<'sse', string>>;

/**
 * The checks, as vitest `it`s. `client()` returns null when the server could not start (the test
 * is then skipped).
 */
export function websocketChecks(client: () => WsClient | null, skips: WsSkips = {}): void {
  const live = (skip: (note?: string) => void): WsClient => {
    const c = client();
    if (c === null) skip();
    return c!;
  };

  it("WebSocket: accepts with chat.v1 when offered 'x, chat.v1', echoes text and binary, closes 4000 'bye', and the handler finishes once", async (ctx) => {
    const c = live(ctx.skip);
    const before = await statsWhen(c, (s) => s.open === 0);
    const shake = await c.connect(SOCKET, { protocols: ['x', 'chat.v1'] });
    expect(shake.status).toBe(101);
    expect(shake.header('sec-websocket-protocol')).toBe('chat.v1');
    const ws = shake.peer!;
    ws.send('hello');
    expect(await ws.next()).toBe('echo: hello');
    const bytes = new Uint8Array([0, 1, 2, 255, 128]);
    ws.send(bytes);
    expect(await ws.next()).toEqual(bytes);
    ws.send('close');
    expect(await ws.closed).toEqual({ code: 4000, reason: 'bye' });
    const after = await statsWhen(c, (s) => s.finished > before.finished && s.open === 0);
    expect(after.finished).toBe(before.finished + 1);
    expect(after.open).toBe(0);
    expect(after.lastClose).toEqual({ code: 4000, reason: 'bye' });
    // Exactly once: nothing more finishes later.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await stats(c)).finished).toBe(before.finished + 1);
  });

  it('WebSocket: the client closing ends the handler with its code, once', async (ctx) => {
    const c = live(ctx.skip);
    const before = await statsWhen(c, (s) => s.open === 0);
    const ws = (await c.connect(SOCKET, { protocols: ['chat.v1'] })).peer!;
    ws.send('one');
    expect(await ws.next()).toBe('echo: one');
    ws.close(4001, 'client leaves');
    expect((await ws.closed).code).toBe(4001);
    const after = await statsWhen(c, (s) => s.finished > before.finished && s.open === 0);
    expect(after.finished).toBe(before.finished + 1);
    expect(after.lastClose).toEqual({ code: 4001, reason: 'client leaves' });
  });

  it('WebSocket: a refusal keeps its status, headers and body (401 without the token)', async (ctx) => {
    const c = live(ctx.skip);
    const refused = await c.connect('/chat/socket?token=wrong', { protocols: ['chat.v1'] });
    expect(refused.peer).toBeUndefined();
    expect(refused.status).toBe(401);
    expect(refused.header('www-authenticate')).toBe('Bearer realm="chat"');
    expect(refused.header('x-chat-refused')).toBe('bad-token');
    expect(refused.body).toBe('a valid token is required\n');
  });

  it('WebSocket: a cross-site Origin is refused 403; the same origin is accepted', async (ctx) => {
    const c = live(ctx.skip);
    const foreign = await c.connect(SOCKET, { protocols: ['chat.v1'], origin: 'http://evil.example' });
    expect(foreign.peer).toBeUndefined();
    expect(foreign.status).toBe(403);
    const own = await c.connect(SOCKET, { protocols: ['chat.v1'], origin: c.origin });
    expect(own.status).toBe(101);
    own.peer!.close(1000);
    await own.peer!.closed;
  });

  it('WebSocket: never selects a subprotocol the client did not offer', async (ctx) => {
    const c = live(ctx.skip);
    // Offered others: accepted without one (the ws client then fails the connection, as browsers do).
    const others = await c.connect(SOCKET, { protocols: ['x', 'y'] });
    expect(others.status).toBe(101);
    expect(others.header('sec-websocket-protocol')).toBeNull();
    others.peer?.close(1000);
    // Offered none: none selected, and the connection works.
    const none = await c.connect(SOCKET);
    expect(none.status).toBe(101);
    expect(none.header('sec-websocket-protocol')).toBeNull();
    none.peer!.send('plain');
    expect(await none.peer!.next()).toBe('echo: plain');
    none.peer!.close(1000);
    await none.peer!.closed;
    await statsWhen(c, (s) => s.open === 0);
  });

  it('WebSocket: a message over 1 MiB closes with 1009, and the server goes on serving', async (ctx) => {
    const c = live(ctx.skip);
    const before = await statsWhen(c, (s) => s.open === 0);
    const ws = (await c.connect(SOCKET, { protocols: ['chat.v1'] })).peer!;
    ws.send(new Uint8Array(2 * 1024 * 1024));
    expect((await ws.closed).code).toBe(1009);
    const after = await statsWhen(c, (s) => s.finished > before.finished && s.open === 0);
    expect(after.finished).toBe(before.finished + 1);
    const next = (await c.connect(SOCKET, { protocols: ['chat.v1'] })).peer!;
    next.send('still here');
    expect(await next.next()).toBe('echo: still here');
    next.close(1000);
    await next.closed;
  });

  it('WebSocket: a line sent on the socket reaches the room\'s event stream (/chat/events)', async (ctx) => {
    if (skips.sse !== undefined) return ctx.skip(skips.sse);
    const c = live(ctx.skip);
    const events = await c.sse.open('/chat/events');
    expect(events.status).toBe(200);
    const ws = (await c.connect(SOCKET, { protocols: ['chat.v1'] })).peer!;
    // The stream is registered once its response started; send until the room has a listener.
    await statsWhen(c, (s) => (s as ChatStats & { listeners: number }).listeners > 0);
    const line = `hello room ${Math.random()}`;
    ws.send(line);
    expect(await ws.next()).toBe(`echo: ${line}`);
    let seen: string | undefined;
    for await (const event of readEventStream(events.chunks)) {
      if (event.data === line) {
        seen = event.event;
        break;
      }
    }
    expect(seen).toBe('message');
    await events.leave();
    ws.close(1000);
    await ws.closed;
  });
}

