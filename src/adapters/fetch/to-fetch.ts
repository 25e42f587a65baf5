/**
 * `toFetchHandler`: runs a tsgi app as a Fetch handler (`(Request) => Promise<Response>`), the
 * shape Bun, Deno, Cloudflare Workers and most edge hosts serve.
 * @module
 */
import {
  BufferedInput,
  consoleErrors,
  emptyInput,
  headerKey,
  TextBody,
  TSGI_VERSION,
  type App,
  type Body,
  type Environ,
  type ErrorStream,
  type HeaderList,
  type StartResponse,
} from '../../gateway.js';
import { parseStatusLine } from '../../http/status.js';
import { decodePath } from '../../request/decode-path.js';
import { ENVIRON_PROTOTYPE, SIGNAL_SOURCE } from '../../signal.js';
import { failedInput, openBody, readerToStream, RequestInput, type BodyReader } from './streams.js';
import { optionsChecker } from '../../options.js';
import type { WebSocketLimits } from '../../response/websocket/limits.js';
import { FetchWebSockets } from './websocket.js';
import type { BunWebSocketHandler } from './websocket-bun.js';

/** A client address as hosts report it: a string, Deno's `info.remoteAddr`, or Bun's `requestIP()`. */
export type RemoteAddress = string | { hostname?: string; address?: string; port?: number | string } | null;

/**
 * What a host may pass as the handler's second argument. Node bridges pass `{ remoteAddr }`;
 * Deno's `info` already has this shape; Bun passes its server, whose `requestIP(request)` gives
 * the peer (and whose `upgrade` completes WebSocket handshakes); on Workers it is the bindings
 * object (`env`), kept in the environ as `fetch.env` (and the execution context as `fetch.ctx`).
 */
export interface FetchContext {
  /** The peer's address: becomes `REMOTE_ADDR` (and `REMOTE_PORT` when it has a port). */
  remoteAddr?: RemoteAddress;
  [key: string]: unknown;
}

/** Options for `toFetchHandler`. */
export interface ToFetchOptions {
  /** Where the app and the adapter write diagnostics (`tsgi.errors`); the console by default. */
  errors?: ErrorStream;
  /** WebSocket limits (the defaults: 1 MiB messages, 8 MiB backlogs, a ping every 30 s where the runtime pings). */
  websocket?: Partial<WebSocketLimits>;
}

const checkOptions = optionsChecker<ToFetchOptions>('toFetchHandler', { errors: true, websocket: true });

/** A Fetch handler: what `Bun.serve`, `Deno.serve` and Workers' `fetch` export call. */
export type FetchHandler = (
  request: globalThis.Request,
  context?: FetchContext | object,
  executionContext?: unknown,
) => Promise<globalThis.Response>;

/**
 * The handler `toFetchHandler` makes: a {@link FetchHandler}, plus the callbacks Bun needs for
 * WebSockets (`Bun.serve` takes them apart from `fetch`).
 *
 * @example
 * ```ts
 * const handler = toFetchHandler(app);
 * Bun.serve({ fetch: handler, websocket: handler.websocket });
 * ```
 */
export interface AppFetchHandler extends FetchHandler {
  /** The `websocket` option of `Bun.serve`; other runtimes need nothing. */
  readonly websocket: BunWebSocketHandler;
}

/**
 * Turns a tsgi app into a Fetch handler. The request body is streamed to the app as `tsgi.input`
 * (a small one with a Content-Length is read first and given whole, spec rule 4.8); a body the app
 * returns as an array (a `Response` with a string or bytes) is handed to the runtime as one string
 * or `Uint8Array`, any other as a pull-based `ReadableStream` (one chunk pulled per read, so a slow
 * client slows the app down), and a client that goes away cancels it, which calls the body
 * iterator's `return()` exactly once. Errors before the first chunk give a 500; after it, a stream error.
 *
 * @example
 * ```ts
 * const handler = toFetchHandler(app);
 * Deno.serve((request, info) => handler(request, info));
 * Bun.serve({ fetch: handler, websocket: handler.websocket }); // websocket: for WebSockets
 * export default { fetch: handler }; // Cloudflare Workers
 * ```
 */
export function toFetchHandler(app: App, options: ToFetchOptions = {}): AppFetchHandler {
  checkOptions(options);
  const errors = options.errors ?? consoleErrors;
  const websockets = new FetchWebSockets(options.websocket);
  // Not an async function: a request the app answers synchronously is answered without waiting
  // for a microtask turn in between.
  const handler: FetchHandler = (request, context, executionContext) => {
    let environ: Environ;
    try {
      environ = buildEnviron(request, context, errors);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    // A runtime's Headers join repeated fields with ", ", so two Host lines arrive as one value
    // with a comma, which no valid Host has: answer 400 before the app runs (RFC 9112 3.2). Most
    // runtimes keep only one Host or refuse the request themselves; this covers the others.
    if (environ.HTTP_HOST?.includes(',')) return Promise.resolve(badHost());
    if (executionContext !== undefined) environ['fetch.ctx'] = executionContext;
    if (environ.HTTP_UPGRADE !== undefined) {
      // A WebSocket handshake this runtime can complete gets tsgi.websocket (websocket.ts).
      const upgraded = websockets.serve(app, environ, request, context, (capturing) => runApp(capturing, environ, request.method));
      if (upgraded !== undefined) return upgraded;
    }
    if (bufferable(environ)) {
      // A small body with a Content-Length is read before the app runs and given whole (spec rule
      // 4.8), as the node adapter gives a body that came with the headers: every reader then
      // skips the stream and its promise per chunk. A failed read fails the app's first read.
      return request.arrayBuffer().then(
        (buffer) => {
          environ['tsgi.input'] = new BufferedInput(buffer.byteLength > 0 ? [new Uint8Array(buffer)] : []);
          return runApp(app, environ, request.method);
        },
        (error: unknown) => {
          environ['tsgi.input'] = failedInput(error);
          return runApp(app, environ, request.method);
        },
      );
    }
    return runApp(app, environ, request.method);
  };
  return Object.defineProperty(handler as AppFetchHandler, 'websocket', { get: () => websockets.bunHandler, enumerable: true });
}

/** Bodies up to this many bytes, announced by Content-Length, are read before the app runs. */
const BUFFERED_BODY_LIMIT = 64 * 1024;

/**
 * True when the body is small, has its length announced, and nobody waits for a `100 Continue`
 * (with `Expect`, the app must be able to refuse the body before the client sends it).
 */
function bufferable(environ: Environ): boolean {
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
function splitUrl(href: string): UrlParts {
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
function addHeader(this: Environ, value: string, name: string): void {
  // `X_Forwarded_For` and `X-Forwarded-For` would share one key: a header spelled with an
  // underscore could then forge a proxy header, so such names are dropped (as gunicorn does).
  if (name.includes('_')) return;
  this[keyOf(name)] = value;
}

// Header names repeat from request to request: remember their environ keys. Bounded, because the
// names are chosen by clients.
const KEY_CACHE = new Map<string, string>();
function keyOf(name: string): string {
  let key = KEY_CACHE.get(name);
  if (key === undefined) {
    key = headerKey(name);
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

function badHost(): globalThis.Response {
  return new globalThis.Response('400 Bad Request\n\nThe request has more than one Host header (RFC 9112 section 3.2).\n', {
    status: 400,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

type WorkersResponseInit = ResponseInit & { encodeBody?: 'manual' };

/**
 * The Fetch init for a status line and header list. `known` is the body handed to the runtime as
 * a string or bytes (`null` for none): a Content-Length header that gives its length is left out,
 * since the runtime writes that itself, and Deno builds a response whose only header is
 * Content-Type on a fast path (0.4 us, against 2.6 us with a Content-Length besides).
 */
function responseInit(code: number, status: string, headers: HeaderList, known: TextBody | Uint8Array | null): WorkersResponseInit {
  let skip = -1;
  let manual = false;
  for (let i = 0; i < headers.length; i++) {
    const name = headers[i][0];
    // tsgi bodies are the bytes to send. Workers would otherwise compress a body that carries a
    // Content-Encoding header a second time; other runtimes ignore this field.
    if (name.length === 16) manual ||= isName(name, 'Content-Encoding');
    else if (name.length === 14 && known !== null && skip === -1 && isLength(headers[i][1], known.byteLength)) {
      if (isName(name, 'Content-Length')) skip = i;
    }
  }
  const count = skip === -1 ? headers.length : headers.length - 1;
  if (!manual && count <= 1) {
    const pair = count === 0 ? undefined : headers[skip === 0 ? 1 : 0];
    const type = pair === undefined ? '' : pair[0].length === 12 && isName(pair[0], 'Content-Type') ? pair[1] : undefined;
    const init = type === undefined ? undefined : commonInit(code, status, type);
    if (init !== undefined) return init;
  }
  // The Response constructor copies and validates the pairs (a bad name or value throws: a 500).
  const init: WorkersResponseInit = { status: code, statusText: status.slice(4), headers: skip === -1 ? headers : without(headers, skip) };
  if (manual) init.encodeBody = 'manual';
  return init;
}

/** True when `name` is `canonical` in any case; the usual spelling is matched without lower-casing. */
function isName(name: string, canonical: string): boolean {
  return name === canonical || name.toLowerCase() === canonical.toLowerCase();
}

/** `headers` without the pair at `index`. */
function without(headers: HeaderList, index: number): HeaderList {
  const list: HeaderList = [];
  for (let i = 0; i < headers.length; i++) if (i !== index) list.push(headers[i]);
  return list;
}

// The inits of the responses most apps give, a status line with one Content-Type or no header at
// all, by status line and type: made once, as the runtime copies an init's headers. Their headers
// are a `Headers` (Bun copies one in 0.3 us against 0.5 us for pairs), or on Deno a record for the
// types it has a fast path for (below). Bounded, in case an app makes types or status lines from input.
const COMMON_INITS = new Map<string, Map<string, WorkersResponseInit>>();

// Deno 2.9 takes a record whose one key is Content-Type with one of these values without copying
// it through its Headers (0.22 us against 0.42 us for a Headers object); Bun takes a Headers object
// fastest (0.34 us against 0.55 us for the record).
const RECORD_TYPES: ReadonlySet<string> =
  typeof (globalThis as { Deno?: unknown }).Deno === 'object' ? new Set(['application/json', 'text/plain', 'text/plain;charset=UTF-8']) : new Set();

/** The shared init for `status` with Content-Type `type` (`''`: no header); `undefined` past the bounds. */
function commonInit(code: number, status: string, type: string): WorkersResponseInit | undefined {
  let byType = COMMON_INITS.get(status);
  if (byType === undefined) {
    if (COMMON_INITS.size >= 32) return undefined;
    COMMON_INITS.set(status, (byType = new Map()));
  }
  let init = byType.get(type);
  if (init === undefined) {
    if (byType.size >= 32) return undefined;
    // Throws for a value the Response constructor would refuse too (a 500), and then caches nothing.
    const headers = type === '' ? undefined : RECORD_TYPES.has(type) ? { 'Content-Type': type } : new globalThis.Headers([['Content-Type', type]]);
    init = headers === undefined ? { status: code, statusText: status.slice(4) } : { status: code, statusText: status.slice(4), headers };
    byType.set(type, init);
  }
  return init;
}

/** True when `value` is the decimal `length`, without making a string of it. */
function isLength(value: string, length: number): boolean {
  if (value.length === 0 || value.length > 15) return false;
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
    n = n * 10 + digit;
  }
  return n === length;
}

/** The chunks of an array body as one `Uint8Array`, `null` when there are no bytes. */
function joinChunks(chunks: readonly Uint8Array[]): Uint8Array | null {
  let only: Uint8Array | null = null;
  let size = 0;
  let parts = 0;
  for (const chunk of chunks) {
    if (!(chunk.byteLength > 0)) continue;
    only = chunk;
    size += chunk.byteLength;
    parts++;
  }
  if (parts <= 1) return only;
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    if (!(chunk.byteLength > 0)) continue;
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** True when a response to this method with this status carries no body. */
function bodiless(method: string, code: number): boolean {
  return method === 'HEAD' || code < 200 || code === 204 || code === 304;
}

/**
 * One request's exchange: what the app gave `startResponse`, and whether the runtime has the
 * response yet (after which an error passed to `startResponse` is thrown back, spec rule 6.5).
 */
class FetchExchange {
  status: string | undefined = undefined;
  headers: HeaderList | undefined = undefined;
  sent = false;
  readonly startResponse: StartResponse;

  constructor(
    readonly environ: Environ,
    readonly method: string,
  ) {
    this.startResponse = (status, headers, error) => this.start(status, headers, error);
  }

  start(status: string, headers: HeaderList, error: unknown): void {
    if (error !== undefined && error !== null) {
      // Too late to replace the headers: the spec says re-raise, which errors the stream.
      if (this.sent) throw error;
    } else if (this.status !== undefined) {
      throw new Error('startResponse called a second time without an error');
    }
    this.status = status;
    this.headers = headers;
  }

  /** The response for the app's body: at once when it is in memory, else once its first chunk came. */
  respond(body: Body): globalThis.Response | Promise<globalThis.Response> {
    let response: globalThis.Response | undefined;
    try {
      response = this.buffered(body);
    } catch (error) {
      return this.fail(error, undefined);
    }
    return response ?? this.stream(body);
  }

  /**
   * An array (what `Response` gives for bytes) or a `TextBody` (for a string), answered with one
   * string or `Uint8Array` the runtime sends natively: much cheaper than a stream. Arrays have no
   * return() to call. `undefined` for any other body, or when the app has not started the response.
   */
  buffered(body: Body): globalThis.Response | undefined {
    const status = this.status;
    const headers = this.headers;
    if (status === undefined || headers === undefined) return undefined;
    let known: TextBody | Uint8Array | null;
    if (body instanceof TextBody) known = body;
    else if (Array.isArray(body)) known = joinChunks(body as Uint8Array[]);
    else return undefined;
    const code = parseStatusLine(status);
    if (bodiless(this.method, code) || (known instanceof TextBody && known.text === '')) known = null;
    const init = responseInit(code, status, headers, known);
    // A string is handed over as it is: the runtime encodes it natively, without a copy made here.
    const response = new globalThis.Response(known instanceof TextBody ? known.text : (known as BodyInit | null), init);
    this.sent = true;
    return response;
  }

  /** A body to pull chunk by chunk: a `ReadableStream` response once the first chunk is there. */
  async stream(body: Body): Promise<globalThis.Response> {
    let reader: BodyReader | undefined;
    try {
      reader = openBody(body);
      // Pull until the first non-empty chunk: an app may call startResponse lazily, from its body.
      let first: Uint8Array | undefined;
      for (;;) {
        const result = await reader.next();
        if (result.done) break;
        if (result.value.byteLength > 0) {
          first = result.value;
          break;
        }
      }
      const status = this.status;
      const headers = this.headers;
      if (status === undefined || headers === undefined) {
        throw new Error('the app returned a body without calling startResponse');
      }
      const code = parseStatusLine(status);
      const init = responseInit(code, status, headers, null);
      if (bodiless(this.method, code) || first === undefined) {
        await reader.close();
        const response = new globalThis.Response(null, init);
        this.sent = true;
        return response;
      }
      const response = new globalThis.Response(readerToStream(reader, [first]), init);
      this.sent = true;
      return response;
    } catch (error) {
      return this.fail(error, reader);
    }
  }

  /** The 500 for an error before the response started, written to `tsgi.errors`. */
  async fail(error: unknown, reader: BodyReader | undefined): Promise<globalThis.Response> {
    await reader?.close().catch(() => undefined);
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.environ['tsgi.errors'].write(`tsgi: error before the response started: ${message}\n`);
    return new globalThis.Response('Internal Server Error\n', {
      status: 500,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
}

/**
 * Runs the app and answers with its response. A body returned synchronously and held in memory is
 * answered without a promise in between (the handler's own promise aside).
 */
function runApp(app: App, environ: Environ, method: string): Promise<globalThis.Response> {
  const exchange = new FetchExchange(environ, method);
  let body: Body | Promise<Body>;
  try {
    body = app(environ, exchange.startResponse);
  } catch (error) {
    return exchange.fail(error, undefined);
  }
  if (typeof (body as Partial<PromiseLike<Body>> | null | undefined)?.then === 'function') {
    return Promise.resolve(body).then(
      (resolved) => exchange.respond(resolved),
      (error: unknown) => exchange.fail(error, undefined),
    );
  }
  return Promise.resolve(exchange.respond(body as Body));
}
