/**
 * Graceful shutdown of a node:http server (`RunningServer.close`), in two manners: closing idle
 * keep-alive connections at once (a quick stop), or leaving them to the client (a restart behind a
 * proxy, which may be reusing one of them at that very instant).
 * @module
 */
import type http from 'node:http';
import { nodeNet } from '../../node-builtins.node.js';
import type { ListenerControl } from './listener.js';

/**
 * What a shutdown does with idle keep-alive connections: `'close'` them at once, or `'leave'` them
 * for the client to close, each closed by the server only once it has been idle for the
 * keep-alive timeout (which a proxy's own idle timeout must be shorter than).
 */
export type IdleConnections = 'close' | 'leave';

/** How often a quick stop looks for connections that became idle since. */
const IDLE_POLL_MS = 50;

/**
 * @internal Makes the shutdown of `server`: the first call starts it, later calls return the same
 * promise, and a later `'close'` hastens a `'leave'` that is under way. In both manners the server
 * stops accepting at once; every response from then on (or from when `keepAliveUntil` settles)
 * carries `Connection: close` (set by the listener when `control.draining` is true); requests in
 * flight finish; open WebSockets are closed with 1001; whatever is still open after
 * `shutdownTimeout` ms is cut.
 *
 * @example
 * ```ts
 * const shutdown = drainer(server, control, 10_000);
 * process.on('SIGTERM', () => void shutdown('leave').then(() => process.exit(0)));
 * ```
 */
export function drainer(
  server: http.Server,
  control: ListenerControl,
  shutdownTimeout: number,
): (idle: IdleConnections, keepAliveUntil?: PromiseLike<unknown>) => Promise<void> {
  let done: Promise<void> | null = null;
  let poll: NodeJS.Timeout | undefined;
  const closeIdle = (): void => {
    if (poll !== undefined) return;
    server.closeIdleConnections();
    // In-flight connections become idle as their responses finish: look again until all are gone.
    poll = setInterval(() => server.closeIdleConnections(), IDLE_POLL_MS);
  };
  const closeConnections = (): void => {
    control.draining = true;
    // A WebSocket never becomes idle: it is asked to close (1001), and cut at the deadline.
    control.websockets?.goAway();
  };
  return (idle, keepAliveUntil) => {
    if (done !== null) {
      if (idle === 'close') {
        closeConnections();
        closeIdle();
      }
      return done;
    }
    done = new Promise<void>((resolve) => {
      if (keepAliveUntil === undefined || idle === 'close') closeConnections();
      else keepAliveUntil.then(closeConnections, closeConnections);
      const deadline = setTimeout(() => {
        server.closeAllConnections();
        control.websockets?.terminate();
      }, shutdownTimeout);
      // net.Server's close only stops listening, and calls back once the last connection is gone.
      // http.Server's would also close every idle keep-alive connection at once: a proxy that
      // picks one of them at that instant sends a request into a closing socket, and nginx
      // answers that with a 502 it does not retry for a POST.
      nodeNet().Server.prototype.close.call(server, () => {
        clearInterval(poll);
        clearTimeout(deadline);
        stopTimeoutChecks(server);
        resolve();
      });
      if (idle === 'close') closeIdle();
    });
    return done;
  };
}

/**
 * @internal Stops the timer with which node:http enforces `headersTimeout` and `requestTimeout` (what
 * http.Server's close does too; it kept running while draining, so slow clients were still cut).
 */
export function stopTimeoutChecks(server: http.Server): void {
  const owner = server as unknown as Record<symbol, unknown>;
  for (const key of Object.getOwnPropertySymbols(server)) {
    if (key.description === 'http.server.connectionsCheckingInterval') clearInterval(owner[key] as NodeJS.Timeout);
  }
}
