/**
 * Serving the app in this process: the whole of `tsgi serve` without `--workers`/`--reload`, and the
 * body of each worker process with them.
 * @module
 */
import cluster from 'node:cluster';
import { serve } from '../serve.js';
import type { ServeCommand } from './args.js';
import { loadApp, parseTarget, shownPath } from './load-app.js';

/** The message the supervisor sends a worker to make it drain and exit. */
export const SHUTDOWN_MESSAGE = 'tsgi:shutdown';

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
  if (cluster.isWorker) {
    process.on('message', (message: unknown) => {
      if (message !== SHUTDOWN_MESSAGE) return;
      stopRequested = true;
      stop?.();
    });
  }
  const target = parseTarget(command.target, cwd);
  const { app, exportName } = await loadApp(target, cwd);
  if (stopRequested) process.exit(0);
  const server = await serve(app, {
    host: command.host,
    port: command.port,
    shutdownTimeout: command.shutdownTimeout,
    handleSignals: true,
    accessLog: command.accessLog,
    debug: command.debug,
  });
  stop = () => void server.close().then(() => process.exit(0));
  if (stopRequested) stop();
  if (!cluster.isWorker) {
    const shown = shownPath(target.file, cwd);
    const debug = command.debug ? '; debug: error pages for requests from this machine' : '';
    process.stdout.write(`tsgi: serving ${shown} (export ${exportName}) on ${server.url} (pid ${process.pid}${debug})\n`);
  }
}
