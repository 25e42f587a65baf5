/**
 * The WebSocket handshake's header rules (src/http/websocket.ts) and the request accessors built
 * on them (`req.isWebSocket`, `req.websocketProtocols`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handshakeProblem, isSameHostOrigin, isWebSocketHandshake, MAX_WEBSOCKET_PROTOCOLS, parseWebSocketProtocols } from '../../src/http/websocket.js';
import { Request } from '../../src/request/request.js';
import { createEnviron } from '../../src/request/create-environ.js';
import { ServerWebSocketOffer } from '../../src/response/websocket/offer.js';

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

describe('isWebSocketHandshake', () => {
  it('needs Upgrade: websocket and a Connection list naming upgrade, in any case', () => {
    expect(isWebSocketHandshake('websocket', 'Upgrade')).toBe(true);
    expect(isWebSocketHandshake('WebSocket', 'keep-alive, UPGRADE')).toBe(true);
    expect(isWebSocketHandshake(' websocket ', 'keep-alive,upgrade')).toBe(true);
    expect(isWebSocketHandshake('h2c', 'Upgrade')).toBe(false);
    expect(isWebSocketHandshake('websocket', 'keep-alive')).toBe(false);
    expect(isWebSocketHandshake('websocket', 'upgraded')).toBe(false);
    expect(isWebSocketHandshake('websocket', undefined)).toBe(false);
    expect(isWebSocketHandshake(undefined, 'Upgrade')).toBe(false);
    expect(isWebSocketHandshake('websocket, h2c', 'Upgrade')).toBe(false);
  });
});

describe('parseWebSocketProtocols', () => {
  it('reads the list in order, without repeats, blanks or non-tokens', () => {
    expect(parseWebSocketProtocols('chat, superchat')).toEqual(['chat', 'superchat']);
    expect(parseWebSocketProtocols(' chat.v1 ,, chat.v1,graphql-ws ')).toEqual(['chat.v1', 'graphql-ws']);
    expect(parseWebSocketProtocols('a b, c/d, "e", f')).toEqual(['f']);
    expect(parseWebSocketProtocols('')).toEqual([]);
    expect(parseWebSocketProtocols(undefined)).toEqual([]);
  });

  it(`keeps at most ${MAX_WEBSOCKET_PROTOCOLS} subprotocols`, () => {
    const many = Array.from({ length: 1000 }, (_, i) => `p${i}`).join(',');
    const parsed = parseWebSocketProtocols(many);
    expect(parsed).toHaveLength(MAX_WEBSOCKET_PROTOCOLS);
    expect(parsed[0]).toBe('p0');
  });

  it('never throws and returns distinct tokens only, whatever the header holds', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.array(fc.constantFrom('chat', ',', ' ', '\t', '"', 'v1', '/', 'é')).map((parts) => parts.join(''))), (value) => {
        const parsed = parseWebSocketProtocols(value);
        expect(parsed.length).toBeLessThanOrEqual(MAX_WEBSOCKET_PROTOCOLS);
        expect(new Set(parsed).size).toBe(parsed.length);
        for (const protocol of parsed) expect(protocol).toMatch(TOKEN);
      }),
      { numRuns: 500 },
    );
  });
});

describe('isSameHostOrigin', () => {
  it('compares host and port, not the scheme', () => {
    expect(isSameHostOrigin('https://chat.example', 'chat.example')).toBe(true);
    expect(isSameHostOrigin('http://chat.example', 'chat.example')).toBe(true);
    expect(isSameHostOrigin('https://evil.example', 'chat.example')).toBe(false);
    expect(isSameHostOrigin('https://chat.example.evil.example', 'chat.example')).toBe(false);
  });

  it('defaults ports to the origin scheme', () => {
    expect(isSameHostOrigin('https://chat.example', 'chat.example:443')).toBe(true);
    expect(isSameHostOrigin('https://chat.example:443', 'chat.example')).toBe(true);
    expect(isSameHostOrigin('http://chat.example', 'chat.example:80')).toBe(true);
    expect(isSameHostOrigin('http://chat.example', 'chat.example:443')).toBe(false);
    expect(isSameHostOrigin('http://localhost:5173', 'localhost:8000')).toBe(false);
    expect(isSameHostOrigin('http://localhost:8000', 'localhost:8000')).toBe(true);
  });

  it('ignores case, and handles IPv6 literals', () => {
    expect(isSameHostOrigin('https://CHAT.Example', 'chat.EXAMPLE')).toBe(true);
    expect(isSameHostOrigin('HTTPS://chat.example', 'chat.example')).toBe(true);
    expect(isSameHostOrigin('http://[::1]:8000', '[::1]:8000')).toBe(true);
    expect(isSameHostOrigin('http://[0:0:0:0:0:0:0:1]:8000', '[::1]:8000')).toBe(true);
    expect(isSameHostOrigin('http://[::1]:8000', '[::2]:8000')).toBe(false);
    expect(isSameHostOrigin('http://[::1]', '[::1]:80')).toBe(true);
  });

  it("refuses 'null', malformed origins and hosts that are more than host[:port]", () => {
    expect(isSameHostOrigin('null', 'chat.example')).toBe(false);
    expect(isSameHostOrigin('', 'chat.example')).toBe(false);
    expect(isSameHostOrigin('chat.example', 'chat.example')).toBe(false);
    expect(isSameHostOrigin('https://chat.example', undefined)).toBe(false);
    expect(isSameHostOrigin('https://chat.example', '')).toBe(false);
    for (const host of ['chat.example/path', 'user@chat.example', 'chat.example?x', 'chat.example#x', 'chat example', 'chat.example\\x', 'chat.example:port', '[::1']) {
      expect(isSameHostOrigin('https://chat.example', host), host).toBe(false);
    }
  });

  it('never throws on any origin and host', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (origin, host) => {
        expect(typeof isSameHostOrigin(origin, host)).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('req.isWebSocket and req.websocketProtocols', () => {
  const handshake = { Upgrade: 'websocket', Connection: 'keep-alive, Upgrade', 'Sec-WebSocket-Protocol': 'chat.v2, chat' };

  it('tell a handshake and its subprotocols, with or without an offer from the server', () => {
    const req = new Request(createEnviron('/ws', { headers: handshake }));
    expect(req.isWebSocket).toBe(true);
    expect(req.websocketProtocols).toEqual(['chat.v2', 'chat']);
    const plain = new Request(createEnviron('/ws'));
    expect(plain.isWebSocket).toBe(false);
    expect(plain.websocketProtocols).toEqual([]);
  });

  it("read the server's offer when there is one", () => {
    const environ = createEnviron('/ws', { headers: handshake });
    const offer = new ServerWebSocketOffer(environ);
    environ['tsgi.websocket'] = offer;
    expect(new Request(environ).websocketProtocols).toBe(offer.protocols);
  });
});

describe('handshakeProblem', () => {
  const key = 'dGhlIHNhbXBsZSBub25jZQ==';
  it('accepts a GET with a 16-byte base64 key and version 13', () => {
    expect(handshakeProblem('GET', key, '13')).toBeUndefined();
  });
  it('says what is wrong otherwise', () => {
    expect(handshakeProblem('POST', key, '13')).toMatch(/GET request/);
    expect(handshakeProblem('GET', undefined, '13')).toMatch(/Sec-WebSocket-Key/);
    expect(handshakeProblem('GET', 'c2hvcnQ=', '13')).toMatch(/Sec-WebSocket-Key/);
    expect(handshakeProblem('GET', key, '8')).toMatch(/Version must be 13/);
    expect(handshakeProblem('GET', key, undefined)).toMatch(/Version must be 13/);
  });
});
