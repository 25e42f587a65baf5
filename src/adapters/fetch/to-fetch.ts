/**
 * `toFetchHandler`: runs a tsgi app as a Fetch handler (`(Request) => Promise<Response>`), the
 * shape Bun, Deno, Cloudflare Workers and most edge hosts serve.
 * @module
 */
import {
  BufferedInput,
  consoleErrors,
  TextBody,
  type App,
  type Body,
  type Environ,
  type ErrorStream,
  type HeaderList,
  type StartResponse,
} from '../../gateway.js';
import { parseStatusLine } from '../../http/status.js';
import { failedInput, openBody, readerToStream, type BodyReader } from './streams.js';
import { optionsChecker } from '../../options.js';
import type { WebSocketLimits } from '../../response/websocket/limits.js';
import { FetchWebSockets } from './websocket.js';
import { bufferable, buildEnviron } from './environ.js';
import { bodiless, joinChunks, responseInit } from './response-init.js';
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

function badHost(): globalThis.Response {
  return new globalThis.Response('400 Bad Request\n\nThe request has more than one Host header (RFC 9112 section 3.2).\n', {
    status: 400,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
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
