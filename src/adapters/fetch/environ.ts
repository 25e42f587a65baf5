/**
 * The environ of a Fetch `Request` (spec section 3): the URL split with string operations, the
 * headers copied through `Headers.forEach`, the peer address, and the body as `tsgi.input`, read
 * before the app runs when it is small and its length announced.
 * @module
 */
import { consoleErrors, emptyInput, headerKey, TSGI_VERSION, type Environ, type ErrorStream } from '../../gateway.js';
import { decodePath } from '../../request/decode-path.js';
import { ENVIRON_PROTOTYPE, SIGNAL_SOURCE } from '../../signal.js';
import { RequestInput } from './streams.js';
import type { FetchContext, RemoteAddress } from './to-fetch.js';

/** Bodies up to this many bytes, announced by Content-Length, are read before the app runs. */
const BUFFERED_BODY_LIMIT = 64 * 1024;

/**
 * True when the body is small, has its length announced, and nobody waits for a `100 Continue`
 * (with `Expect`, the app must be able to refuse the body before the client sends it).
 */
export function bufferable(environ: Environ): boolean {
  const declared = environ.CONTENT_LENGTH;
  if (declared === undefined || !(environ['tsgi.input'] instanceof RequestInput) || environ.HTTP_EXPECT !== undefined) return false;
  // 1 to 5 digits: a plain decimal (anything else is the Request's 400 to give) of at most 99,999.
  if (declared.length === 0 || declared.length > 5) return false;
  for (let i = 0; i < declared.length; i++) {
    const code = declared.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  const length = Number(declared);
  return length > 0 && length <= BUFFERED_BODY_LIMIT;
}

/**
 * The environ for a Web `Request`: scheme, host and port from its URL, `PATH_INFO` decoded as
 * UTF-8, the raw query, one `HTTP_*` key per header, the body as `tsgi.input`, and
 * `request.signal` as `tsgi.signal`.
 *
 * @example
 * ```ts
 * const environ = buildEnviron(new Request('http://example.com/a%20b?x=1'));
 * environ.PATH_INFO; // '/a b'
 * ```
 */
export function buildEnviron(
  request: globalThis.Request,
  context?: FetchContext | object,
  errors: ErrorStream = consoleErrors,
): Environ {
  const url = splitUrl(request.url);
  const environ = new FetchEnviron(request, url, errors);
  // forEach with the environ as `this`, not for...of: Deno builds an iterator and a pair per
  // header (about 0.7 us for one header against 0.16 us), Bun about twice the time.
  request.headers.forEach(addHeader, environ);
  environ['tsgi.input'] = inputOf(request, environ.CONTENT_LENGTH);
  // A Fetch request always knows its host, even when the runtime dropped the header.
  if (environ.HTTP_HOST === undefined) environ.HTTP_HOST = url.host;
  if (context !== undefined) {
    setRemote(environ, peerOf(context, request));
    environ['fetch.env'] = context;
  }
  return environ;
}

/**
 * Makes the environ's fixed keys. A constructor, as in the Node adapter: its prototype carries the
 * lazy `tsgi.signal` (`signal.ts`), here the request's own signal, which Bun and Deno abort when the
 * client goes away, read only when the app asks (runtimes make it on first read, not for free).
 */
function initFetchEnviron(this: Environ, request: globalThis.Request, url: UrlParts, errors: ErrorStream): void {
  this.REQUEST_METHOD = request.method;
  this.SCRIPT_NAME = '';
  this.PATH_INFO = decodePath(url.path);
  this.QUERY_STRING = url.query;
  this.SERVER_NAME = url.hostname;
  this.SERVER_PORT = url.port || (url.scheme === 'https' ? '443' : '80');
  this.SERVER_PROTOCOL = 'HTTP/1.1';
  // Fetch hands over a parsed URL: this is the normalized target, the raw one is gone.
  this.REQUEST_URI = url.query ? `${url.path}?${url.query}` : url.path;
  this['tsgi.version'] = TSGI_VERSION;
  this['tsgi.url_scheme'] = url.scheme;
  this['tsgi.input'] = emptyInput(); // set by buildEnviron once the headers are in
  this['tsgi.errors'] = errors;
  this['tsgi.multithread'] = false;
  this['tsgi.multiprocess'] = false;
  this['tsgi.run_once'] = false;
  (this as { [SIGNAL_SOURCE]?: globalThis.Request })[SIGNAL_SOURCE] = request;
}
initFetchEnviron.prototype = ENVIRON_PROTOTYPE;
const FetchEnviron = initFetchEnviron as unknown as new (...args: Parameters<typeof initFetchEnviron>) => Environ;

interface UrlParts {
  scheme: string;
  host: string;
  hostname: string;
  port: string;
  path: string;
  query: string;
}

/**
 * Splits the absolute, already normalized URL a runtime gives a Request (`http://host:port/path?q`)
 * with string operations: `new URL()` costs more than the rest of the environ together. Anything
 * unusual goes through `new URL()`.
 */
export function splitUrl(href: string): UrlParts {
  return splitUsualUrl(href) ?? splitAnyUrl(href);
}

// Character codes splitUsualUrl looks for.
const SLASH = 47;
const COLON = 58;
const QUESTION = 63;
const HASH = 35;
const AT = 64;
const BRACKET = 93;

/**
 * The URL every runtime gives a request, `http(s)://host[:port]/path[?query]` with no userinfo,
 * IPv6 literal or fragment, split in one pass of `charCodeAt`: on Bun each `indexOf` or `includes`
 * costs 5 to 10 ns, and the general split below spent about 100 ns on them. `undefined` for any
 * other shape, which the general split handles (with the same results for this one).
 */
function splitUsualUrl(href: string): UrlParts | undefined {
  if (href.charCodeAt(0) !== 104 || href.charCodeAt(1) !== 116 || href.charCodeAt(2) !== 116 || href.charCodeAt(3) !== 112) return undefined;
  let hostStart: number;
  let scheme: string;
  if (href.charCodeAt(4) === COLON) {
    hostStart = 7;
    scheme = 'http';
  } else if (href.charCodeAt(4) === 115 && href.charCodeAt(5) === COLON) {
    hostStart = 8;
    scheme = 'https';
  } else return undefined;
  if (href.charCodeAt(hostStart - 2) !== SLASH || href.charCodeAt(hostStart - 1) !== SLASH) return undefined;
  const length = href.length;
  let colon = -1;
  let i = hostStart;
  for (; i < length; i++) {
    const code = href.charCodeAt(i);
    if (code === SLASH) break;
    if (code === COLON) colon = i;
    else if (code === QUESTION || code === HASH || code === AT || code === BRACKET) return undefined;
  }
  // No path, or an empty host: the general split's business.
  if (i === length || i === hostStart) return undefined;
  const pathStart = i;
  for (; i < length; i++) {
    const code = href.charCodeAt(i);
    if (code === QUESTION) break;
    if (code === HASH) return undefined;
  }
  if (i < length && href.indexOf('#', i) !== -1) return undefined;
  const host = href.slice(hostStart, pathStart);
  return {
    scheme,
    host,
    hostname: colon === -1 ? host : href.slice(hostStart, colon),
    port: colon === -1 ? '' : href.slice(colon + 1, pathStart),
    path: i === length ? href.slice(pathStart) : href.slice(pathStart, i),
    query: i === length ? '' : href.slice(i + 1),
  };
}

/** Any absolute URL: `splitUsualUrl`'s shape with `indexOf`, anything unusual with `new URL()`. */
function splitAnyUrl(href: string): UrlParts {
  const schemeEnd = href.indexOf('://');
  const hash = href.indexOf('#');
  const end = hash === -1 ? href.length : hash;
  const pathStart = schemeEnd === -1 ? -1 : href.indexOf('/', schemeEnd + 3);
  const host = schemeEnd === -1 ? '' : href.slice(schemeEnd + 3, pathStart === -1 || pathStart > end ? end : pathStart);
  if (schemeEnd === -1 || host === '' || host.includes('@') || (pathStart === -1 && href.indexOf('?') !== -1)) {
    const url = new URL(href);
    return {
      scheme: url.protocol.slice(0, -1),
      host: url.host,
      hostname: url.hostname,
      port: url.port,
      path: url.pathname,
      query: url.search.slice(1),
    };
  }
  // Path and query cut straight from the URL (a slice fewer than cutting the target first).
  let path = '/';
  let query = '';
  if (pathStart !== -1 && pathStart < end) {
    const question = href.indexOf('?', pathStart);
    if (question === -1 || question >= end) path = href.slice(pathStart, end);
    else {
      path = href.slice(pathStart, question);
      query = href.slice(question + 1, end);
    }
  }
  // The port follows the last colon, unless that colon sits inside an IPv6 literal's brackets.
  const colon = host.lastIndexOf(':');
  const hasPort = colon !== -1 && colon > host.lastIndexOf(']');
  return {
    // The usual schemes without a copy made per request.
    scheme:
      schemeEnd === 4 && href.startsWith('http')
        ? 'http'
        : schemeEnd === 5 && href.startsWith('https')
          ? 'https'
          : href.slice(0, schemeEnd).toLowerCase(),
    host,
    hostname: hasPort ? host.slice(0, colon) : host,
    port: hasPort ? host.slice(colon + 1) : '',
    path,
    query,
  };
}

/**
 * `tsgi.input` for the request: empty without a body, else a `RequestInput`, which opens the body
 * stream only when the app reads it. A Content-Length above 0 tells there is a body without
 * asking `request.body`, which makes the stream in Bun and Deno.
 */
function inputOf(request: globalThis.Request, declared: string | undefined): AsyncIterable<Uint8Array> {
  if (declared !== undefined && declared !== '0') return new RequestInput(request);
  return request.body === null ? emptyInput() : new RequestInput(request);
}

/** Puts one request header into the environ (`this`), as `Headers.forEach` calls it. */
export function addHeader(this: Environ, value: string, name: string): void {
  const key = keyOf(name);
  if (key !== '') this[key] = value;
}

// Header names repeat from request to request: remember their environ keys, and '' for the names
// that are dropped, so a known name costs one lookup (an `includes` per header cost 5-10 ns on
// Bun). Bounded, because the names are chosen by clients.
export const KEY_CACHE = new Map<string, string>();
function keyOf(name: string): string {
  let key = KEY_CACHE.get(name);
  if (key === undefined) {
    // `X_Forwarded_For` and `X-Forwarded-For` would share one key: a header spelled with an
    // underscore could then forge a proxy header, so such names are dropped (as gunicorn does).
    key = name.includes('_') ? '' : headerKey(name);
    if (KEY_CACHE.size < 512) KEY_CACHE.set(name, key);
  }
  return key;
}

/** The peer's address from the second argument: its `remoteAddr`, or Bun's `server.requestIP(request)`. */
function peerOf(context: FetchContext | object | undefined, request: globalThis.Request): RemoteAddress | undefined {
  if (context === undefined) return undefined;
  const { remoteAddr, requestIP } = context as FetchContext;
  if (remoteAddr !== undefined || typeof requestIP !== 'function') return remoteAddr;
  return (requestIP as (request: globalThis.Request) => RemoteAddress).call(context, request);
}

/** Sets `REMOTE_ADDR` (and `REMOTE_PORT` when known) from the address a host reports. */
function setRemote(environ: Environ, remote: RemoteAddress | undefined): void {
  if (typeof remote === 'string') {
    environ.REMOTE_ADDR = remote;
    return;
  }
  if (remote === null || typeof remote !== 'object') return;
  const addr = remote.hostname ?? remote.address;
  if (typeof addr === 'string') environ.REMOTE_ADDR = addr;
  if (remote.port !== undefined) environ.REMOTE_PORT = String(remote.port);
}
