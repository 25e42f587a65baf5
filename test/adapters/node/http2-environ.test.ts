/** `buildHttp2Environ`: an HTTP/2 header list to an environ, without a socket (the stream is a stand-in). */
import type { ServerHttp2Stream } from 'node:http2';
import { describe, expect, it } from 'vitest';
import { BadRequest, RequestHeaderFieldsTooLarge } from '../../../src/errors.js';
import { BufferedInput, consoleErrors } from '../../../src/gateway.js';
import { buildHttp2Environ } from '../../../src/adapters/node/http2/environ.js';
import { Http2Input } from '../../../src/adapters/node/http2/input.js';

const stream = {} as ServerHttp2Stream;
const socket = { serverName: '127.0.0.1', serverPort: '8443', remoteAddr: '127.0.0.2', remotePort: '50000', scheme: 'https' };
const context = { errors: consoleErrors, maxHeaderListSize: 16384 };
const END_STREAM = 1;
const REQUEST = [':method', 'GET', ':scheme', 'https', ':authority', 'example.com', ':path', '/a%20b?x=1'];

function build(raw: string[], flags = END_STREAM, options = context) {
  return buildHttp2Environ(stream, raw, flags, socket, options);
}

describe('buildHttp2Environ', () => {
  it('makes the request line and HTTP_HOST of the pseudo-headers, and no HTTP_: key', () => {
    const environ = build([...REQUEST, 'cookie', 'a=1', 'user-agent', 'test', 'cookie', 'b=2', 'x_spoofed', '1']);
    expect(environ).toMatchObject({
      REQUEST_METHOD: 'GET',
      PATH_INFO: '/a b',
      QUERY_STRING: 'x=1',
      REQUEST_URI: '/a%20b?x=1',
      SERVER_PROTOCOL: 'HTTP/2',
      HTTP_HOST: 'example.com',
      HTTP_COOKIE: 'a=1; b=2',
      HTTP_USER_AGENT: 'test',
      REMOTE_ADDR: '127.0.0.2',
      'tsgi.url_scheme': 'https',
    });
    expect(Object.keys(environ).filter((key) => key.includes(':') || key.includes('SPOOFED'))).toEqual([]);
    expect(environ['tsgi.input']).toBeInstanceOf(BufferedInput);
  });

  it('takes Host when there is no :authority, and refuses one that disagrees with it or comes twice', () => {
    const noAuthority = [':method', 'GET', ':scheme', 'https', ':path', '/'];
    expect(build([...noAuthority, 'host', 'example.org']).HTTP_HOST).toBe('example.org');
    expect(build([...REQUEST, 'host', 'example.com']).HTTP_HOST).toBe('example.com');
    expect(() => build([...REQUEST, 'host', 'evil.example'])).toThrow(BadRequest);
    expect(() => build([...noAuthority, 'host', 'a.example', 'host', 'b.example'])).toThrow(/more than one Host/);
  });

  it('refuses a request without :path (CONNECT)', () => {
    expect(() => build([':method', 'CONNECT', ':authority', 'example.com:443'])).toThrow(/no :path/);
  });

  it('reads a body only when HEADERS did not end the stream', () => {
    expect(build(REQUEST, 0)['tsgi.input']).toBeInstanceOf(Http2Input);
    expect(build([...REQUEST, 'content-length', '0'], 0)['tsgi.input']).toBeInstanceOf(BufferedInput);
    const post = build([...REQUEST, 'content-length', '3', 'content-type', 'text/plain'], 0);
    expect([post.CONTENT_LENGTH, post.CONTENT_TYPE, post.HTTP_CONTENT_LENGTH]).toEqual(['3', 'text/plain', undefined]);
  });

  it('answers 431 to a header list over the limit, counted as HTTP/2 does (32 bytes a field)', () => {
    // 4 pseudo-headers: (7+3) + (7+5) + (10+11) + (5+10) + 4 * 32 = 186 bytes.
    expect(build(REQUEST, END_STREAM, { ...context, maxHeaderListSize: 186 }).PATH_INFO).toBe('/a b');
    expect(() => build(REQUEST, END_STREAM, { ...context, maxHeaderListSize: 185 })).toThrow(RequestHeaderFieldsTooLarge);
  });
});
