/**
 * The environ of an HTTP/2 request, from the stream's raw header list: the pseudo-headers become
 * the request line (`:method`, `:path`) and `HTTP_HOST` (`:authority`), never `HTTP_:...` keys;
 * the other fields go through the same mapping as on HTTP/1.1.
 * @module
 */
import type { ServerHttp2Stream } from 'node:http2';
import type { Environ } from '../../../gateway.js';
import { BadRequest, RequestHeaderFieldsTooLarge } from '../../../errors.js';
import { decodePath } from '../../../request/decode-path.js';
import { environKey, NodeEnviron, type EnvironContext, type SocketInfo } from '../environ.js';
import { storeHeader } from '../store-header.js';
import { Http2Input } from './input.js';

// END_STREAM (RFC 9113, section 6.1; node:http2's constants.NGHTTP2_FLAG_END_STREAM), written out
// so that this module loads no node:http2 (node-builtins.node.ts).
const NGHTTP2_FLAG_END_STREAM = 0x1;

/** @internal What an HTTP/2 request needs beyond itself to become an environ. */
export interface Http2EnvironContext extends EnvironContext {
  /**
   * The largest header list accepted, counted as HTTP/2 counts it (name, value and 32 per field).
   * Node enforces the announced SETTINGS_MAX_HEADER_LIST_SIZE only once the client has
   * acknowledged it, a round trip after connecting; the first request of a connection is sent
   * before that, so the limit is checked here too.
   */
  maxHeaderListSize: number;
}

/**
 * The environ of one HTTP/2 request. `rawHeaders` is the flat `[name, value, ...]` list Node
 * hands to the `stream` event (names in lower case, pseudo-headers first, as HTTP/2 requires);
 * `flags` tells whether a body follows. Throws `BadRequest` for a request the app must not see:
 * one without `:path` (a CONNECT, which this server does not proxy), or whose `Host` header names
 * another authority than `:authority` (RFC 9113 section 8.3.1) or appears twice; and
 * `RequestHeaderFieldsTooLarge` (431) for a header list over `context.maxHeaderListSize`.
 *
 * @example
 * ```ts
 * server.on('stream', (stream, headers, flags, rawHeaders) => {
 *   const environ = buildHttp2Environ(stream, rawHeaders, flags, info, { errors: consoleErrors, maxHeaderListSize: 16384 });
 *   environ.SERVER_PROTOCOL; // 'HTTP/2'
 * });
 * ```
 */
export function buildHttp2Environ(
  stream: ServerHttp2Stream,
  rawHeaders: readonly string[],
  flags: number,
  socket: SocketInfo,
  context: Http2EnvironContext,
): Environ {
  let listSize = 0;
  for (let j = 0; j < rawHeaders.length; j++) listSize += rawHeaders[j].length + 16;
  if (listSize > context.maxHeaderListSize) throw new RequestHeaderFieldsTooLarge();
  let method = 'GET';
  let path: string | undefined;
  let authority: string | undefined;
  let i = 0;
  for (; i < rawHeaders.length && rawHeaders[i].charCodeAt(0) === 58 /* : */; i += 2) {
    const name = rawHeaders[i];
    if (name === ':method') method = rawHeaders[i + 1];
    else if (name === ':path') path = rawHeaders[i + 1];
    else if (name === ':authority') authority = rawHeaders[i + 1];
    // :scheme is what the client says it used; tsgi.url_scheme comes from the connection itself.
  }
  if (path === undefined || path === '') throw new BadRequest('The request has no :path; CONNECT is not served here.');
  const question = path.indexOf('?');
  const scriptName = context.scriptName ?? '';
  const environ = new NodeEnviron(
    method,
    scriptName === '' ? '' : decodePath(scriptName),
    decodePath(question === -1 ? path : path.slice(0, question)),
    question === -1 ? '' : path.slice(question + 1),
    path,
    socket,
    'HTTP/2',
    context.errors,
  );
  if (authority !== undefined) storeHeader(environ, 'HTTP_HOST', authority);
  let hostHeaders = 0;
  for (; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i];
    // A pseudo-header after a regular field is malformed (nghttp2 refuses it); never an HTTP_ key.
    if (name.charCodeAt(0) === 58) continue;
    const key = environKey(name);
    if (key === null) continue;
    const value = rawHeaders[i + 1];
    if (key === 'HTTP_HOST') {
      hostHeaders += 1;
      if (hostHeaders > 1) throw new BadRequest('The request has more than one Host header.');
      if (authority !== undefined) {
        if (value !== authority) throw new BadRequest('The Host header names another authority than :authority (RFC 9113 section 8.3.1).');
        continue;
      }
    }
    if (!storeHeader(environ, key, value)) {
      // Repeated fields join as on HTTP/1.1; HTTP/2 clients also split Cookie into one field per pair.
      environ[key] = `${environ[key] as string}${key === 'HTTP_COOKIE' ? '; ' : ', '}${value}`;
    }
  }
  // HEADERS with END_STREAM: no body follows.
  if ((flags & NGHTTP2_FLAG_END_STREAM) === 0 && environ.CONTENT_LENGTH !== '0') environ['tsgi.input'] = new Http2Input(stream);
  return environ;
}
