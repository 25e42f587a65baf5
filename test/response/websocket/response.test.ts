/**
 * `WebSocketResponse` (`req.acceptWebSocket(options, handler)`): 400 and 501 when it cannot
 * upgrade, 403 for a cross-site page, the subprotocol preference list, and the handler's end
 * closing the connection (1000, or 1011 with the error in tsgi.errors).
 */
import { describe, expect, it } from 'vitest';
import type { Environ } from '../../../src/gateway.js';
import { createEnviron } from '../../../src/request/create-environ.js';
import { Request } from '../../../src/request/request.js';
import { responseFromApp } from '../../../src/response/from-app.js';
import { ServerWebSocketOffer } from '../../../src/response/websocket/offer.js';
import { WebSocketResponse, type WebSocketHandler } from '../../../src/response/websocket/response.js';
import type { WebSocketTransport } from '../../../src/response/websocket/session.js';
import { proxyFix } from '../../../src/middleware/proxy-fix.js';
import { Client } from '../../../src/adapters/test/index.js';

const HANDSHAKE = { Upgrade: 'websocket', Connection: 'Upgrade', 'Sec-WebSocket-Version': '13' };

function handshake(headers: Record<string, string> = {}): { environ: Environ; errors: string[] } {
  const errors: string[] = [];
  const environ = createEnviron('http://localhost/ws', {
    headers: { ...HANDSHAKE, ...headers },
    errors: { write: (message: string) => void errors.push(message) },
  });
  return { environ, errors };
}

/** A transport that records the close it is asked for. */
function transport(): WebSocketTransport & { closes: Array<[number, string]> } {
  const closes: Array<[number, string]> = [];
  return { closes, send() {}, close: (code, reason) => void closes.push([code, reason]), bufferedAmount: 0 };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('WebSocketResponse', () => {
  it('answers 400 to a request that is not a handshake', async () => {
    const res = await responseFromApp(new WebSocketResponse({}, () => {}), createEnviron('/ws'));
    expect(res.statusCode).toBe(400);
    expect(await res.text()).toMatch(/expects a WebSocket handshake/);
  });

  it('answers 501 to a handshake on a server that made no offer', async () => {
    const { environ } = handshake();
    const res = await responseFromApp(new WebSocketResponse({}, () => {}), environ);
    expect(res.statusCode).toBe(501);
    expect(await res.text()).toMatch(/cannot accept WebSocket connections/);
  });

  it('refuses a handler that is not a function', () => {
    expect(() => new WebSocketResponse({}, 'nope' as unknown as WebSocketHandler)).toThrow(/the handler must be a function/);
  });

  it('answers 403 to a cross-site page, without running the handler', async () => {
    const { environ } = handshake({ Origin: 'https://evil.example' });
    const offer = new ServerWebSocketOffer(environ);
    environ['tsgi.websocket'] = offer;
    let ran = false;
    const res = await responseFromApp(new WebSocketResponse({}, () => void (ran = true)), environ);
    expect(res.statusCode).toBe(403);
    expect(offer.accepted).toBe(false);
    await tick();
    expect(ran).toBe(false);
  });

  it('accepts with 101 and an empty body, and closes 1000 when the handler returns', async () => {
    const { environ } = handshake();
    const offer = new ServerWebSocketOffer(environ);
    environ['tsgi.websocket'] = offer;
    const res = await responseFromApp(new WebSocketResponse({}, (ws) => ws.send('hi')), environ);
    expect(res.statusCode).toBe(101);
    expect((await res.bytes()).byteLength).toBe(0);
    expect(res.headers.has('Content-Length')).toBe(false);
    const session = offer.settle(res.status)!;
    const wire = transport();
    session.open(wire);
    await tick();
    expect(wire.closes).toEqual([[1000, '']]);
  });

  it('closes 1011 and writes the error to tsgi.errors when the handler throws', async () => {
    const { environ, errors } = handshake();
    const offer = new ServerWebSocketOffer(environ);
    environ['tsgi.websocket'] = offer;
    const res = await responseFromApp(
      new WebSocketResponse({}, async () => {
        throw new Error('the handler broke');
      }),
      environ,
    );
    const wire = transport();
    offer.settle(res.status)!.open(wire);
    await tick();
    expect(wire.closes).toEqual([[1011, 'server error']]);
    expect(errors.join('')).toMatch(/WebSocket handler failed: Error: the handler broke/);
  });

  it('selects the first of its subprotocols the client offered, or none', async () => {
    const pick = async (offered: string | undefined, wanted: string | string[] | undefined): Promise<string> => {
      const { environ } = handshake(offered === undefined ? {} : { 'Sec-WebSocket-Protocol': offered });
      const offer = new ServerWebSocketOffer(environ);
      environ['tsgi.websocket'] = offer;
      await responseFromApp(new WebSocketResponse({ protocol: wanted }, () => {}), environ);
      return offer.session!.protocol;
    };
    expect(await pick('chat, chat.v2', ['chat.v2', 'chat'])).toBe('chat.v2');
    expect(await pick('chat', ['chat.v2', 'chat'])).toBe('chat');
    expect(await pick('chat.v3', ['chat.v2', 'chat'])).toBe('');
    expect(await pick('chat', 'chat')).toBe('chat');
    expect(await pick('chat', undefined)).toBe('');
    expect(await pick(undefined, 'chat')).toBe('');
  });

  it('is what req.acceptWebSocket returns, and keeps headers set on it', async () => {
    const { environ } = handshake();
    environ['tsgi.websocket'] = new ServerWebSocketOffer(environ);
    const app = Request.application((req) => {
      const res = req.acceptWebSocket({}, () => {});
      res.setCookie('id', '7');
      return res;
    });
    const res = await responseFromApp(app, environ);
    expect(res.statusCode).toBe(101);
    expect(res.headers.get('Set-Cookie')).toMatch(/^id=7/);
  });
});

describe('WebSocketResponse behind proxyFix', () => {
  const app = proxyFix(
    Request.application((req) => req.acceptWebSocket({}, () => {})),
    { xHost: 1, xProto: 1 },
  );

  it('compares the Origin with the forwarded host the app sees, not the proxy-facing Host', async () => {
    const client = new Client(app);
    const ws = await client.websocket('http://127.0.0.1:8000/ws', {
      origin: 'https://chat.example',
      headers: { 'X-Forwarded-Host': 'chat.example', 'X-Forwarded-Proto': 'https' },
    });
    expect(ws.accepted).toBe(true);
    await ws.close();
  });

  it('still refuses another site behind the proxy', async () => {
    const client = new Client(app);
    const ws = await client.websocket('http://127.0.0.1:8000/ws', {
      origin: 'https://evil.example',
      headers: { 'X-Forwarded-Host': 'chat.example', 'X-Forwarded-Proto': 'https' },
    });
    expect(ws.accepted).toBe(false);
    expect(ws.response.statusCode).toBe(403);
    expect(await ws.response.text()).toMatch(/Cross-site WebSocket handshake refused/);
  });
});
