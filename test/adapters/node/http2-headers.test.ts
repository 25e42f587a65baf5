/** `responseHead`: an app's status and header list as the header object of an HTTP/2 response. */
import { describe, expect, it } from 'vitest';
import { responseHead } from '../../../src/adapters/node/http2/headers.js';

describe('responseHead', () => {
  it('lowers names, keeps repeats as arrays and adds the known length', () => {
    const { headers, contentLength } = responseHead(200, [['Content-Type', 'text/plain'], ['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2']], 5, false);
    expect(headers).toEqual({ ':status': 200, 'content-type': 'text/plain', 'set-cookie': ['a=1', 'b=2'], 'content-length': '5' });
    expect(contentLength).toBe(5);
  });

  it('drops the connection-specific headers HTTP/2 forbids', () => {
    const list: [string, string][] = [
      ['Connection', 'keep-alive'], ['Keep-Alive', 'timeout=5'], ['Proxy-Connection', 'close'], ['Transfer-Encoding', 'chunked'],
      ['Upgrade', 'websocket'], ['TE', 'trailers'], ['Trailer', 'Expires'], ['HTTP2-Settings', 'AAMAAABkAAQAAP__'], ['X-Kept', '1'],
    ];
    expect(responseHead(200, list, -1, false).headers).toEqual({ ':status': 200, 'x-kept': '1' });
  });

  it('takes the app\'s Content-Length, refuses a malformed or repeated one, and adds none where it says nothing', () => {
    expect(responseHead(200, [['Content-Length', '12']], -1, false)).toEqual({ headers: { ':status': 200, 'content-length': '12' }, contentLength: 12 });
    expect(() => responseHead(200, [['Content-Length', '1, 1']], -1, false)).toThrow(TypeError);
    expect(() => responseHead(200, [['Content-Length', '1'], ['content-length', '1']], -1, false)).toThrow(TypeError);
    expect(responseHead(200, [], 0, true).headers).toEqual({ ':status': 200 });
    expect(responseHead(204, [], 0, false).headers).toEqual({ ':status': 204 });
    expect(responseHead(304, [], 0, false).headers).toEqual({ ':status': 304 });
    expect(responseHead(200, [], 0, false).headers).toEqual({ ':status': 200, 'content-length': '0' });
  });

  it('keeps names that Object.prototype also has as plain headers', () => {
    const { headers } = responseHead(200, [['Constructor', 'a'], ['__proto__', 'b'], ['__proto__', 'c'], ['toString', 'd']], -1, false);
    expect(Object.getPrototypeOf(headers)).toBe(Object.prototype);
    expect(Object.entries(headers)).toEqual([[':status', 200], ['constructor', 'a'], ['__proto__', ['b', 'c']], ['tostring', 'd']]);
  });
});
