/**
 * `serve(app, options)`: a `node:http` (or `https`) server for a tsgi app, with graceful shutdown.
 * @module
 */
import type http from 'node:http';
import type { Http2SecureServer, Http2Server } from 'node:http2';
import type https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { App } from '../../gateway.js';
import { createListener, LISTENER_OPTIONS, type ListenerControl, type NodeListenerOptions } from './listener.js';
import { optionsChecker } from '../../options.js';
import { debugErrors } from '../../middleware/debug-errors.js';
import { drainer, type IdleConnections } from './drain.js';
import { connectionOptions, type ConnectionLimits } from './limits.js';
import type { Http2Options } from './http2/server.js';
import { websocketLimits, type WebSocketLimits } from '../../response/websocket/limits.js';
import { OpenWebSockets } from './open-websockets.js';
import { lazyUpgradeListener } from './upgrade-listener.js';
import { nodeHttp } from '../../node-builtins.node.js';

/** Options of {@link serve}; any other `http.createServer` option is passed on to it. */
export interface ServeOptions
  extends NodeListenerOptions,
    ConnectionLimits,
    Omit<http.ServerOptions, 'insecureHTTPParser' | 'IncomingMessage' | 'ServerResponse' | keyof ConnectionLimits> {
  /** The address to bind; `127.0.0.1` by default, so nothing is exposed unless asked. */
  host?: string;
  /** The port; `8000` by default, `0` for any free port (the one chosen is reported). */
  port?: number;
  /** Aborting it shuts the server down gracefully. */
  signal?: AbortSignal;
  /** How long a graceful shutdown waits for in-flight requests before closing them, in ms (10 s). */
  shutdownTimeout?: number;
  /**
   * Shut down gracefully on SIGTERM and SIGINT, then exit the process (a second SIGINT exits at
   * once). SIGTERM, which service managers send, leaves idle keep-alive connections to the client
   * (`close({ idle: 'leave' })`: a restart behind a proxy loses no request); SIGINT, Ctrl-C,
   * closes them at once.
   */
  handleSignals?: boolean;
  /** Serve HTTPS with these TLS options (`key`, `cert`, ...) instead of plain HTTP. */
  tls?: https.ServerOptions;
  /** HTTP/1.x only (the default); {@link Http2ServeOptions} says how to serve HTTP/2. */
  http2?: false;
  /**
   * The limits of every WebSocket the app accepts (`req.acceptWebSocket`): largest message
   * (1 MiB), unsent and unread backlogs (8 MiB each), ping interval (30 s). docs/security.md,
   * "WebSocket", says why each default is what it is.
   *
   * @example
   * ```ts
   * await serve(app, { websocket: { maxMessageSize: 64 * 1024, pingInterval: 10_000 } });
   * ```
   */
  websocket?: Partial<WebSocketLimits>;
  /**
   * Development only: answer unexpected errors with the development error page (`debugErrors`),
   * for requests from this machine (loopback peer and `Host`); others get the generic 500. Off by default.
   */
  debug?: boolean;
}

/**
 * Options of {@link serve} for HTTP/2.
 *
 * @example
 * ```ts
 * const server = await serve(app, { http2: true, tls: { key, cert }, port: 8443 });
 * ```
 */
export interface Http2ServeOptions extends Omit<ServeOptions, 'http2'> {
  /**
   * Serve HTTP/2 (`node:http2`): with `tls`, h2 for clients that offer it and HTTP/1.1 for the
   * others on the same port (`allowHTTP1`, on by default); without `tls`, cleartext h2c for
   * clients that know the server speaks it (a proxy in front, `curl --http2-prior-knowledge`),
   * and nothing else. `true` takes the defaults of {@link Http2Options}.
   */
  http2: true | Http2Options;
}

/** The servers {@link serve} makes. */
export type NodeServer = http.Server | https.Server | Http2SecureServer | Http2Server;

/** A running server, as {@link serve} reports it. */
export interface RunningServer<S extends NodeServer = http.Server | https.Server> {
  /** The base URL, such as `http://127.0.0.1:8000`. */
  url: string;
  /** The port actually bound (useful with `port: 0`). */
  port: number;
  /** The underlying Node server (an `Http2SecureServer` or `Http2Server` with `http2`). */
  server: S;
  /**
   * Shuts down gracefully: stops accepting, answers every request from then on with `Connection:
   * close`, lets in-flight requests finish up to `shutdownTimeout`, then force-closes what remains.
   * Idle keep-alive connections are closed at once, or with `{ idle: 'leave' }` left to the client
   * (a proxy closes its own after its idle timeout; the server after `keepAliveTimeout`), so that
   * no request a proxy sends on one of them at that instant is lost. Resolves once all are closed.
   */
  close(options?: CloseOptions): Promise<void>;
}

/** Options of {@link RunningServer.close}. */
export interface CloseOptions {
  /** `'close'` idle keep-alive connections at once (the default), or `'leave'` them to the client. */
  idle?: IdleConnections;
  /**
   * With `idle: 'leave'`, keep connections alive (no `Connection: close` yet) until this settles.
   * For a process that shares its listening socket with others (cluster workers): until the last
   * of them has stopped listening, a proxy told to reconnect could land in the socket's backlog,
   * and connections there are reset when it closes. `tsgi serve --workers` waits so.
   */
  keepAliveUntil?: PromiseLike<unknown>;
}

const checkOptions = optionsChecker<ServeOptions | Http2ServeOptions>('serve', {
  ...LISTENER_OPTIONS,
  host: true,
  port: true,
  signal: true,
  shutdownTimeout: true,
  handleSignals: true,
  tls: true,
  http2: true,
  debug: true,
  websocket: true,
  maxConnections: true,
  // What http.createServer takes (tsgi refuses insecureHTTPParser on its own, with a reason).
  requestTimeout: true,
  joinDuplicateHeaders: true,
  keepAliveTimeout: true,
  connectionsCheckingInterval: true,
  headersTimeout: true,
  highWaterMark: true,
  maxHeaderSize: true,
  noDelay: true,
  requireHostHeader: true,
  keepAlive: true,
  keepAliveInitialDelay: true,
  uniqueHeaders: true,
  rejectNonStandardBodyWrites: true,
});

/**
 * Serves a tsgi app over HTTP on `host:port` and resolves once it listens. With `http2`, over
 * HTTP/2 (and HTTP/1.1 for TLS clients that do not offer h2): see {@link Http2ServeOptions}.
 *
 * @example
 * ```ts
 * import { serve } from 'tsgi/node';
 *
 * const server = await serve(app, { port: 0 });
 * console.log(`listening on ${server.url}`);
 * await server.close();
 *
 * const secure = await serve(app, { port: 8443, http2: true, tls: { key, cert } });
 * ```
 */
export function serve(app: App, options: Http2ServeOptions): Promise<RunningServer<Http2SecureServer | Http2Server>>;
export function serve(app: App, options?: ServeOptions): Promise<RunningServer>;
export function serve(app: App, options?: ServeOptions | Http2ServeOptions): Promise<RunningServer<NodeServer>>;
export async function serve(app: App, options: ServeOptions | Http2ServeOptions = {}): Promise<RunningServer<NodeServer>> {
  if ((options as http.ServerOptions | undefined)?.insecureHTTPParser) {
    throw new TypeError('tsgi serve: insecureHTTPParser is refused; it opens the door to request smuggling');
  }
  checkOptions(options);
  const {
    host = '127.0.0.1',
    port = 8000,
    signal,
    shutdownTimeout = 10_000,
    handleSignals = false,
    tls,
    http2 = false,
    debug = false,
    websocket,
    errors,
    scriptName,
    accessLog,
    headersTimeout,
    requestTimeout,
    keepAliveTimeout,
    maxConnections,
    connectionsCheckingInterval,
    ...serverOptions
  } = options;
  const limits = connectionOptions({ headersTimeout, requestTimeout, keepAliveTimeout, maxConnections, connectionsCheckingInterval });
  const limitsOfWebSockets = websocketLimits(websocket);
  signal?.throwIfAborted();

  const websockets = new OpenWebSockets();
  const control: ListenerControl = { draining: false, websockets };
  const listenerOptions: NodeListenerOptions = {};
  if (errors) listenerOptions.errors = errors;
  if (scriptName) listenerOptions.scriptName = scriptName;
  if (accessLog) listenerOptions.accessLog = accessLog;
  const served = debug ? debugErrors(app) : app;
  const { maxConnections: cap, ...timeouts } = limits;
  let server: NodeServer;
  let shutdown: ReturnType<typeof drainer>;
  // node:https (with node:tls) adds about 3 ms to `import 'tsgi/node'`, node:http2 about 10 ms:
  // they load with the servers that use them (bench/README.md, "Import time"), and so does this
  // adapter's HTTP/2 code.
  if (http2) {
    const [{ createHttp2Server }, { http2Drainer }] = await Promise.all([import('./http2/server.js'), import('./http2/drain.js')]);
    const h2 = createHttp2Server({ app: served, http2, tls, listenerOptions, control, limits: timeouts, serverOptions });
    server = h2.server;
    shutdown = http2Drainer(h2.server, h2.sessions, control, shutdownTimeout, h2.http1);
    // WebSocket over HTTP/1.1 on the fallback; over HTTP/2 itself (RFC 8441) it is not served.
    if (h2.http1) h2.server.on('upgrade', lazyUpgradeListener(served, listenerOptions, control, limitsOfWebSockets, websockets));
  } else {
    const listener = createListener(served, listenerOptions, control);
    const nodeOptions: http.ServerOptions = { ...serverOptions, ...timeouts, insecureHTTPParser: false };
    const h1 = tls
      ? (await import('node:https')).createServer({ ...tls, ...nodeOptions }, listener)
      : nodeHttp().createServer(nodeOptions, listener);
    h1.on('upgrade', lazyUpgradeListener(served, listenerOptions, control, limitsOfWebSockets, websockets));
    server = h1;
    shutdown = drainer(h1, control, shutdownTimeout);
  }
  server.maxConnections = cap;

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });

  const bound = (server.address() as AddressInfo).port;
  const scheme = tls ? 'https' : 'http';
  const url = `${scheme}://${host.includes(':') ? `[${host}]` : host}:${bound}`;

  const close = (closeOptions: CloseOptions = {}): Promise<void> => {
    removeSignalHandlers();
    return shutdown(closeOptions.idle ?? 'close', closeOptions.keepAliveUntil);
  };

  const onAbort = () => void close();
  signal?.addEventListener('abort', onAbort, { once: true });

  let signalCount = 0;
  const onSignal = (name: NodeJS.Signals) => {
    signalCount += 1;
    if (signalCount > 1 && name === 'SIGINT') process.exit(130);
    // SIGTERM comes from a service manager restarting the server: be safe for a proxy in front.
    void close({ idle: name === 'SIGTERM' ? 'leave' : 'close' }).then(() => process.exit(0));
  };
  function removeSignalHandlers(): void {
    signal?.removeEventListener('abort', onAbort);
    if (!handleSignals) return;
    // Stay registered while draining, so a second Ctrl-C can still force the exit.
    if (signalCount > 0) return;
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
  if (handleSignals) {
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  }

  return { url, port: bound, server, close };
}
