/**
 * `toFetchHandler`: runs a tsgi app as a Fetch handler (`(Request) => Promise<Response>`), the
 * shape Bun, Deno, Cloudflare Workers and most edge hosts serve.
 * @module
 */
import {
  consoleErrors,
  emptyInput,
  headerKey,
  TextBody,
  TSGI_VERSION,
  type App,
  type Environ,
  type ErrorStream,
  type HeaderList,
  type StartResponse,
} from '../../gateway.js';
import { parseStatusLine } from '../../http/status.js';
import { decodePath } from '../../request/decode-path.js';
import { ENVIRON_PROTOTYPE, SIGNAL_SOURCE } from '../../signal.js';
import { openBody, readerToStream, streamToIterable, type BodyReader } from './streams.js';
import { optionsChecker } from '../../options.js';

/** A client address as hosts report it: a string, Deno's `info.remoteAddr`, or Bun's `requestIP()`. */
export type RemoteAddress = string | { hostname?: string; address?: string; port?: number | string } | null;

/**
 * What a host may pass as the handler's second argument. Bun and Node bridges pass
 * `{ remoteAddr }`; Deno's `info` already has this shape; on Workers it is the bindings object
 * (`env`), kept in the environ as `fetch.env` (and the execution context as `fetch.ctx`).
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
}

const checkOptions = optionsChecker<ToFetchOptions>('toFetchHandler', { errors: true });

/** A Fetch handler: what `Bun.serve`, `Deno.serve` and Workers' `fetch` export call. */
export type FetchHandler = (
  request: globalThis.Request,
  context?: FetchContext,
  executionContext?: unknown,
) => Promise<globalThis.Response>;

/**
 * Turns a tsgi app into a Fetch handler. The request body is streamed to the app as `tsgi.input`;
 * the response body is a pull-based `ReadableStream` (one chunk pulled per read, so a slow client
 * slows the app down), and a client that goes away cancels it, which calls the body iterator's
 * `return()` exactly once. Errors before the first chunk give a 500; after it, a stream error.
 *
 * @example
 * ```ts
 * const handler = toFetchHandler(app);
 * Deno.serve((request, info) => handler(request, info));
 * Bun.serve({ fetch: (request, server) => handler(request, { remoteAddr: server.requestIP(request) }) });
 * export default { fetch: handler }; // Cloudflare Workers
 * ```
 */
export function toFetchHandler(app: App, options: ToFetchOptions = {}): FetchHandler {
  checkOptions(options);
  const errors = options.errors ?? consoleErrors;
  return async (request, context, executionContext) => {
    const environ = buildEnviron(request, context, errors);
    // A runtime's Headers join repeated fields with ", ", so two Host lines arrive as one value
    // with a comma, which no valid Host has: answer 400 before the app runs (RFC 9112 3.2). Most
    // runtimes keep only one Host or refuse the request themselves; this covers the others.
    if (environ.HTTP_HOST?.includes(',')) return badHost();
    if (executionContext !== undefined) environ['fetch.ctx'] = executionContext;
    return runApp(app, environ, request.method);
  };
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
  context?: FetchContext,
  errors: ErrorStream = consoleErrors,
): Environ {
  const url = splitUrl(request.url);
  const environ = new FetchEnviron(request, url, errors);
  for (const [name, value] of request.headers) {
    // `X_Forwarded_For` and `X-Forwarded-For` would share one key: a header spelled with an
    // underscore could then forge a proxy header, so such names are dropped (as gunicorn does).
    if (name.includes('_')) continue;
    environ[keyOf(name)] = value;
  }
  // A Fetch request always knows its host, even when the runtime dropped the header.
  if (environ.HTTP_HOST === undefined) environ.HTTP_HOST = url.host;
  const remote = remoteOf(context?.remoteAddr);
  if (remote.addr !== undefined) environ.REMOTE_ADDR = remote.addr;
  if (remote.port !== undefined) environ.REMOTE_PORT = remote.port;
  if (context !== undefined) environ['fetch.env'] = context;
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
  this['tsgi.input'] = request.body ? streamToIterable(request.body) : emptyInput();
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
  const target = pathStart === -1 || pathStart > end ? '/' : href.slice(pathStart, end);
  const question = target.indexOf('?');
  // The port follows the last colon, unless that colon sits inside an IPv6 literal's brackets.
  const colon = host.lastIndexOf(':');
  const hasPort = colon !== -1 && colon > host.lastIndexOf(']');
  return {
    scheme: href.slice(0, schemeEnd).toLowerCase(),
    host,
    hostname: hasPort ? host.slice(0, colon) : host,
    port: hasPort ? host.slice(colon + 1) : '',
    path: question === -1 ? target : target.slice(0, question),
    query: question === -1 ? '' : target.slice(question + 1),
  };
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

function remoteOf(remote: RemoteAddress | undefined): { addr?: string; port?: string } {
  if (typeof remote === 'string') return { addr: remote };
  if (remote === null || typeof remote !== 'object') return {};
  const addr = remote.hostname ?? remote.address;
  return {
    addr: typeof addr === 'string' ? addr : undefined,
    port: remote.port === undefined ? undefined : String(remote.port),
  };
}

function badHost(): globalThis.Response {
  return new globalThis.Response('400 Bad Request\n\nThe request has more than one Host header (RFC 9112 section 3.2).\n', {
    status: 400,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

type WorkersResponseInit = ResponseInit & { encodeBody?: 'manual' };

function responseInit(code: number, status: string, headers: HeaderList): WorkersResponseInit {
  // The Response constructor copies and validates the pairs (a bad name or value throws: a 500).
  const init: WorkersResponseInit = { status: code, statusText: status.slice(4), headers };
  for (const [name] of headers) {
    // tsgi bodies are the bytes to send. Workers would otherwise compress a body that carries a
    // Content-Encoding header a second time; other runtimes ignore this field.
    if (name.length === 16 && name.toLowerCase() === 'content-encoding') init.encodeBody = 'manual';
  }
  return init;
}

function arrayResponse(
  chunks: Uint8Array[],
  status: string,
  headers: HeaderList,
  method: string,
  markSent: () => void,
): globalThis.Response {
  const code = parseStatusLine(status);
  const init = responseInit(code, status, headers);
  let body: Uint8Array | null = null;
  if (!bodiless(method, code)) {
    const parts = chunks.filter((chunk) => chunk.byteLength > 0);
    if (parts.length === 1) body = parts[0];
    else if (parts.length > 1) {
      body = new Uint8Array(parts.reduce((n, chunk) => n + chunk.byteLength, 0));
      let offset = 0;
      for (const chunk of parts) {
        body.set(chunk, offset);
        offset += chunk.byteLength;
      }
    }
  }
  const response = new globalThis.Response(body as BodyInit | null, init);
  markSent();
  return response;
}

/** True when a response to this method with this status carries no body. */
function bodiless(method: string, code: number): boolean {
  return method === 'HEAD' || code < 200 || code === 204 || code === 304;
}

async function runApp(app: App, environ: Environ, method: string): Promise<globalThis.Response> {
  let status: string | undefined;
  let headers: HeaderList | undefined;
  let sent = false;
  const startResponse: StartResponse = (newStatus, newHeaders, error) => {
    if (error !== undefined && error !== null) {
      // Too late to replace the headers: the spec says re-raise, which errors the stream.
      if (sent) throw error;
    } else if (status !== undefined) {
      throw new Error('startResponse called a second time without an error');
    }
    status = newStatus;
    headers = newHeaders;
  };

  let reader: BodyReader | undefined;
  try {
    const body = await app(environ, startResponse);
    // An array is already in memory (what Response gives for a string or bytes): answer with its
    // bytes directly, which is much cheaper than a stream. Arrays have no return() to call.
    if (status !== undefined && headers !== undefined) {
      if (Array.isArray(body)) return arrayResponse(body as Uint8Array[], status, headers, method, () => (sent = true));
      if (body instanceof TextBody) return arrayResponse([...body], status, headers, method, () => (sent = true));
    }
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
    if (status === undefined || headers === undefined) {
      throw new Error('the app returned a body without calling startResponse');
    }
    const code = parseStatusLine(status);
    const init = responseInit(code, status, headers);
    if (bodiless(method, code) || first === undefined) {
      await reader.close();
      const response = new globalThis.Response(null, init);
      sent = true;
      return response;
    }
    const response = new globalThis.Response(readerToStream(reader, [first]), init);
    sent = true;
    return response;
  } catch (error) {
    await reader?.close().catch(() => undefined);
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    environ['tsgi.errors'].write(`tsgi: error before the response started: ${message}\n`);
    return new globalThis.Response('Internal Server Error\n', {
      status: 500,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
}
