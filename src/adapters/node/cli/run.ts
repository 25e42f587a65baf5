/**
 * Serving the app in this process: the whole of `tsgi serve` without `--workers`/`--reload`, and the
 * body of each worker process with them.
 * @module
 */
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve, type ServeOptions } from '../serve.js';
import { CliError, type ServeCommand } from './args.js';
import { loadApp, parseTarget, shownPath } from './load-app.js';

/** The message the supervisor sends a worker to make it drain and exit. */
export const SHUTDOWN_MESSAGE = 'tsgi:shutdown';
/** A worker's answer: it has stopped listening. */
export const STOPPED_LISTENING_MESSAGE = 'tsgi:stopped-listening';
/** The supervisor's reply once no worker listens any more: end keep-alive (`Connection: close`). */
export const END_KEEP_ALIVE_MESSAGE = 'tsgi:end-keep-alive';

/** How long a worker waits for that reply before it ends keep-alive anyway. */
const END_KEEP_ALIVE_WAIT_MS = 1000;

/**
 * The TLS key and certificate of `--key` and `--cert`, read from files (relative to `cwd`), or
 * `undefined` without them. A file that cannot be read is a `CliError` that names it.
 *
 * @example
 * ```ts
 * readTlsFiles({ ...command, key: 'key.pem', cert: 'cert.pem' }, process.cwd()); // { key: <Buffer>, cert: <Buffer> }
 * ```
 */
export function readTlsFiles(command: ServeCommand, cwd: string): { key: Buffer; cert: Buffer } | undefined {
  if (command.key === undefined || command.cert === undefined) return undefined;
  const read = (flag: string, file: string): Buffer => {
    try {
      return readFileSync(resolve(cwd, file));
    } catch (error) {
      throw new CliError(`tsgi serve: cannot read the ${flag} file: ${(error as Error).message}`);
    }
  };
  return { key: read('--key', command.key), cert: read('--cert', command.cert) };
}

/**
 * Loads the app and serves it until SIGTERM/SIGINT (or, in a worker, the supervisor's shutdown
 * message), then drains and exits.
 *
 * @example
 * ```ts
 * await serveInProcess(parseCommand(['serve', 'app.js']) as ServeCommand, process.cwd());
 * ```
 */
export async function serveInProcess(command: ServeCommand, cwd: string): Promise<void> {
  // In a worker, a shutdown can be asked for while the app is still loading: remember it.
  let stopRequested = false;
  let stop: (() => void) | undefined;
  let endKeepAlive: (() => void) | undefined;
  if (cluster.isWorker) {
    process.on('message', (message: unknown) => {
      if (message === END_KEEP_ALIVE_MESSAGE) endKeepAlive?.();
      if (message !== SHUTDOWN_MESSAGE || stopRequested) return;
      stopRequested = true;
      stop?.();
    });
  }
  const target = parseTarget(command.target, cwd);
  const tls = readTlsFiles(command, cwd);
  const { app, exportName } = await loadApp(target, cwd);
  if (stopRequested) process.exit(0);
  const options: ServeOptions = {
    host: command.host,
    port: command.port,
    shutdownTimeout: command.shutdownTimeout,
    handleSignals: true,
    accessLog: command.accessLog,
    debug: command.debug,
    headersTimeout: command.headersTimeout,
    requestTimeout: command.requestTimeout,
    keepAliveTimeout: command.keepAliveTimeout,
    maxConnections: command.maxConnections,
  };
  if (tls) options.tls = tls;
  const server = command.http2 ? await serve(app, { ...options, http2: true }) : await serve(app, options);
  // The supervisor asks on SIGTERM and for reloads: leave idle connections to a proxy in front,
  // and keep them alive until no worker listens any more. The workers share one listening socket,
  // which lives on in the supervisor until each has let go: a proxy told to reconnect before that
  // would land in its backlog, and nginx answers a POST reset there with a 502.
  stop = () => {
    const noneListening = new Promise<void>((resolve) => {
      endKeepAlive = resolve;
      setTimeout(resolve, END_KEEP_ALIVE_WAIT_MS).unref();
    });
    void server.close({ idle: 'leave', keepAliveUntil: noneListening }).then(() => process.exit(0));
    process.send?.(STOPPED_LISTENING_MESSAGE); // after cluster's own message that the socket is let go
  };
  if (stopRequested) stop();
  if (!cluster.isWorker) {
    const shown = shownPath(target.file, cwd);
    const debug = command.debug ? '; debug: error pages for requests from this machine' : '';
    const protocol = command.http2 ? (tls ? '; HTTP/2 and HTTP/1.1' : '; HTTP/2 cleartext (h2c) only') : '';
    process.stdout.write(`tsgi: serving ${shown} (export ${exportName}) on ${server.url} (pid ${process.pid}${protocol}${debug})\n`);
  }
}
