/**
 * The Fetch adapter's WebSocket side where Node runs it: no upgrade mechanism (no offer, the app
 * answers 501), the `websocket` limits option and what it gives Bun (`handler.websocket`), and
 * Bun's server as the second argument. The handshakes themselves run on Bun, Deno and workerd in
 * test/e2e/runtimes (websocket-checks.ts).
 */
import { describe, expect, it } from 'vitest';
import { toFetchHandler } from '../../../src/adapters/fetch/index.js';
import type { App, Environ, ErrorStream } from '../../../src/gateway.js';
import { chat, CHAT_TOKEN } from '../../../examples/realtime/chat.js';

function handshake(path: string, headers: Record<string, string> = {}): Request {
  return new Request(`http://127.0.0.1:8000${path}`, {
    headers: {
      Upgrade: 'websocket',
      Connection: 'Upgrade',
      'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
      'Sec-WebSocket-Version': '13',
      'Sec-WebSocket-Protocol': 'chat.v1',
      ...headers,
    },
  });
}

function recorder(): ErrorStream & { lines: string[] } {
  const lines: string[] = [];
  return { lines, write: (line: string) => void lines.push(line) };
}

/** Bun's server as Bun passes it: the peer through requestIP; upgrade is never reached here. */
function bunLikeServer(): { requestIP(request: Request): { address: string; family: string; port: number }; upgrade(): boolean; calls: number } {
  return {
    calls: 0,
    requestIP(request) {
      expect(request).toBeInstanceOf(Request);
      this.calls++;
      return { address: '10.0.0.7', family: 'IPv4', port: 51234 };
    },
    upgrade() {
      throw new Error('upgrade must not be called when Bun was not given handler.websocket');
    },
  };
}

describe('toFetchHandler: WebSocket handshakes without an upgrade mechanism (Node)', () => {
  it('makes no offer: the app answers 501, and a plain request to the socket 400', async () => {
    let offered: unknown = 'not seen';
    const app: App = (environ, startResponse) => {
      offered = environ['tsgi.websocket'];
      return chat(environ, startResponse);
    };
    const handler = toFetchHandler(app);
    const res = await handler(handshake(`/socket?token=${CHAT_TOKEN}`));
    expect(offered).toBeUndefined();
    expect(res.status).toBe(501);
    expect(await res.text()).toBe('This server cannot accept WebSocket connections.\n');
    const plain = await handler(new Request(`http://127.0.0.1:8000/socket?token=${CHAT_TOKEN}`));
    expect(plain.status).toBe(400);
  });

  it("answers the app's refusal as it is", async () => {
    const res = await toFetchHandler(chat)(handshake('/socket?token=wrong'));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="chat"');
    expect(res.headers.get('x-chat-refused')).toBe('bad-token');
  });
});

describe('toFetchHandler: the websocket limits option', () => {
  it("gives Bun the defaults: 1 MiB messages, pings every 30 s, the send backlog's bound, no compression", () => {
    const { open, message, close, ...settings } = toFetchHandler(chat).websocket;
    expect([typeof open, typeof message, typeof close]).toEqual(['function', 'function', 'function']);
    expect(settings).toEqual({
      maxPayloadLength: 1024 * 1024,
      idleTimeout: 30,
      sendPings: true,
      backpressureLimit: 8 * 1024 * 1024,
      closeOnBackpressureLimit: false,
      perMessageDeflate: false,
    });
  });

  it('maps the limits to Bun: pings off at 0, seconds rounded up, at most 960 (Bun refuses more)', () => {
    const off = toFetchHandler(chat, { websocket: { maxMessageSize: 65536, pingInterval: 0, maxBufferedAmount: 1000 } }).websocket;
    expect([off.maxPayloadLength, off.idleTimeout, off.sendPings, off.backpressureLimit]).toEqual([65536, 0, false, 1000]);
    expect(toFetchHandler(chat, { websocket: { pingInterval: 1500 } }).websocket.idleTimeout).toBe(2);
    expect(toFetchHandler(chat, { websocket: { pingInterval: 3_600_000 } }).websocket.idleTimeout).toBe(960);
  });

  it('refuses unknown limits and bad values by name', () => {
    // @ts-expect-error: a typo.
    expect(() => toFetchHandler(chat, { websocket: { maxMesageSize: 1 } })).toThrow("websocket: unknown limit 'maxMesageSize'");
    expect(() => toFetchHandler(chat, { websocket: { pingInterval: -1 } })).toThrow(/pingInterval must be a non-negative number of milliseconds/);
    // @ts-expect-error: a typo.
    expect(() => toFetchHandler(chat, { websockets: {} })).toThrow("toFetchHandler: unknown option 'websockets' (did you mean 'websocket'?)");
  });
});

describe("toFetchHandler: Bun's server as the second argument", () => {
  it('takes REMOTE_ADDR and REMOTE_PORT from server.requestIP(request)', async () => {
    let seen: Environ | undefined;
    const app: App = (environ, startResponse) => {
      seen = environ;
      startResponse('204 No Content', []);
      return [];
    };
    const server = bunLikeServer();
    await toFetchHandler(app)(new Request('http://127.0.0.1:8000/'), server);
    expect(server.calls).toBe(1);
    expect(seen!.REMOTE_ADDR).toBe('10.0.0.7');
    expect(seen!.REMOTE_PORT).toBe('51234');
  });

  it('a remoteAddr given explicitly wins over requestIP', async () => {
    let seen: Environ | undefined;
    const app: App = (environ, startResponse) => {
      seen = environ;
      startResponse('204 No Content', []);
      return [];
    };
    const server = Object.assign(bunLikeServer(), { remoteAddr: '192.0.2.1' });
    await toFetchHandler(app)(new Request('http://127.0.0.1:8000/'), server);
    expect(seen!.REMOTE_ADDR).toBe('192.0.2.1');
    expect(server.calls).toBe(0);
  });

  it('without websocket: handler.websocket given to Bun.serve, makes no offer (501) and says how, once', async () => {
    const errors = recorder();
    const handler = toFetchHandler(chat, { errors });
    const server = bunLikeServer();
    for (let i = 0; i < 2; i++) {
      const res = await handler(handshake(`/socket?token=${CHAT_TOKEN}`), server);
      expect(res.status).toBe(501);
    }
    expect(errors.lines).toHaveLength(1);
    expect(errors.lines[0]).toContain('Bun.serve({ fetch: handler, websocket: handler.websocket })');
  });
});
