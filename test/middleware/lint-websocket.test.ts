/**
 * lint's WebSocket checks on the server's side (rules 3.24 and 14.1) and its wrapper of the
 * offer, which must leave the server's own offer working (it settles that one, rule 14.14).
 */
import { describe, expect, it } from 'vitest';
import type { App, Environ } from '../../src/gateway.js';
import { lint, LintError } from '../../src/middleware/lint.js';
import { createEnviron } from '../../src/request/create-environ.js';
import { Request } from '../../src/request/request.js';
import { AppRun } from '../../src/response/from-app.js';
import { ServerWebSocketOffer } from '../../src/response/websocket/offer.js';

const HANDSHAKE = { Upgrade: 'websocket', Connection: 'Upgrade', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Protocol': 'chat' };

const ok: App = (_environ, startResponse) => {
  startResponse('204 No Content', []);
  return [];
};

async function lintErrors(app: App, environ: Environ): Promise<LintError[]> {
  const errors: LintError[] = [];
  const run = await AppRun.start(lint(app, { onError: (error) => errors.push(error) }), environ);
  await run.rest();
  return errors;
}

describe('lint: tsgi.websocket from the server', () => {
  it('accepts an offer on a handshake, and no key at all elsewhere', async () => {
    const environ = createEnviron('/ws', { headers: HANDSHAKE });
    environ['tsgi.websocket'] = new ServerWebSocketOffer(environ);
    expect(await lintErrors(ok, environ)).toEqual([]);
    expect(await lintErrors(ok, createEnviron('/'))).toEqual([]);
  });

  it('reports an offer that is not one (rule 3.24)', async () => {
    for (const offer of [null, 'yes', { protocols: 'chat', accepted: false, accept() {} }, { protocols: [1], accepted: false, accept() {} }, { protocols: [], accepted: false }]) {
      const environ = createEnviron('/ws', { headers: HANDSHAKE, environ: { 'tsgi.websocket': offer } });
      const errors = await lintErrors(ok, environ);
      expect(errors.map((error) => [error.rule, error.side]), JSON.stringify(offer)).toEqual([['3.24', 'server']]);
    }
  });

  it('reports an offer on a request that is not a handshake (rule 14.1)', async () => {
    const environ = createEnviron('/ws');
    environ['tsgi.websocket'] = new ServerWebSocketOffer(environ);
    const errors = await lintErrors(ok, environ);
    expect(errors.map((error) => error.rule)).toEqual(['14.1']);
  });

  it("wraps the offer but leaves the server's own to settle: the session it returns is the app's", async () => {
    const environ = createEnviron('/ws', { headers: HANDSHAKE });
    const offer = new ServerWebSocketOffer(environ);
    environ['tsgi.websocket'] = offer;
    let seen: unknown;
    const app = Request.application((req) => {
      seen = req.environ['tsgi.websocket'];
      expect(req.websocketProtocols).toEqual(['chat']);
      return req.acceptWebSocket({ protocol: 'chat' }, (ws) => ws.send('hi'));
    });
    const errors = await lintErrors(app, environ);
    expect(errors).toEqual([]);
    expect(seen).not.toBe(offer);
    expect((seen as ServerWebSocketOffer).accepted).toBe(true);
    expect(offer.accepted).toBe(true);
    const session = offer.settle('101 Switching Protocols');
    expect(session?.protocol).toBe('chat');
  });

  it('throws into the app without onError, before the offer would', () => {
    const environ = createEnviron('/ws', { headers: HANDSHAKE });
    environ['tsgi.websocket'] = new ServerWebSocketOffer(environ);
    const app: App = (env, startResponse) => {
      env['tsgi.websocket']!.accept({ protocol: 'other' });
      startResponse('101 Switching Protocols', []);
      return [];
    };
    expect(() => lint(app)(environ, () => {})).toThrow(LintError);
    expect(() => lint(app)(environ, () => {})).toThrow(/rule 14.4 \(app\).*"other", which the client did not offer \(offered: chat\)/);
  });

  it('lets an accepted app replace its 101 with an error response (rule 6.6)', async () => {
    const environ = createEnviron('/ws', { headers: HANDSHAKE });
    environ['tsgi.websocket'] = new ServerWebSocketOffer(environ);
    const app: App = (env, startResponse) => {
      env['tsgi.websocket']!.accept();
      startResponse('500 Internal Server Error', [['Content-Length', '0']], new Error('changed its mind'));
      return [];
    };
    expect(await lintErrors(app, environ)).toEqual([]);
  });

  it('reports Sec-WebSocket-* headers in a 101 and a 101 without an offer (rule 14.6)', async () => {
    const environ = createEnviron('/ws', { headers: HANDSHAKE });
    environ['tsgi.websocket'] = new ServerWebSocketOffer(environ);
    const app: App = (env, startResponse) => {
      env['tsgi.websocket']!.accept();
      startResponse('101 Switching Protocols', [['Sec-WebSocket-Protocol', 'chat']]);
      return [];
    };
    const errors = await lintErrors(app, environ);
    expect(errors.map((error) => error.message)).toEqual([expect.stringMatching(/rule 14.6 \(app\): the app sent Sec-WebSocket-Protocol in its 101/)]);
    const bare: App = (_env, startResponse) => {
      startResponse('101 Switching Protocols', []);
      return [];
    };
    const without = await lintErrors(bare, createEnviron('/'));
    expect(without.map((error) => error.message)).toEqual([expect.stringMatching(/on a request without tsgi.websocket/)]);
  });
});
