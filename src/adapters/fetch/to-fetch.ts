/**
 * `toFetchHandler`: runs a tsgi app as a Fetch handler (`(Request) => Promise<Response>`), the
 * shape Bun, Deno, Cloudflare Workers and most edge hosts serve.
 * @module
 */
import {
  consoleErrors,
  emptyInput,
  headerKey,
  TSGI_VERSION,
  type App,
  type Environ,
  type ErrorStream,
  type HeaderList,
  type StartResponse,
} from '../../gateway.js';
import { parseStatusLine } from '../../http/status.js';
import { decodePath } from '../node/path-decode.js';
import { openBody, readerToStream, streamToIterable, type BodyReader } from './streams.js';

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
  const errors = options.errors ?? consoleErrors;
  return async (request, context, executionContext) => {
    const environ = buildEnviron(request, context, errors);
    if (executionContext !== undefined) environ['fetch.ctx'] = executionContext;
    return runApp(app, environ, request.method);
  };
}

/**
 * The environ for a Web `Request`: scheme, host and port from its URL, `PATH_INFO` decoded as
 * UTF-8, the raw query, one `HTTP_*` key per header, and the body as `tsgi.input`.
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
  const url = new URL(request.url);
  const scheme = url.protocol.slice(0, -1);
  const environ: Environ = {
    REQUEST_METHOD: request.method,
    SCRIPT_NAME: '',
    PATH_INFO: decodePath(url.pathname),
    QUERY_STRING: url.search.slice(1),
    SERVER_NAME: url.hostname,
    SERVER_PORT: url.port || (scheme === 'https' ? '443' : '80'),
    SERVER_PROTOCOL: 'HTTP/1.1',
    // Fetch hands over a parsed URL: this is the normalized target, the raw one is gone.
    REQUEST_URI: url.pathname + url.search,
    'tsgi.version': TSGI_VERSION,
    'tsgi.url_scheme': scheme,
    'tsgi.input': request.body ? streamToIterable(request.body) : emptyInput(),
    'tsgi.errors': errors,
    'tsgi.multithread': false,
    'tsgi.multiprocess': false,
    'tsgi.run_once': false,
  };
  for (const [name, value] of request.headers) {
    // `X_Forwarded_For` and `X-Forwarded-For` would share one key: a header spelled with an
    // underscore could then forge a proxy header, so such names are dropped (as gunicorn does).
    if (name.includes('_')) continue;
    environ[headerKey(name)] = value;
  }
  // A Fetch request always knows its host, even when the runtime dropped the header.
  if (environ.HTTP_HOST === undefined) environ.HTTP_HOST = url.host;
  const remote = remoteOf(context?.remoteAddr);
  if (remote.addr !== undefined) environ.REMOTE_ADDR = remote.addr;
  if (remote.port !== undefined) environ.REMOTE_PORT = remote.port;
  if (context !== undefined) environ['fetch.env'] = context;
  return environ;
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
    reader = openBody(await app(environ, startResponse));
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
    const responseHeaders = new globalThis.Headers();
    for (const [name, value] of headers) responseHeaders.append(name, value);
    const init: ResponseInit & { encodeBody?: 'manual' } = { status: code, statusText: status.slice(4), headers: responseHeaders };
    // tsgi bodies are the bytes to send. Workers would otherwise compress a body that carries a
    // Content-Encoding header a second time; other runtimes ignore this field.
    if (responseHeaders.has('content-encoding')) init.encodeBody = 'manual';
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
