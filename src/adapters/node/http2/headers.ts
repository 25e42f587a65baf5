/**
 * The response head of an HTTP/2 stream: the app's status and header list as the header object
 * that `ServerHttp2Stream.respond` takes, without the headers HTTP/2 forbids.
 * @module
 */
import type { OutgoingHttpHeaders } from 'node:http2';
import type { HeaderList } from '../../../gateway.js';

/**
 * Connection-specific headers (RFC 9113 section 8.2.2). An HTTP/2 message must not carry them and
 * Node's `respond()` throws on most of them, so an app that sends one (spec rule 6.4 forbids it,
 * `lint` reports it) must not cost the response: they are dropped, as a proxy converting HTTP/1.1
 * to HTTP/2 drops them. `Trailer` and `TE` go too: this server never sends trailers.
 */
const CONNECTION_SPECIFIC = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'http2-settings',
]);

/**
 * HTTP/2 names are lower case. Apps send the same few names on every response: each is lowered
 * once (cached by name, capped so that a stream of made-up names cannot grow the cache).
 */
const LOWER = new Map<string, string>();

function lower(name: string): string {
  let lowered = LOWER.get(name);
  if (lowered === undefined) {
    lowered = name.toLowerCase();
    if (LOWER.size < 1000) LOWER.set(name, lowered);
  }
  return lowered;
}

/** `headers[name] = value`, also for `__proto__`, a valid header name that assigned would set the prototype. */
function setHeader(headers: OutgoingHttpHeaders, name: string, value: string | string[]): void {
  if (name === '__proto__') Object.defineProperty(headers, name, { value, enumerable: true, writable: true, configurable: true });
  else headers[name] = value;
}

/** What {@link responseHead} returns. */
export interface Http2Head {
  /** The header object for `respond()`, `:status` included. */
  headers: OutgoingHttpHeaders;
  /** The body length the head announces, or -1 when it announces none. */
  contentLength: number;
}

/**
 * The head to send. `knownLength` is the whole body's size when known (as for HTTP/1.1, a
 * missing `Content-Length` is then added), else -1. An empty body answering `HEAD` (`head`) says
 * nothing about the GET body's length: nothing is added then.
 *
 * @example
 * ```ts
 * responseHead(200, [['Content-Type', 'text/plain'], ['Connection', 'keep-alive']], 5, false);
 * // { headers: { ':status': 200, 'content-type': 'text/plain', 'content-length': '5' }, contentLength: 5 }
 * ```
 */
export function responseHead(code: number, list: HeaderList, knownLength: number, head: boolean): Http2Head {
  // A literal, not Object.create(null), which V8 keeps as a slower dictionary: this object is made
  // per response (a profile of a hello-world put it first among tsgi's costs).
  const headers: OutgoingHttpHeaders = { ':status': code };
  let contentLength = -1;
  for (let i = 0; i < list.length; i++) {
    const name = lower(list[i][0]);
    const value = list[i][1];
    if (CONNECTION_SPECIFIC.has(name)) continue;
    if (name === 'content-length') {
      if (contentLength !== -1 || !/^\d+$/.test(value)) {
        throw new TypeError(`invalid Content-Length ${JSON.stringify(value)}: one header of decimal digits is allowed`);
      }
      contentLength = Number(value);
    }
    let previous = headers[name];
    // Names such as `constructor` find Object.prototype's members: those are no headers.
    if (previous !== undefined && !Object.hasOwn(headers, name)) previous = undefined;
    if (previous === undefined) setHeader(headers, name, value);
    else if (Array.isArray(previous)) previous.push(value);
    else setHeader(headers, name, [String(previous), value]);
  }
  const sized = knownLength > 0 || (knownLength === 0 && !head);
  if (contentLength === -1 && sized && code >= 200 && code !== 204 && code !== 304) {
    headers['content-length'] = String(knownLength);
    contentLength = knownLength;
  }
  return { headers, contentLength };
}
