/**
 * The WebSocket limits of the node:http adapter on a real server on 127.0.0.1: an oversized message
 * closes 1009 and the server survives, a peer that never answers a ping is closed (the app's
 * cleanup runs once), a client that stops reading is closed 1008 with memory bounded, and a
 * shutdown closes WebSockets with 1001 (cutting those that do not answer at its deadline).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocketCloseInfo } from '../../../src/gateway-websocket.js';
import { Request } from '../../../src/request/request.js';
import type { RunningServer } from '../../../src/adapters/node/index.js';
import { chat, CHAT_TOKEN } from '../../../examples/realtime/chat.js';
import { listen, sleep, waitFor } from './helpers.js';
import { chatStats, closeOf, closePayload, nextMessage, openWebSocket, parseFrames, rawHandshake, type ChatStats } from './websocket-client.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function stats(): Promise<ChatStats> {
  return chatStats(server!.url);
}

function socketUrl(): string {
  return `${server!.url.replace('http:', 'ws:')}/socket?token=${CHAT_TOKEN}`;
}

const MiB = 1024 * 1024;

describe('WebSocket limits on node:http', () => {
  it('closes 1009 on a 2 MiB message, and the server goes on serving', async () => {
    server = await listen(chat);
    const before = await stats();
    const ws = await openWebSocket(socketUrl(), ['chat.v1']);
    const closed = closeOf(ws);
    ws.send(Buffer.alloc(2 * MiB, 0x61));
    expect((await closed).code).toBe(1009);

    let after = await stats();
    for (const deadline = Date.now() + 5000; after.finished === before.finished && Date.now() < deadline; await sleep(20)) after = await stats();
    expect(after.finished).toBe(before.finished + 1);
    expect(after.lastClose?.code).toBe(1009);

    const second = await openWebSocket(socketUrl(), ['chat.v1']);
    const echoed = nextMessage(second);
    second.send('still here');
    expect(await echoed).toBe('echo: still here');
    second.close();
    expect((await fetch(`${server.url}/stats`)).status).toBe(200);
  });

  it("closes a peer that never answers a ping; the app's cleanup runs once, a live peer stays", async () => {
    server = await listen(chat, { websocket: { pingInterval: 150 } });
    const before = await stats();
    const live = await openWebSocket(socketUrl(), ['chat.v1']); // ws answers pings by itself
    const dead = await rawHandshake(server.port, `/socket?token=${CHAT_TOKEN}`, { 'Sec-WebSocket-Protocol': 'chat.v1' });
    expect(dead.head).toMatch(/^HTTP\/1\.1 101 /);
    let gone = false;
    dead.socket.on('close', () => (gone = true));
    await waitFor(() => gone, 10_000, 'the dead peer to be closed');
    // The server pinged it (opcode 9) before giving up.
    expect(parseFrames(dead.received()).some((frame) => frame.opcode === 9)).toBe(true);

    await sleep(400); // several more ping intervals: no second cleanup
    const after = await stats();
    expect(after.finished).toBe(before.finished + 1);
    expect(after.lastClose?.code).toBe(1006);
    expect(after.open).toBe(before.open + 1);
    expect(live.readyState).toBe(live.OPEN);
    const echoed = nextMessage(live);
    live.send('alive');
    expect(await echoed).toBe('echo: alive');
    live.close();
  });

  it('closes 1008 a client that stops reading while the app sends, with memory bounded', async () => {
    let outcome: { sent: number; state: string } | undefined;
    let closedInfo: WebSocketCloseInfo | undefined;
    const app = Request.application((req) =>
      req.acceptWebSocket({}, async (ws) => {
        let sent = 0;
        // Fresh buffers each time: a server that kept every one would grow by 256 MiB.
        while ((ws.readyState === 'connecting' || ws.readyState === 'open') && sent < 256 * MiB) {
          ws.send(new Uint8Array(64 * 1024));
          sent += 64 * 1024;
          if (sent % MiB === 0) await new Promise((resolve) => setImmediate(resolve));
        }
        outcome = { sent, state: ws.readyState };
        closedInfo = await ws.closed;
      }),
    );
    server = await listen(app, { websocket: { maxBufferedAmount: 2 * MiB } });
    const peer = await rawHandshake(server.port, '/');
    peer.socket.pause();
    const external = process.memoryUsage().external + process.memoryUsage().arrayBuffers;
    await waitFor(() => outcome !== undefined, 20_000, 'the app to stop sending');
    const grown = process.memoryUsage().external + process.memoryUsage().arrayBuffers - external;
    expect(outcome!.state).toBe('closing');
    // What the loopback's kernel buffers take, plus the bound: far below what was asked.
    expect(outcome!.sent).toBeLessThan(64 * MiB);
    expect(grown).toBeLessThan(64 * MiB);

    // Reading again, the client finds the close frame after the data that was in flight.
    peer.socket.resume();
    await waitFor(() => parseFrames(peer.received()).some((frame) => frame.opcode === 8), 20_000, 'the close frame');
    const close = parseFrames(peer.received()).find((frame) => frame.opcode === 8)!;
    expect(closePayload(close).code).toBe(1008);
    peer.socket.destroy();
    await waitFor(() => closedInfo !== undefined, 5000, 'the app to see the close');
    expect(closedInfo!.code).toBe(1008);
    expect(closedInfo!.wasClean).toBe(false);
  });

  it("a graceful shutdown closes WebSockets with 1001 'server shutting down'", async () => {
    const running = await listen(chat);
    const before = await chatStats(running.url);
    const ws = await openWebSocket(`${running.url.replace('http:', 'ws:')}/socket?token=${CHAT_TOKEN}`, ['chat.v1']);
    const closed = closeOf(ws);
    const started = performance.now();
    await running.close();
    expect(await closed).toEqual({ code: 1001, reason: 'server shutting down' });
    // Well before the 10 s shutdown timeout: the close handshake ended it.
    expect(performance.now() - started).toBeLessThan(5000);
    // The chat example's cleanup ran and saw the 1001 (its stats live in the module: ask another server).
    server = await listen(chat);
    const after = await stats();
    expect(after.finished).toBe(before.finished + 1);
    expect(after.lastClose).toEqual({ code: 1001, reason: 'server shutting down' });
  });

  it('cuts a WebSocket that does not answer the close at the shutdown deadline', async () => {
    let info: WebSocketCloseInfo | undefined;
    const app = Request.application((req) =>
      req.acceptWebSocket({}, async (ws) => {
        info = await ws.closed;
      }),
    );
    const running = await listen(app, { shutdownTimeout: 300 });
    const peer = await rawHandshake(running.port, '/');
    const started = performance.now();
    await running.close();
    expect(performance.now() - started).toBeLessThan(5000);
    await waitFor(() => info !== undefined, 5000, 'the app to see the close');
    expect(info).toEqual({ code: 1001, reason: 'server shutting down', wasClean: false });
    expect(parseFrames(peer.received()).some((frame) => frame.opcode === 8 && closePayload(frame).code === 1001)).toBe(true);
    peer.socket.destroy();
  });
});
