/**
 * Graceful shutdown of an HTTP/2 server (`RunningServer.close` with `http2`): GOAWAY to every
 * session, and the HTTP/1.1 connections of the `allowHTTP1` fallback drained as `../drain.ts` does.
 * @module
 */
import http from 'node:http';
import type { Http2SecureServer, Http2Server, ServerHttp2Session } from 'node:http2';
import net from 'node:net';
import { stopTimeoutChecks, type IdleConnections } from '../drain.js';
import type { ListenerControl } from '../listener.js';

/** How often a quick stop looks for HTTP/1.1 connections that became idle since. */
const IDLE_POLL_MS = 50;

/**
 * @internal Makes the shutdown of an HTTP/2 server, with the contract of `drainer` (`../drain.ts`):
 * the first call starts it, later calls return the same promise. The server stops accepting at once.
 * Each HTTP/2 session gets a GOAWAY (`session.close()`): the client opens no new stream on it, the
 * streams in flight finish, then the session closes. Unlike an idle HTTP/1.1 connection, this is
 * safe for a proxy in either manner: GOAWAY names the last stream the server will serve, and a
 * client retries later ones elsewhere, knowing they were not processed. So `'leave'` and `'close'`
 * differ only for the HTTP/1.1 fallback connections; `keepAliveUntil` delays the GOAWAY as it
 * delays `Connection: close`. After `shutdownTimeout` ms whatever is left is destroyed.
 *
 * @example
 * ```ts
 * const shutdown = http2Drainer(server, sessions, control, 10_000, true);
 * await shutdown('leave');
 * ```
 */
export function http2Drainer(
  server: Http2SecureServer | Http2Server,
  sessions: ReadonlySet<ServerHttp2Session>,
  control: ListenerControl,
  shutdownTimeout: number,
  http1: boolean,
): (idle: IdleConnections, keepAliveUntil?: PromiseLike<unknown>) => Promise<void> {
  // With allowHTTP1 Node tracks the HTTP/1.1 connections as node:http does; these methods use that.
  const http1Server = http1 ? (server as unknown as http.Server) : null;
  let done: Promise<void> | null = null;
  let poll: NodeJS.Timeout | undefined;
  const closeIdle = (): void => {
    if (http1Server === null || poll !== undefined) return;
    http.Server.prototype.closeIdleConnections.call(http1Server);
    poll = setInterval(() => http.Server.prototype.closeIdleConnections.call(http1Server), IDLE_POLL_MS);
  };
  const goAway = (): void => {
    // Also read by the server for sessions that finish their handshake from now on.
    control.draining = true;
    for (const session of sessions) if (!session.closed) session.close();
    // WebSockets of the HTTP/1.1 fallback (RFC 8441's WebSocket over HTTP/2 is not served).
    control.websockets?.goAway();
  };
  return (idle, keepAliveUntil) => {
    if (done !== null) {
      if (idle === 'close') {
        goAway();
        closeIdle();
      }
      return done;
    }
    done = new Promise<void>((resolve) => {
      if (keepAliveUntil === undefined || idle === 'close') goAway();
      else keepAliveUntil.then(goAway, goAway);
      const deadline = setTimeout(() => {
        for (const session of sessions) session.destroy();
        if (http1Server !== null) http.Server.prototype.closeAllConnections.call(http1Server);
        control.websockets?.terminate();
      }, shutdownTimeout);
      // Not the server's own close(): with allowHTTP1 it closes idle HTTP/1.1 connections at once.
      net.Server.prototype.close.call(server, () => {
        clearInterval(poll);
        clearTimeout(deadline);
        if (http1Server !== null) stopTimeoutChecks(http1Server);
        resolve();
      });
      if (idle === 'close') closeIdle();
    });
    return done;
  };
}
