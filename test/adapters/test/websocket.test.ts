/**
 * `client.websocket(...)`: examples/realtime/chat.ts (the app every runtime must serve alike)
 * through the in-memory client, and lint catching apps that break section 14 of docs/spec.md.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/gateway.js';
import { Client, TestWebSocket } from '../../../src/adapters/test/index.js';
import { lint, LintError } from '../../../src/middleware/lint.js';
import { Request } from '../../../src/request/request.js';
import { chat, CHAT_TOKEN, echo } from '../../../examples/realtime/chat.js';

const SOCKET = `/socket?token=${CHAT_TOKEN}`;

interface Stats {
  open: number;
  finished: number;
  lastClose: null | { code: number; reason: string };
}

async function stats(client: Client): Promise<Stats> {
  return (await (await client.get('/stats')).json()) as Stats;
}

const clients: Client[] = [];
function newClient(app: App = chat, options: ConstructorParameters<typeof Client>[1] = {}): Client {
  const client = new Client(app, options);
  clients.push(client);
  return client;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

describe('client.websocket on the chat example', () => {
  it('accepts with chat.v1 and answers a 101 with the handshake headers', async () => {
    const ws = await newClient().websocket(SOCKET, { protocols: ['chat.v1'] });
    expect(ws).toBeInstanceOf(TestWebSocket);
    expect(ws.accepted).toBe(true);
    expect(ws.protocol).toBe('chat.v1');
    expect(ws.readyState).toBe('open');
    expect(ws.response.statusCode).toBe(101);
    expect(ws.response.headers.get('Upgrade')).toBe('websocket');
    expect(ws.response.headers.get('Sec-WebSocket-Protocol')).toBe('chat.v1');
    // RFC 6455 section 4.2.2: base64(SHA-1(key + GUID)), 20 bytes.
    expect(ws.response.headers.get('Sec-WebSocket-Accept')).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    expect(ws.response.headers.get('Content-Type')).toBeUndefined();
    const { environ } = ws.response;
    expect(environ.HTTP_SEC_WEBSOCKET_VERSION).toBe('13');
    expect(environ.HTTP_SEC_WEBSOCKET_KEY).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    await ws.close();
  });

  it('echoes text and binary messages, in order', async () => {
    const ws = await newClient().websocket(SOCKET, { protocols: ['chat.v1'] });
    ws.send('one');
    ws.send(new Uint8Array([1, 2, 3]));
    ws.send('two');
    expect(await ws.nextMessage()).toBe('echo: one');
    expect(await ws.nextMessage()).toEqual(new Uint8Array([1, 2, 3]));
    expect(await ws.nextMessage()).toBe('echo: two');
    // An ArrayBuffer and a view go as binary, too.
    ws.send(new Uint16Array([0x0201]).buffer);
    expect(await ws.nextMessage()).toEqual(new Uint8Array([1, 2]));
    await ws.close();
  });

  it("closes with the app's 4000 'bye', and its handler's cleanup has run when closed resolves", async () => {
    const client = newClient();
    const before = await stats(client);
    const ws = await client.websocket(SOCKET, { protocols: ['chat.v1'] });
    ws.send('close');
    await expect(ws.nextMessage()).rejects.toThrow(/closed \(4000 "bye"\)/);
    expect(await ws.closed).toEqual({ code: 4000, reason: 'bye', wasClean: true });
    const after = await stats(client);
    expect(after.finished - before.finished).toBe(1);
    expect(after.open).toBe(before.open);
    expect(after.lastClose).toEqual({ code: 4000, reason: 'bye' });
  });

  it('keeps the status, headers and body of a 401 refusal, and send() says it was refused', async () => {
    const ws = await newClient().websocket('/socket?token=wrong', { protocols: ['chat.v1'] });
    expect(ws.accepted).toBe(false);
    expect(ws.readyState).toBe('closed');
    expect(ws.response.statusCode).toBe(401);
    expect(ws.response.headers.get('WWW-Authenticate')).toBe('Bearer realm="chat"');
    expect(ws.response.headers.get('X-Chat-Refused')).toBe('bad-token');
    expect(await ws.response.text()).toBe('a valid token is required\n');
    expect(() => ws.send('hi')).toThrow(/refused the WebSocket handshake with 401 Unauthorized/);
    await expect(ws.nextMessage()).rejects.toThrow(/401 Unauthorized/);
    expect((await ws.closed).code).toBe(1006);
  });

  it('refuses a page of another site with 403, and allows the same host whatever the scheme', async () => {
    const client = newClient();
    const evil = await client.websocket(SOCKET, { protocols: ['chat.v1'], origin: 'https://evil.example' });
    expect(evil.accepted).toBe(false);
    expect(evil.response.statusCode).toBe(403);
    expect(await evil.response.text()).toContain('Cross-site WebSocket handshake refused');
    const same = await client.websocket(SOCKET, { protocols: ['chat.v1'], origin: 'http://localhost' });
    expect(same.accepted).toBe(true);
    await same.close();
  });

  it('never selects a subprotocol the client did not offer', async () => {
    const client = newClient();
    const other = await client.websocket(SOCKET, { protocols: ['chat.v2'] });
    expect(other.accepted).toBe(true);
    expect(other.protocol).toBe('');
    expect(other.response.headers.has('Sec-WebSocket-Protocol')).toBe(false);
    const none = await client.websocket(SOCKET);
    expect(none.protocol).toBe('');
    const several = await client.websocket(SOCKET, { protocols: 'chat.v0, chat.v1' });
    expect(several.protocol).toBe('chat.v1');
  });

  it('closes a 2 MiB message with 1009, and the app goes on serving', async () => {
    const client = newClient();
    const before = await stats(client);
    const big = await client.websocket(SOCKET, { protocols: ['chat.v1'] });
    big.send(new Uint8Array(2 * 1024 * 1024));
    const info = await big.closed;
    expect(info.code).toBe(1009);
    expect(info.reason).toMatch(/too big/);
    expect((await stats(client)).finished - before.finished).toBe(1);
    const next = await client.websocket(SOCKET, { protocols: ['chat.v1'] });
    next.send('still here');
    expect(await next.nextMessage()).toBe('echo: still here');
    await next.close();
  });

  it("applies the client's websocket limits (the server's side)", async () => {
    const ws = await newClient(chat, { websocket: { maxMessageSize: 8 } }).websocket(SOCKET, { protocols: ['chat.v1'] });
    ws.send('12345678');
    expect(await ws.nextMessage()).toBe('echo: 12345678');
    ws.send('123456789');
    expect((await ws.closed).code).toBe(1009);
    expect(() => new Client(chat, { websocket: { maxMesageSize: 8 } as never })).toThrow(/unknown limit 'maxMesageSize'/);
  });

  it('runs the cleanup exactly once whether the test, the client or the network ends the socket', async () => {
    const client = newClient();
    const before = await stats(client);
    const a = await client.websocket(SOCKET, { protocols: ['chat.v1'] });
    const b = await client.websocket(SOCKET, { protocols: ['chat.v1'] });
    const c = await client.websocket(SOCKET, { protocols: ['chat.v1'] });
    expect((await stats(client)).open - before.open).toBe(3);
    expect(await a.close(4001, 'done')).toEqual({ code: 4001, reason: 'done', wasClean: true });
    expect(await c.terminate()).toEqual({ code: 1006, reason: '', wasClean: false });
    await client.close();
    expect(await b.closed).toEqual({ code: 1001, reason: 'the test client closed', wasClean: true });
    // Closing again changes nothing.
    await a.close();
    await client.close();
    const after = await stats(client);
    expect(after.finished - before.finished).toBe(3);
    expect(after.open).toBe(before.open);
  });

  it('aborts ws.signal once, and tsgi.signal, when the socket closes', async () => {
    let aborts = 0;
    let requestSignal: AbortSignal | undefined;
    const app = Request.application((req) => {
      requestSignal = req.signal;
      return req.acceptWebSocket({}, async (ws) => {
        ws.signal.addEventListener('abort', () => aborts++);
        await ws.closed;
      });
    });
    const ws = await newClient(app).websocket('/');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(requestSignal?.aborted).toBe(false);
    await ws.close();
    await ws.close();
    expect(aborts).toBe(1);
    expect(requestSignal?.aborted).toBe(true);
  });

  it('puts cookies set on the 101 into the jar, and sends the jar with the handshake', async () => {
    const app = Request.application((req) => {
      const response = req.acceptWebSocket({}, async (ws) => {
        ws.send(req.cookies.seen ?? 'no cookie');
        await ws.closed;
      });
      response.setCookie('seen', 'yes');
      return response;
    });
    const client = newClient(app);
    const first = await client.websocket('/');
    expect(first.response.headers.get('Set-Cookie')).toMatch(/^seen=yes/);
    expect(client.cookies?.get('seen')?.value).toBe('yes');
    expect(await first.nextMessage()).toBe('no cookie');
    const second = await client.websocket('/');
    expect(await second.nextMessage()).toBe('yes');
  });

  it('answers 400 to a handshake it does not offer (a request that is not one)', async () => {
    const ws = await newClient(echo).websocket('/', { headers: { Upgrade: 'h2c' } });
    expect(ws.accepted).toBe(false);
    expect(ws.response.statusCode).toBe(400);
    expect(ws.response.environ['tsgi.websocket']).toBeUndefined();
  });

  it('rejects nextMessage after its timeout and keeps the message for the next read', async () => {
    const app = Request.application((req) =>
      req.acceptWebSocket({}, async (ws) => {
        for await (const message of ws) {
          await new Promise((resolve) => setTimeout(resolve, 60));
          ws.send(message);
        }
      }),
    );
    const ws = await newClient(app).websocket('/');
    ws.send('late');
    await expect(ws.nextMessage({ timeout: 10 })).rejects.toThrow(/no WebSocket message from the app within 10 ms/);
    expect(await ws.nextMessage({ timeout: 1000 })).toBe('late');
    ws.send('again');
    for await (const message of ws) {
      expect(message).toBe('again');
      break;
    }
    await ws.close();
  });

  it('reports a throwing handler as 1011 and writes the error to tsgi.errors', async () => {
    const app = Request.application((req) =>
      req.acceptWebSocket({}, async () => {
        throw new Error('handler broke');
      }),
    );
    const ws = await newClient(app).websocket('/');
    expect(await ws.closed).toEqual({ code: 1011, reason: 'server error', wasClean: true });
    expect(ws.response.errors).toContain('handler broke');
  });
});

describe('lint on client.websocket', () => {
  const raw101: App = (_environ, startResponse) => {
    startResponse('101 Switching Protocols', []);
    return [];
  };

  it('catches a 101 without accept (rule 14.6)', async () => {
    const error = await newClient(raw101).websocket('/').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LintError);
    expect((error as LintError).rule).toBe('14.6');
    expect((error as LintError).message).toMatch(/without calling offer.accept\(\)/);
  });

  it('answers 500 for a 101 without accept when lint is off', async () => {
    const ws = await newClient(raw101, { lint: false }).websocket('/');
    expect(ws.accepted).toBe(false);
    expect(ws.response.statusCode).toBe(500);
    expect(ws.response.errors).toMatch(/101 Switching Protocols without calling offer.accept/);
  });

  it('catches an accept after the body was closed (rule 14.3)', async () => {
    let late: unknown;
    const app: App = (environ, startResponse) => {
      startResponse('200 OK', [['Content-Length', '0']]);
      return {
        [Symbol.iterator]: () => ({
          next: () => ({ done: true, value: undefined }),
          return: () => {
            try {
              environ['tsgi.websocket']?.accept();
            } catch (error) {
              late = error;
            }
            return { done: true, value: undefined };
          },
        }),
      };
    };
    const error = await newClient(app).websocket('/').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LintError);
    expect((error as LintError).rule).toBe('14.3');
    // The server has not settled yet: the offer accepted, and settling on the 200 abandoned it.
    expect(late).toBeUndefined();
  });

  it('catches an accept after the app returned and the server settled (rule 14.3); the offer refuses it', async () => {
    let late: unknown;
    let accepted!: () => void;
    const done = new Promise<void>((resolve) => (accepted = resolve));
    const app: App = (environ, startResponse) => {
      setTimeout(() => {
        try {
          environ['tsgi.websocket']?.accept();
        } catch (error) {
          late = error;
        }
        accepted();
      }, 0);
      startResponse('204 No Content', []);
      return [];
    };
    const errors: LintError[] = [];
    const ws = await newClient(lint(app, { onError: (error) => errors.push(error) }), { lint: false }).websocket('/');
    expect(ws.response.statusCode).toBe(204);
    await done;
    expect(errors.map((error) => error.rule)).toEqual(['14.3']);
    expect(errors[0].message).toMatch(/after the body was closed/);
    expect(late).toBeInstanceOf(TypeError);
    expect((late as Error).message).toMatch(/after the app returned/);
  });

  it('catches a subprotocol that was not offered (rule 14.4) and one accepted twice (14.3)', async () => {
    const twice: App = (environ, startResponse) => {
      const offer = environ['tsgi.websocket']!;
      offer.accept();
      try {
        offer.accept();
      } catch {
        // the offer refuses it; lint reports it
      }
      startResponse('101 Switching Protocols', []);
      return [];
    };
    const error = await newClient(twice).websocket('/').catch((caught: unknown) => caught);
    expect((error as LintError).rule).toBe('14.3');
    const unoffered: App = (environ, startResponse) => {
      environ['tsgi.websocket']!.accept({ protocol: 'chat.v9' });
      startResponse('101 Switching Protocols', []);
      return [];
    };
    const other = await newClient(unoffered).websocket('/', { protocols: ['chat.v1'] }).catch((caught: unknown) => caught);
    expect((other as LintError).rule).toBe('14.4');
  });

  it('catches a 101 with a body (14.6) and an accept answered 200 (14.6)', async () => {
    const withBody: App = (environ, startResponse) => {
      environ['tsgi.websocket']!.accept();
      startResponse('101 Switching Protocols', []);
      return [new TextEncoder().encode('hello')];
    };
    const error = await newClient(withBody).websocket('/').catch((caught: unknown) => caught);
    expect((error as LintError).rule).toBe('14.6');
    const answered200: App = (environ, startResponse) => {
      environ['tsgi.websocket']!.accept();
      startResponse('200 OK', [['Content-Length', '0']]);
      return [];
    };
    const wrong = await newClient(answered200).websocket('/').catch((caught: unknown) => caught);
    expect((wrong as LintError).message).toMatch(/accepted the WebSocket but answered 200/);
  });
});
