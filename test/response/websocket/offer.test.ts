/**
 * `ServerWebSocketOffer` (spec rules 14.2 to 14.8): accept once and in time, offered subprotocols
 * only, cross-site origins refused; `settle` and `handshakeHeaders` for the server.
 */
import { describe, expect, it } from 'vitest';
import { ServerWebSocketOffer, handshakeHeaders } from '../../../src/response/websocket/offer.js';
import { websocketLimits } from '../../../src/response/websocket/limits.js';
import { createEnviron } from '../../../src/request/create-environ.js';
import { Forbidden } from '../../../src/errors.js';

function offerFor(headers: Record<string, string> = {}, url = 'http://chat.example/socket'): ServerWebSocketOffer {
  const environ = createEnviron(url, {
    headers: { Upgrade: 'websocket', Connection: 'Upgrade', 'Sec-WebSocket-Version': '13', ...headers },
  });
  return new ServerWebSocketOffer(environ);
}

describe('ServerWebSocketOffer', () => {
  it('lists the offered subprotocols in order, frozen, tokens only', () => {
    const offer = offerFor({ 'Sec-WebSocket-Protocol': 'chat.v2, chat, chat, bad/one' });
    expect(offer.protocols).toEqual(['chat.v2', 'chat']);
    expect(Object.isFrozen(offer.protocols)).toBe(true);
    expect(offerFor().protocols).toEqual([]);
  });

  it('accepts once, with the session carrying the protocol and the limits', () => {
    const environ = createEnviron('/', { headers: { 'Sec-WebSocket-Protocol': 'chat' } });
    const limits = websocketLimits({ maxMessageSize: 10 });
    const offer = new ServerWebSocketOffer(environ, limits);
    expect(offer.accepted).toBe(false);
    expect(offer.session).toBeUndefined();
    const ws = offer.accept({ protocol: 'chat' });
    expect(offer.accepted).toBe(true);
    expect(offer.session).toBe(ws);
    expect(ws.protocol).toBe('chat');
    expect(ws.limits).toBe(limits);
    expect(() => offer.accept()).toThrow(/called twice/);
  });

  it('refuses accept after settle (the app returned)', () => {
    const offer = offerFor();
    expect(offer.settle('200 OK')).toBeUndefined();
    expect(() => offer.accept()).toThrow(TypeError);
    expect(() => offer.accept()).toThrow(/after the app returned/);
  });

  it('throws a TypeError for a subprotocol that was not offered, naming what was', () => {
    expect(() => offerFor({ 'Sec-WebSocket-Protocol': 'chat.v1' }).accept({ protocol: 'chat.v2' })).toThrow(
      "offer.accept(): subprotocol 'chat.v2' was not offered by the client (offered: chat.v1)",
    );
    expect(() => offerFor().accept({ protocol: 'chat' })).toThrow(/offered: none/);
    // '' means none, as undefined does.
    expect(offerFor().accept({ protocol: '' }).protocol).toBe('');
  });

  it('refuses a cross-site Origin with 403 Forbidden, and does not accept', () => {
    const offer = offerFor({ Origin: 'https://evil.example' });
    let error: unknown;
    try {
      offer.accept();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(Forbidden);
    expect((error as Forbidden).code).toBe(403);
    expect((error as Forbidden).description).toMatch(/Origin https:\/\/evil.example is not this host.*allowedOrigins/);
    expect(offer.accepted).toBe(false);
  });

  it('allows the same host (any scheme), no Origin at all, and origins the app lists or approves', () => {
    expect(offerFor({ Origin: 'https://chat.example' }).accept().readyState).toBe('connecting');
    expect(offerFor({ Origin: 'http://chat.example' }).accepted).toBe(false);
    expect(offerFor({}).accept()).toBeDefined();
    expect(offerFor({ Origin: 'https://app.example' }).accept({ allowedOrigins: ['https://app.example'] })).toBeDefined();
    expect(() => offerFor({ Origin: 'https://app.example:8443' }).accept({ allowedOrigins: ['https://app.example'] })).toThrow(Forbidden);
    const seen: string[] = [];
    const approve = (origin: string) => {
      seen.push(origin);
      return origin.endsWith('.trusted.example');
    };
    expect(offerFor({ Origin: 'https://a.trusted.example' }).accept({ allowedOrigins: approve })).toBeDefined();
    expect(() => offerFor({ Origin: 'https://untrusted.example' }).accept({ allowedOrigins: approve })).toThrow(Forbidden);
    expect(seen).toEqual(['https://a.trusted.example', 'https://untrusted.example']);
    // A function must answer true itself: a truthy non-boolean is not an approval.
    expect(() => offerFor({ Origin: 'https://x.example' }).accept({ allowedOrigins: (() => 'yes') as unknown as () => boolean })).toThrow(Forbidden);
  });

  it("refuses the 'null' origin (sandboxed pages, file: URLs) unless listed", () => {
    expect(() => offerFor({ Origin: 'null' }).accept()).toThrow(Forbidden);
    expect(offerFor({ Origin: 'null' }).accept({ allowedOrigins: ['null'] })).toBeDefined();
  });

  describe('settle', () => {
    it('returns the session after an accept and a 101', () => {
      const offer = offerFor();
      const ws = offer.accept();
      expect(offer.settle('101 Switching Protocols')).toBe(ws);
    });

    it('returns nothing without an accept and another status', () => {
      expect(offerFor().settle('401 Unauthorized')).toBeUndefined();
      expect(offerFor().settle(undefined)).toBeUndefined();
    });

    it('throws for a 101 without an accept (the server answers 500)', () => {
      expect(() => offerFor().settle('101 Switching Protocols')).toThrow(/101 Switching Protocols without calling offer.accept\(\)/);
    });

    it('abandons an accepted session answered with another status: closed 1006, signal aborted', async () => {
      const offer = offerFor();
      const ws = offer.accept();
      expect(offer.settle('500 Internal Server Error')).toBeUndefined();
      expect(ws.signal.aborted).toBe(true);
      expect(await ws.closed).toEqual({
        code: 1006,
        reason: 'the app answered 500 Internal Server Error instead of 101 Switching Protocols',
        wasClean: false,
      });
    });
  });
});

describe('handshakeHeaders', () => {
  it('keeps the app headers but those the server writes and body headers, in order', () => {
    expect(
      handshakeHeaders([
        ['Set-Cookie', 'a=1'],
        ['content-type', 'text/plain'],
        ['Content-Length', '0'],
        ['Sec-WebSocket-Protocol', 'evil'],
        ['SEC-WEBSOCKET-ACCEPT', 'x'],
        ['Sec-WebSocket-Extensions', 'permessage-deflate'],
        ['Upgrade', 'websocket'],
        ['Connection', 'Upgrade'],
        ['Transfer-Encoding', 'chunked'],
        ['Keep-Alive', 'timeout=5'],
        ['X-Request-Id', '7'],
        ['Set-Cookie', 'b=2'],
      ]),
    ).toEqual([
      ['Set-Cookie', 'a=1'],
      ['X-Request-Id', '7'],
      ['Set-Cookie', 'b=2'],
    ]);
  });
});
