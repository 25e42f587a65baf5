/**
 * `serve(app, options)`: a `node:http` (or `https`) server for a tsgi app, with graceful shutdown.
 * @module
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { App } from '../../gateway.js';
import { createListener, LISTENER_OPTIONS, type ListenerControl, type NodeListenerOptions } from './listener.js';
import { optionsChecker } from '../../options.js';
import { debugErrors } from '../../middleware/debug-errors.js';

/** Options of {@link serve}; any other `http.createServer` option is passed on to it. */
export interface ServeOptions
  extends NodeListenerOptions,
    Omit<http.ServerOptions, 'insecureHTTPParser' | 'IncomingMessage' | 'ServerResponse'> {
  /** The address to bind; `127.0.0.1` by default, so nothing is exposed unless asked. */
  host?: string;
  /** The port; `8000` by default, `0` for any free port (the one chosen is reported). */
  port?: number;
  /** Aborting it shuts the server down gracefully. */
  signal?: AbortSignal;
  /** How long a graceful shutdown waits for in-flight requests before closing them, in ms (10 s). */
  shutdownTimeout?: number;
  /** Shut down gracefully on SIGTERM and SIGINT, then exit the process (a second SIGINT exits at once). */
  handleSignals?: boolean;
  /** Serve HTTPS with these TLS options (`key`, `cert`, ...) instead of plain HTTP. */
  tls?: https.ServerOptions;
  /**
   * Development only: answer unexpected errors with the development error page (`debugErrors`),
   * for requests from this machine (loopback peer and `Host`); others get the generic 500. Off by default.
   */
  debug?: boolean;
}

/** A running server, as {@link serve} reports it. */
export interface RunningServer {
  /** The base URL, such as `http://127.0.0.1:8000`. */
  url: string;
  /** The port actually bound (useful with `port: 0`). */
  port: number;
  /** The underlying Node server. */
  server: http.Server | https.Server;
  /**
   * Shuts down gracefully: stops accepting, lets in-flight requests finish up to `shutdownTimeout`,
   * closes idle keep-alive connections, then force-closes what remains. Resolves once all are closed.
   */
  close(): Promise<void>;
}

const IDLE_POLL_MS = 50;

const checkOptions = optionsChecker<ServeOptions>('serve', {
  ...LISTENER_OPTIONS,
  host: true,
  port: true,
  signal: true,
  shutdownTimeout: true,
  handleSignals: true,
  tls: true,
  debug: true,
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
 * Serves a tsgi app over HTTP on `host:port` and resolves once it listens.
 *
 * @example
 * ```ts
 * import { serve } from 'tsgi/node';
 *
 * const server = await serve(app, { port: 0 });
 * console.log(`listening on ${server.url}`);
 * await server.close();
 * ```
 */
export async function serve(app: App, options: ServeOptions = {}): Promise<RunningServer> {
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
    debug = false,
    errors,
    scriptName,
    accessLog,
    ...serverOptions
  } = options;
  signal?.throwIfAborted();

  const control: ListenerControl = { draining: false };
  const listenerOptions: NodeListenerOptions = {};
  if (errors) listenerOptions.errors = errors;
  if (scriptName) listenerOptions.scriptName = scriptName;
  if (accessLog) listenerOptions.accessLog = accessLog;
  const listener = createListener(debug ? debugErrors(app) : app, listenerOptions, control);
  const nodeOptions: http.ServerOptions = { ...serverOptions, insecureHTTPParser: false };
  const server = tls
    ? https.createServer({ ...tls, ...nodeOptions }, listener)
    : http.createServer(nodeOptions, listener);

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

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= shutdown();
    return closing;
  };

  const shutdown = (): Promise<void> =>
    new Promise<void>((resolve) => {
      control.draining = true;
      removeSignalHandlers();
      // Idle keep-alive connections would hold the server open; in-flight ones become idle as their
      // responses finish, so look again until all are gone.
      const poll = setInterval(() => server.closeIdleConnections(), IDLE_POLL_MS);
      const deadline = setTimeout(() => server.closeAllConnections(), shutdownTimeout);
      server.close(() => {
        clearInterval(poll);
        clearTimeout(deadline);
        resolve();
      });
      server.closeIdleConnections();
    });

  const onAbort = () => void close();
  signal?.addEventListener('abort', onAbort, { once: true });

  let signalCount = 0;
  const onSignal = (name: NodeJS.Signals) => {
    signalCount += 1;
    if (signalCount > 1 && name === 'SIGINT') process.exit(130);
    void close().then(() => process.exit(0));
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
