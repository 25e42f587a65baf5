/**
 * `WebSocketResponse`: what `req.acceptWebSocket(...)` returns. Served, it accepts the server's
 * offer, answers 101 with its own headers (cookies set on it reach the client), and runs the
 * handler with the connection; when the request cannot be upgraded it answers an error instead.
 * @module
 */
import type { Body, Environ, StartResponse } from '../../gateway.js';
import type { WebSocketAcceptOptions, WebSocketConnection } from '../../gateway-websocket.js';
import { HTTPException } from '../../errors.js';
import { isWebSocketHandshake } from '../../http/websocket.js';
import { Response } from '../response.js';
import { crossSite, isAllowedOrigin } from './offer.js';

/** The handler of an accepted WebSocket: the connection lives until it returns (or closes first). */
export type WebSocketHandler = (ws: WebSocketConnection) => void | Promise<void>;

/**
 * Options of `req.acceptWebSocket(options, handler)`.
 *
 * @example
 * ```ts
 * return req.acceptWebSocket({ protocol: ['chat.v2', 'chat'] }, async (ws) => { ... });
 * ```
 */
export interface AcceptWebSocketOptions {
  /**
   * The subprotocols the app speaks, best first: the first one the client offered is selected.
   * When the client offered some and none of these, the connection is accepted without one (the
   * client then decides; browsers close it). Default: none.
   */
  protocol?: string | readonly string[];
  /** Origins allowed besides the request's own host (see `WebSocketAcceptOptions`). */
  allowedOrigins?: WebSocketAcceptOptions['allowedOrigins'];
}

/**
 * A 101 response that accepts a WebSocket when served. The handler runs once the offer is
 * accepted; when it returns or throws, the connection is closed (1000, or 1011 after an error,
 * which goes to `tsgi.errors`). To keep a connection open without reading it, `await ws.closed`.
 *
 * @example
 * ```ts
 * const chat = Request.application((req) =>
 *   req.acceptWebSocket({ protocol: 'chat' }, async (ws) => {
 *     for await (const message of ws) ws.send(message);
 *   }),
 * );
 * ```
 */
export class WebSocketResponse extends Response {
  readonly #handler: WebSocketHandler;
  readonly #options: AcceptWebSocketOptions;

  constructor(options: AcceptWebSocketOptions, handler: WebSocketHandler) {
    if (typeof handler !== 'function') {
      throw new TypeError('acceptWebSocket(options, handler): the handler must be a function (ws) => { ... }');
    }
    super(null, { status: 101 });
    this.#handler = handler;
    this.#options = options;
  }

  override serve(environ: Environ, startResponse: StartResponse): Body {
    const offer = environ['tsgi.websocket'];
    if (offer === undefined) {
      const refusal = isWebSocketHandshake(environ.HTTP_UPGRADE, environ.HTTP_CONNECTION)
        ? new Response('This server cannot accept WebSocket connections.\n', { status: 501, mimetype: 'text/plain' })
        : new Response('This URL expects a WebSocket handshake (Upgrade: websocket).\n', { status: 400, mimetype: 'text/plain' });
      return refusal.serve(environ, startResponse);
    }
    // The Origin is checked here against the Host this app sees, which `proxyFix` may have set
    // from X-Forwarded-Host; the server's offer only knows the Host the proxy sent.
    const origin = environ.HTTP_ORIGIN;
    if (origin !== undefined && !isAllowedOrigin(origin, environ.HTTP_HOST, this.#options.allowedOrigins)) {
      return crossSite(origin).getResponse(environ).serve(environ, startResponse);
    }
    let ws: WebSocketConnection;
    try {
      const protocol = pickProtocol(offer.protocols, this.#options.protocol);
      ws = offer.accept({ protocol, allowedOrigins: origin === undefined ? undefined : [origin] });
    } catch (error) {
      if (error instanceof HTTPException) return error.getResponse(environ).serve(environ, startResponse);
      throw error;
    }
    void runHandler(this.#handler, ws, environ['tsgi.errors']);
    return super.serve(environ, startResponse);
  }
}

/** The first of the app's subprotocols the client offered, else none. */
function pickProtocol(offered: readonly string[], wanted: string | readonly string[] | undefined): string | undefined {
  if (wanted === undefined) return undefined;
  const list = typeof wanted === 'string' ? [wanted] : wanted;
  return list.find((protocol) => offered.includes(protocol));
}

async function runHandler(handler: WebSocketHandler, ws: WebSocketConnection, errors: Environ['tsgi.errors']): Promise<void> {
  // A microtask later: the server completes the handshake first, so the handler's first send
  // usually goes straight out rather than into the queue.
  await undefined;
  try {
    await handler(ws);
    ws.close(1000);
  } catch (error) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    errors.write(`tsgi: WebSocket handler failed: ${text}\n`);
    ws.close(1011, 'server error');
  }
}
