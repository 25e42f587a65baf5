/**
 * WebSockets on Bun: Bun calls `fetch(request, server)`, the handshake completes with
 * `server.upgrade(request, { data, headers })` inside that call, and the socket's events go to the
 * `websocket` callbacks given to `Bun.serve`, which `toFetchHandler` exposes as
 * `handler.websocket`. Bun applies the message size limit and the pings itself.
 * @module
 */
import type { HeaderList } from '../../gateway.js';
import type { WebSocketLimits } from '../../response/websocket/limits.js';
import type { WebSocketSession, WebSocketTransport } from '../../response/websocket/session.js';
import type { Upgrader } from './websocket.js';
import { CloseTracker } from './websocket-socket.js';

/** The part of Bun's `ServerWebSocket` the adapter uses (typed here: Bun's types are not a dependency). */
export interface BunServerWebSocket {
  data: unknown;
  binaryType?: string;
  /** Bytes sent; -1 when queued behind back-pressure; 0 when dropped (over `backpressureLimit`, or closed). */
  send(data: string | Uint8Array): number;
  close(code?: number, reason?: string): void;
  getBufferedAmount?(): number;
}

/**
 * The `websocket` option of `Bun.serve` that `toFetchHandler` builds from its limits: pass it as
 * `handler.websocket`.
 *
 * @example
 * ```ts
 * const handler = toFetchHandler(app, { websocket: { maxMessageSize: 65536 } });
 * Bun.serve({ fetch: handler, websocket: handler.websocket });
 * ```
 */
export interface BunWebSocketHandler {
  open(ws: BunServerWebSocket): void;
  message(ws: BunServerWebSocket, message: string | Uint8Array): void;
  close(ws: BunServerWebSocket, code: number, reason: string): void;
  /** `maxMessageSize`: Bun closes with 1009 past it, before the message is in memory. */
  readonly maxPayloadLength: number;
  /** `pingInterval` in seconds (at most 960, Bun's limit): Bun pings shortly before it, and closes a peer that stays silent. */
  readonly idleTimeout: number;
  /** False when `pingInterval` is 0. */
  readonly sendPings: boolean;
  /** `maxBufferedAmount`: a send past it is dropped by Bun, which the session answers with 1008. */
  readonly backpressureLimit: number;
  readonly closeOnBackpressureLimit: false;
  /** Compression costs memory per connection and opens the door to decompression bombs. */
  readonly perMessageDeflate: false;
}

/** The part of Bun's `Server` (the handler's second argument) the adapter uses. */
interface BunServer {
  upgrade(request: globalThis.Request, options: { data: unknown; headers: Headers }): boolean;
  requestIP(request: globalThis.Request): unknown;
}

/** @internal True for Bun's server, which Bun passes as the Fetch handler's second argument. */
export function isBunServer(context: unknown): context is BunServer {
  const server = context as Partial<BunServer> | null | undefined;
  return typeof server?.upgrade === 'function' && typeof server.requestIP === 'function';
}

/** What a tsgi WebSocket carries as Bun's `ws.data`: its session, and the close the server started. */
class BunSocketData {
  readonly closing = new CloseTracker();
  constructor(readonly session: WebSocketSession) {}
}

/**
 * @internal The `Bun.serve({ websocket })` callbacks and settings for `limits`. Sockets that some
 * other code upgraded (their `data` is not tsgi's) are left alone.
 *
 * @example
 * ```ts
 * Bun.serve({ fetch, websocket: bunWebSocketHandler(websocketLimits()) });
 * ```
 */
export function bunWebSocketHandler(limits: WebSocketLimits): BunWebSocketHandler {
  const seconds = Math.min(960, Math.ceil(limits.pingInterval / 1000));
  return {
    open(ws) {
      if (!(ws.data instanceof BunSocketData)) return;
      ws.binaryType = 'uint8array';
      ws.data.session.open(bunTransport(ws, ws.data, limits));
    },
    message(ws, message) {
      if (!(ws.data instanceof BunSocketData)) return;
      // A Buffer (when binaryType stayed 'nodebuffer') reaches the app as a plain Uint8Array view.
      const data = typeof message === 'string' ? message : new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
      ws.data.session.receive(data);
    },
    close(ws, code, reason) {
      if (!(ws.data instanceof BunSocketData)) return;
      // Bun closes a peer's oversized message itself (1009 on the wire) and reports 1006 here.
      if (code === 1006 && /too big/i.test(reason)) ws.data.closing.started(1009, reason);
      ws.data.session.transportClosed(...ws.data.closing.info(code, reason, code !== 1006));
    },
    maxPayloadLength: limits.maxMessageSize,
    idleTimeout: seconds,
    sendPings: seconds > 0,
    backpressureLimit: limits.maxBufferedAmount,
    closeOnBackpressureLimit: false,
    perMessageDeflate: false,
  };
}

function bunTransport(ws: BunServerWebSocket, data: BunSocketData, limits: WebSocketLimits): WebSocketTransport {
  const transport: WebSocketTransport = {
    send(message) {
      let sent: number;
      try {
        sent = ws.send(message);
      } catch {
        sent = 0;
      }
      // Dropped: over backpressureLimit (or the socket is gone, and then closing does nothing).
      if (sent === 0 && byteLength(message) > 0) {
        transport.close(1008, `the peer reads too slowly: more than ${limits.maxBufferedAmount} bytes waiting to be sent`);
      }
    },
    close(code, reason) {
      data.closing.started(code, reason);
      try {
        ws.close(code, reason);
      } catch {
        data.session.transportClosed(...data.closing.info(1006, reason, false));
      }
    },
    get bufferedAmount() {
      return ws.getBufferedAmount?.() ?? 0;
    },
  };
  return transport;
}

function byteLength(message: string | Uint8Array): number {
  return typeof message === 'string' ? message.length : message.byteLength;
}

/**
 * @internal Completes a handshake through Bun's `server.upgrade`. Bun runs the `open` callback
 * (and so `session.open`) inside that call; what the Fetch handler returns afterwards is ignored.
 */
export function bunUpgrader(server: BunServer, request: globalThis.Request): Upgrader {
  return (session, appHeaders: HeaderList) => {
    let headers = appHeaders;
    if (session.protocol === '') {
      // Bun selects the client's first subprotocol when the 101 names none (oven-sh/bun#18243,
      // still so in Bun 1.4): hide the offer, so it selects only what the app chose.
      try {
        request.headers.delete('sec-websocket-protocol');
      } catch {
        // Immutable here: an empty value kept Bun from adding its own too.
        headers = [...headers, ['Sec-WebSocket-Protocol', '']];
      }
    }
    // A Headers object: Bun has ignored a subprotocol given in a plain object or array.
    if (!server.upgrade(request, { data: new BunSocketData(session), headers: new Headers(headers) })) {
      throw new Error('Bun did not upgrade the request (server.upgrade returned false)');
    }
    return new globalThis.Response(null, { status: 101 });
  };
}
