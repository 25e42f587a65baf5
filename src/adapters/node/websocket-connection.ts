/**
 * @internal A WebSocket of the `ws` package wired to the app's `WebSocketSession`: messages in,
 * sends and closes out, pings that find a dead peer, the `'error'` listener that keeps a bad frame
 * from ending the process.
 * @module
 */
import type { Duplex } from 'node:stream';
import type { RawData, WebSocket } from 'ws';
import type { WebSocketSession, WebSocketTransport } from '../../response/websocket/session.js';
import type { OpenWebSockets } from './open-websockets.js';

/**
 * Close codes for the errors `ws` reports on a connection (its `code` property): what the server
 * sent the peer when it gave up on it, which the app then sees too.
 */
const ERROR_CLOSE_CODES: Record<string, number> = {
  WS_ERR_UNSUPPORTED_MESSAGE_LENGTH: 1009,
  WS_ERR_INVALID_UTF8: 1007,
};

/**
 * @internal Connects an open `ws` WebSocket to the app's session, and keeps it in `sockets`
 * until it closes. Cleanup (the session's `transportClosed`, the ping timer, leaving `sockets`)
 * runs once, on the socket's `'close'`, whatever ended it.
 *
 * @example
 * ```ts
 * wss.handleUpgrade(req, socket, head, (ws) => connectSession(ws, session, sockets, 30_000));
 * ```
 */
export function connectSession(ws: WebSocket, session: WebSocketSession, sockets: OpenWebSockets, pingInterval: number): void {
  // Set when the server ends the connection (the app's close, a limit, a bad frame, no pong), so
  // the app learns that code rather than the 1006 of a peer that never answered the close.
  let ended: [number, string] | undefined;
  const end = (code: number, reason: string) => (ended ??= [code, reason]);
  let alive = true;
  let timer: NodeJS.Timeout | undefined;

  // Without an 'error' listener, an oversized or malformed frame would be an uncaught exception.
  ws.on('error', (error: Error & { code?: string }) => {
    const code = error.code === undefined ? undefined : ERROR_CLOSE_CODES[error.code];
    end(code ?? 1002, error.message);
  });
  ws.on('message', (data: RawData, isBinary: boolean) => {
    const buffer = asBuffer(data);
    session.receive(isBinary ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) : buffer.toString('utf8'));
  });
  ws.on('pong', () => {
    alive = true;
  });
  ws.once('close', (code: number, reason: Buffer) => {
    clearInterval(timer);
    sockets.delete(ws);
    if (ended !== undefined && (code === 1006 || code === ended[0])) session.transportClosed(ended[0], ended[1], code !== 1006);
    else session.transportClosed(code, reason.toString(), code !== 1006);
  });

  if (pingInterval > 0) {
    timer = setInterval(() => {
      if (!alive) {
        end(1006, `the peer did not answer a ping within ${pingInterval} ms`);
        ws.terminate();
        return;
      }
      alive = false;
      try {
        ws.ping();
      } catch {
        // Closing already: the close handshake (or its timeout) ends the connection.
      }
    }, pingInterval);
    // The socket keeps the process alive while it is open; the timer need not.
    timer.unref();
  }

  session.open(wsTransport(ws, end));
  sockets.add(ws, session);
}

/**
 * The session's view of a `ws` WebSocket; `end` learns each close the server starts. It never
 * throws into the app: a failure cuts the connection.
 */
function wsTransport(ws: WebSocket, end: (code: number, reason: string) => void): WebSocketTransport {
  return {
    send(message) {
      try {
        ws.send(message);
      } catch {
        end(1006, 'the connection failed');
        ws.terminate();
      }
    },
    close(code, reason) {
      end(code, reason);
      try {
        ws.close(code, reason);
      } catch {
        ws.terminate();
      }
    },
    get bufferedAmount() {
      return ws.bufferedAmount;
    },
  };
}

/**
 * A message's bytes as one `Buffer` (what `ws` hands over unless `binaryType` is changed). A
 * binary message reaches the app as a plain `Uint8Array` view of it (no copy), the type it gets on
 * every runtime.
 */
function asBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}
