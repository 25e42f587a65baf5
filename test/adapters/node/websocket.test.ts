/**
 * WebSocket on a real node:http server on 127.0.0.1, with the chat example (examples/realtime/chat.ts)
 * as the app and the `ws` package as the client: accept with the app's subprotocol, echo, the app's
 * own close code, refusals that keep their status and headers, cross-site handshakes refused,
 * other upgrades, and the app failing before it accepts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/gateway.js';
import { Request } from '../../../src/request/request.js';
import { Response } from '../../../src/response/response.js';
import type { RunningServer } from '../../../src/adapters/node/index.js';
import { chat, CHAT_TOKEN } from '../../../examples/realtime/chat.js';
import { listen, waitFor } from './helpers.js';
import { connect } from 'node:net';
import {
  chatStats,
  closeOf,
  handshakeRequest,
  maskedTextFrame,
  nextMessage,
  openWebSocket,
  parseFrames,
  rawExchange,
  rawHandshake,
  refusalOf,
  type ChatStats,
} from './websocket-client.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function stats(): Promise<ChatStats> {
  return chatStats(server!.url);
}

function socketUrl(token = CHAT_TOKEN): string {
  return `${server!.url.replace('http:', 'ws:')}/socket?token=${token}`;
}

describe('WebSocket on node:http: the chat example', () => {
  it("accepts with the app's subprotocol, echoes text and binary, and closes 4000 'bye' at the app's request", async () => {
    const log: string[] = [];
    server = await listen(chat, { accessLog: (line) => log.push(line) });
    const before = await stats();
    const ws = await openWebSocket(socketUrl(), ['x', 'chat.v1']);
    expect(ws.protocol).toBe('chat.v1');

    const echoed = nextMessage(ws);
    ws.send('hello');
    expect(await echoed).toBe('echo: hello');

    const bytes = Buffer.from([0, 1, 2, 255]);
    const binary = nextMessage(ws);
    ws.send(bytes);
    expect(await binary).toEqual(bytes);

    const closed = closeOf(ws);
    ws.send('close');
    expect(await closed).toEqual({ code: 4000, reason: 'bye' });

    await waitFor(() => log.some((line) => line.includes('"GET /socket?token=let-me-in HTTP/1.1" 101 ')), 5000, 'the 101 log line');
    let after = await stats();
    for (const deadline = Date.now() + 5000; after.finished === before.finished && Date.now() < deadline; ) after = await stats();
    expect(after.finished).toBe(before.finished + 1);
    expect(after.open).toBe(before.open);
    expect(after.lastClose).toEqual({ code: 4000, reason: 'bye' });
  });

  it('a refusal keeps its status, headers and body, and closes the connection', async () => {
    const log: string[] = [];
    server = await listen(chat, { accessLog: (line) => log.push(line) });
    const refused = await refusalOf(socketUrl('wrong'), ['chat.v1']);
    expect(refused.status).toBe(401);
    expect(refused.headers['www-authenticate']).toBe('Bearer realm="chat"');
    expect(refused.headers['x-chat-refused']).toBe('bad-token');
    expect(refused.headers.connection).toBe('close');
    expect(refused.body).toBe('a valid token is required\n');
    expect(log.some((line) => line.includes('"GET /socket?token=wrong HTTP/1.1" 401 '))).toBe(true);
    // The server goes on serving.
    expect((await fetch(`${server.url}/stats`)).status).toBe(200);
  });

  it('refuses a cross-site handshake with 403 and accepts one from its own origin', async () => {
    server = await listen(chat);
    const refused = await refusalOf(socketUrl(), ['chat.v1'], { origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('Cross-site WebSocket handshake refused');

    const ws = await openWebSocket(socketUrl(), ['chat.v1'], { origin: server.url });
    const closed = closeOf(ws);
    ws.close(1000);
    expect((await closed).code).toBe(1000);
  });

  it('never selects a subprotocol the client did not offer', async () => {
    server = await listen(chat);
    const { socket, head } = await rawHandshake(server.port, `/socket?token=${CHAT_TOKEN}`, { 'Sec-WebSocket-Protocol': 'x' });
    socket.destroy();
    expect(head).toMatch(/^HTTP\/1\.1 101 Switching Protocols\r\n/);
    expect(head).not.toMatch(/sec-websocket-protocol/i);

    const offered = await rawHandshake(server.port, `/socket?token=${CHAT_TOKEN}`, { 'Sec-WebSocket-Protocol': 'x, chat.v1' });
    offered.socket.destroy();
    expect(offered.head).toMatch(/\r\nSec-WebSocket-Protocol: chat\.v1(\r\n|$)/);
  });

  it('serves another upgrade (h2c) as the ordinary request it also is, and refuses one with a body', async () => {
    server = await listen(chat);
    const h2c = await rawExchange(
      server.port,
      'GET /stats HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n',
    );
    expect(h2c).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(h2c).toMatch(/\r\nConnection: close\r\n/i);
    expect(h2c).toContain('"finished"');

    const withBody = await rawExchange(
      server.port,
      'POST /stats HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: h2c\r\nContent-Length: 3\r\n\r\nabc',
    );
    expect(withBody).toMatch(/^HTTP\/1\.1 501 Not Implemented\r\n/);
    expect(withBody).toContain('upgrades to WebSocket only');
    expect((await fetch(`${server.url}/stats`)).status).toBe(200);
  });

  it('refuses a malformed handshake with 400 before the app runs', async () => {
    let ran = 0;
    const app: App = (environ, startResponse) => {
      ran++;
      return chat(environ, startResponse);
    };
    server = await listen(app);
    const badKey = await rawExchange(
      server.port,
      'GET /socket HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: short\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    expect(badKey).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(badKey).toContain('Sec-WebSocket-Key');
    const noHost = await rawExchange(
      server.port,
      handshakeRequest('/socket', null),
    );
    expect(noHost).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(noHost).toContain('Host');
    expect(ran).toBe(0);
  });

  it('answers 500 on the socket when the app throws before accepting, or answers 101 without accepting', async () => {
    const errors: string[] = [];
    const app = Request.application((req) => {
      if (req.path === '/throws') throw new Error('the database is down');
      if (req.path === '/async') return Promise.reject(new Error('later'));
      return new Response(null, { status: 101 });
    });
    server = await listen(app, { errors: { write: (message) => void errors.push(message) } });
    for (const path of ['/throws', '/async', '/bare101']) {
      const { socket, head } = await rawHandshake(server.port, path);
      socket.destroy();
      expect(head, path).toMatch(/^HTTP\/1\.1 500 Internal Server Error\r\n/);
      expect(head).toMatch(/\r\nConnection: close(\r\n|$)/i);
    }
    expect(errors.join('')).toContain('the database is down');
    expect(errors.join('')).toContain('without calling offer.accept()');
  });

  it("gives the app's 101 headers (cookies) to the client, and the handler's messages sent before the handshake", async () => {
    const app = Request.application((req) => {
      const res = req.acceptWebSocket({}, (ws) => {
        ws.send('first');
        ws.close(4001, 'done');
      });
      res.setCookie('seen', '1');
      return res;
    });
    server = await listen(app);
    const { socket, head, received } = await rawHandshake(server.port, '/');
    expect(head).toMatch(/\r\nSet-Cookie: seen=1/i);
    await waitFor(() => received().includes('first') && received().length > 12, 5000, 'the messages');
    socket.destroy();
    expect(received().subarray(0, 7)).toEqual(Buffer.from([0x81, 5, ...Buffer.from('first')]));
  });

  it('aborts tsgi.signal when the client leaves before the app answers', async () => {
    let aborted = false;
    const app = Request.application(async (req) => {
      await new Promise((resolve) => req.signal.addEventListener('abort', resolve, { once: true }));
      aborted = true;
      return new Response('too late', { status: 503 });
    });
    server = await listen(app);
    const socket = connect(server.port, '127.0.0.1', () =>
      socket.write(handshakeRequest('/')),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(aborted).toBe(false);
    socket.end(); // a FIN, not a reset: the server must notice it while the app is waiting
    await waitFor(() => aborted, 5000, 'the signal to abort');
  });

  it('bounds the handshake by requestTimeout, and not the WebSocket that follows', async () => {
    const app = Request.application((req) =>
      req.path === '/hang' ? new Promise<Response>(() => undefined) : req.acceptWebSocket({}, async (ws) => {
        for await (const message of ws) ws.send(message);
      }),
    );
    server = await listen(app, { requestTimeout: 600, headersTimeout: 600 });
    const started = performance.now();
    const cut = await rawExchange(
      server.port,
      handshakeRequest('/hang'),
    );
    expect(cut).toBe('');
    expect(performance.now() - started).toBeGreaterThan(500);
    expect(performance.now() - started).toBeLessThan(5000);

    const ws = await openWebSocket(`${server.url.replace('http:', 'ws:')}/`);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const echoed = nextMessage(ws);
    ws.send('still open');
    expect(await echoed).toBe('still open');
    ws.close();
  });

  it('keeps messages the client sent before the 101: behind the handshake, and while the app decided', async () => {
    const app = Request.application(async (req) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return req.acceptWebSocket({}, async (ws) => {
        for await (const message of ws) ws.send(`echo: ${String(message)}`);
      });
    });
    server = await listen(app);
    let received = Buffer.alloc(0);
    const handshake = Buffer.from(handshakeRequest('/'), 'latin1');
    const socket = connect(server.port, '127.0.0.1', () => socket.write(Buffer.concat([handshake, maskedTextFrame('behind')])));
    socket.on('data', (chunk: Buffer) => (received = Buffer.concat([received, chunk])));
    // Sent while the app is still deciding (it answers after 300 ms).
    setTimeout(() => socket.write(maskedTextFrame('meanwhile')), 100);
    const frames = () => {
      const end = received.indexOf('\r\n\r\n');
      return end === -1 ? [] : parseFrames(received.subarray(end + 4));
    };
    await waitFor(() => frames().length === 2, 5000, 'both echoes');
    expect(received.toString('latin1')).toMatch(/^HTTP\/1\.1 101 /);
    expect(frames().map((frame) => frame.payload.toString())).toEqual(['echo: behind', 'echo: meanwhile']);
    socket.destroy();
  });

  it('answers a handshake pipelined behind a request once that response is out (no crash)', async () => {
    const slow = Request.application(async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return new Response('slow\n');
    });
    server = await listen((environ, startResponse) => (environ.PATH_INFO === '/slow' ? slow : chat)(environ, startResponse));
    let text = '';
    const socket = connect(server.port, '127.0.0.1', () =>
      socket.write(`GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n${handshakeRequest(`/socket?token=${CHAT_TOKEN}`)}`),
    );
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    await waitFor(() => text.includes('101 Switching Protocols'), 5000, 'the 101');
    socket.destroy();
    expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*\r\n\r\nslow\nHTTP\/1\.1 101 Switching Protocols\r\n/);
  });
});
