/**
 * The HTTP/2 server of `serve(app, { http2: true })`: `node:http2` over TLS (with the HTTP/1.1
 * fallback for clients that do not offer h2) or cleartext (h2c, prior knowledge only), its
 * options, and the per-session bookkeeping that enforces the connection limits.
 * @module
 */
import http from 'node:http';
import type http2 from 'node:http2';
import type {
  Http2SecureServer,
  Http2Server,
  IncomingHttpHeaders,
  SecureServerOptions,
  ServerHttp2Session,
  ServerHttp2Stream,
} from 'node:http2';
import type { Socket } from 'node:net';
import type { App } from '../../../gateway.js';
import { optionsChecker } from '../../../options.js';
import { nodeHttp2 } from '../../../node-builtins.node.js';
import { socketInfo, type SocketInfo } from '../environ.js';
import type { ConnectionOptions } from '../limits.js';
import { createListener, type ListenerControl, type NodeListener, type NodeListenerOptions } from '../listener.js';
import { createStreamHandler, flattenHeaders } from './stream-handler.js';

/**
 * The HTTP/2 options of `serve` (`http2: { ... }`; `http2: true` takes the defaults). The
 * connection limits of `serve` apply too: see `docs/deployment.md#http2`.
 *
 * @example
 * ```ts
 * await serve(app, { http2: { allowHTTP1: false, maxConcurrentStreams: 50 }, tls: { key, cert } });
 * ```
 */
export interface Http2Options {
  /**
   * Serve HTTP/1.1 too, on the same port, to TLS clients that do not offer h2 (ALPN). True by
   * default with `tls`; a cleartext (h2c) server speaks HTTP/2 only, and refuses `true`.
   */
  allowHTTP1?: boolean;
  /** Streams a client may have open at once on one connection (SETTINGS_MAX_CONCURRENT_STREAMS). Default 100. */
  maxConcurrentStreams?: number;
  /** Header fields a request may have, pseudo-headers included; more reset the stream. Node's default, 128. */
  maxHeaderListPairs?: number;
  /** Memory one session may use for its buffers, in MB; past it new streams are refused. Node's default, 10. */
  maxSessionMemory?: number;
  /**
   * Other HTTP/2 settings to announce (`http2.Settings`). `maxHeaderListSize` defaults to
   * `serve`'s `maxHeaderSize` (16 KiB, as for HTTP/1.1 heads).
   */
  settings?: http2.Settings;
}

const checkOptions = optionsChecker<Http2Options>('serve: http2', {
  allowHTTP1: true,
  maxConcurrentStreams: true,
  maxHeaderListPairs: true,
  maxSessionMemory: true,
  settings: true,
});

/** The default of {@link Http2Options.maxConcurrentStreams}: RFC 9113's recommended minimum, as nginx has. */
const MAX_CONCURRENT_STREAMS = 100;

/** @internal The `http.createServer` options that also shape an HTTP/2 server (net options and HTTP/1.1 fallback). */
export interface Http1PassThrough {
  maxHeaderSize?: number;
  requireHostHeader?: boolean;
  joinDuplicateHeaders?: boolean;
  rejectNonStandardBodyWrites?: boolean;
  uniqueHeaders?: unknown;
  noDelay?: boolean;
  keepAlive?: boolean;
  keepAliveInitialDelay?: number;
  highWaterMark?: number;
}

/** @internal What `serve` hands over to build an HTTP/2 server. */
export interface Http2Setup {
  app: App;
  http2: true | Http2Options;
  tls: SecureServerOptions | undefined;
  listenerOptions: NodeListenerOptions;
  control: ListenerControl;
  limits: Omit<ConnectionOptions, 'maxConnections'>;
  serverOptions: Http1PassThrough;
}

/** @internal The server, the sessions open on it (for the shutdown), and whether HTTP/1.1 is served too. */
export interface Http2Served {
  server: Http2SecureServer | Http2Server;
  sessions: Set<ServerHttp2Session>;
  http1: boolean;
}

const SESSION = Symbol('tsgi.http2Session');
const REQUEST_TIMER = Symbol('tsgi.requestTimer');

type TrackedSession = ServerHttp2Session & { [SESSION]?: SessionState };
type TimedStream = ServerHttp2Stream & { [REQUEST_TIMER]?: NodeJS.Timeout };

/**
 * One session's bookkeeping: its connection's `SocketInfo` (computed once, as HTTP/1.1 does per
 * socket), and its open streams, to close it with a GOAWAY once it has had none for the
 * keep-alive timeout. Node's own session timeout counts frames, not requests: a long poll that
 * sends nothing would trip it, and a client dripping PINGs or header fragments would never.
 */
class SessionState {
  private open = 0;
  private idle: NodeJS.Timeout | undefined;
  /** The `close` listener of each stream; `this` is the stream. */
  readonly streamClosed: (this: TimedStream) => void;

  constructor(
    private readonly session: ServerHttp2Session,
    readonly info: SocketInfo,
    private readonly keepAliveTimeout: number,
  ) {
    const state = this;
    this.streamClosed = function streamClosed(this: TimedStream): void {
      const timer = this[REQUEST_TIMER];
      if (timer !== undefined) clearTimeout(timer);
      state.open -= 1;
      if (state.open === 0) state.armIdle();
    };
  }

  opened(): void {
    this.open += 1;
    if (this.idle !== undefined) {
      clearTimeout(this.idle);
      this.idle = undefined;
    }
  }

  armIdle(): void {
    if (this.keepAliveTimeout > 0 && !this.session.closed) this.idle = setTimeout(goAway, this.keepAliveTimeout, this.session);
  }

  stop(): void {
    clearTimeout(this.idle);
  }
}

function goAway(session: ServerHttp2Session): void {
  if (!session.closed) session.close();
}

/**
 * A request body still incomplete after `requestTimeout`: the stream is reset (RST_STREAM with
 * INTERNAL_ERROR; `close(code)` would end a response in progress first, as if it were whole).
 */
function cancelSlowRequest(stream: ServerHttp2Stream): void {
  if (!stream.destroyed && !stream.state.remoteClose) stream.destroy(new Error('the request body was not received within requestTimeout'));
}

function ignore(): void {
  // A stream's 'error' is a reset or a lost connection; the exchange learns of it from 'close'.
}

/**
 * @internal Builds the HTTP/2 server of `serve`: TLS when `tls` is given, else h2c.
 *
 * @example
 * ```ts
 * const { server, sessions, http1 } = createHttp2Server({ app, http2: true, tls: { key, cert }, ... });
 * server.listen(8443);
 * ```
 */
export function createHttp2Server(setup: Http2Setup): Http2Served {
  const options: Http2Options = setup.http2 === true ? {} : setup.http2;
  checkOptions(options);
  const { tls, limits, control } = setup;
  const { allowHTTP1 = tls !== undefined, maxConcurrentStreams = MAX_CONCURRENT_STREAMS, maxHeaderListPairs, maxSessionMemory, settings } = options;
  if (allowHTTP1 && tls === undefined) {
    throw new TypeError('serve: http2.allowHTTP1 needs tls; cleartext HTTP/2 (h2c) serves prior-knowledge clients only');
  }
  const {
    maxHeaderSize = http.maxHeaderSize,
    requireHostHeader = true,
    joinDuplicateHeaders,
    rejectNonStandardBodyWrites,
    uniqueHeaders,
    ...netOptions
  } = setup.serverOptions;
  if (uniqueHeaders !== undefined) throw new TypeError('serve: uniqueHeaders is not supported with http2');

  const announced: http2.Settings = { maxConcurrentStreams, maxHeaderListSize: maxHeaderSize, ...settings };
  const serverOptions: SecureServerOptions = { ...tls, ...netOptions, allowHTTP1, settings: announced };
  if (maxHeaderListPairs !== undefined) serverOptions.maxHeaderListPairs = maxHeaderListPairs;
  if (maxSessionMemory !== undefined) serverOptions.maxSessionMemory = maxSessionMemory;
  // node:http2 loads with the first HTTP/2 server, not with tsgi/node (node-builtins.node.ts).
  const h2 = nodeHttp2();
  const server = tls ? h2.createSecureServer(serverOptions) : h2.createServer(serverOptions);

  if (allowHTTP1) {
    // The fallback is node:http's connection handling, which reads its limits from the server.
    Object.assign(server, {
      headersTimeout: limits.headersTimeout,
      requestTimeout: limits.requestTimeout,
      keepAliveTimeout: limits.keepAliveTimeout,
      connectionsCheckingInterval: limits.connectionsCheckingInterval,
      maxHeaderSize,
      requireHostHeader,
      insecureHTTPParser: false,
    });
    if (joinDuplicateHeaders !== undefined) Object.assign(server, { joinDuplicateHeaders });
    if (rejectNonStandardBodyWrites !== undefined) Object.assign(server, { rejectNonStandardBodyWrites });
    serveHttp1(server, createListener(setup.app, setup.listenerOptions, control));
  } else if (tls !== undefined) {
    // A TLS client that did not offer h2: Node would keep its socket for 10 s before closing it.
    server.on('unknownProtocol', (socket: Socket) => socket.destroy());
  }

  const handle = createStreamHandler(setup.app, setup.listenerOptions, control, announced.maxHeaderListSize ?? maxHeaderSize);
  const sessions = new Set<ServerHttp2Session>();
  const { keepAliveTimeout, requestTimeout } = limits;
  server.on('session', (session: TrackedSession) => {
    const state = new SessionState(session, socketInfo(session.socket as unknown as Socket), keepAliveTimeout);
    session[SESSION] = state;
    sessions.add(session);
    session.once('close', () => {
      sessions.delete(session);
      state.stop();
    });
    // A connection accepted just before the shutdown began is told to go at once.
    if (control.draining) session.close();
    else state.armIdle();
  });
  server.on('stream', (stream: TimedStream, headers: IncomingHttpHeaders, flags: number, rawHeaders?: string[]) => {
    // A client's RST_STREAM is an 'error' event: without a listener it would end the process.
    stream.on('error', ignore);
    const state = (stream.session as TrackedSession | undefined)?.[SESSION];
    if (state === undefined) return;
    state.opened();
    stream.on('close', state.streamClosed);
    if (requestTimeout > 0 && (flags & h2.constants.NGHTTP2_FLAG_END_STREAM) === 0) {
      stream[REQUEST_TIMER] = setTimeout(cancelSlowRequest, requestTimeout, stream);
    }
    handle(stream, state.info, flags, rawHeaders ?? flattenHeaders(headers));
  });
  return { server, sessions, http1: allowHTTP1 };
}

/**
 * Serves HTTP/1.1 requests of the fallback with tsgi's node:http listener. Node's HTTP/2 server
 * turns a `request` listener into its compatibility layer for HTTP/2 streams as well, by adding a
 * `stream` listener of its own; that one is removed again (the streams are served by the core API,
 * 40% faster on a hello-world than the compatibility layer, measured with h2load).
 */
function serveHttp1(server: Http2SecureServer | Http2Server, listener: NodeListener): void {
  const before = new Set(server.listeners('stream'));
  server.on('request', listener as unknown as (...args: unknown[]) => void);
  for (const added of server.listeners('stream')) {
    if (!before.has(added)) server.off('stream', added as (...args: unknown[]) => void);
  }
}
