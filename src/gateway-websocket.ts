/**
 * The WebSocket part of the gateway protocol (`docs/spec.md` section 14): message-based, after
 * ASGI, because Bun, Deno and workerd hand a server WebSocket objects, never sockets.
 *
 * An upgrade request the server can accept carries `environ['tsgi.websocket']`, a
 * {@link WebSocketOffer}. The app accepts with `offer.accept({ protocol })`, which returns the
 * {@link WebSocketConnection}, then calls `startResponse('101 Switching Protocols', headers)` and
 * returns an empty body; the server completes the handshake with those headers once the app has
 * returned. An app that does not accept answers with an ordinary response, which the client gets.
 * @module
 */

/** A WebSocket message: text arrives as a string, binary as bytes. */
export type WebSocketMessage = string | Uint8Array;

/** How a WebSocket connection ended. */
export interface WebSocketCloseInfo {
  /**
   * The close code: the one the closing side sent (1000 normal, 1001 going away, 1008 policy,
   * 1009 message too big, 1011 server error, 4000-4999 the app's own), 1005 when a close frame
   * carried none, 1006 when the connection was lost without one.
   */
  readonly code: number;
  /** The close reason (UTF-8, at most 123 bytes), `''` when none was given. */
  readonly reason: string;
  /** True when the closing handshake completed (both sides sent a close frame). */
  readonly wasClean: boolean;
}

/**
 * Options of `offer.accept(...)`.
 *
 * @example
 * ```ts
 * const ws = offer.accept({ protocol: offer.protocols.includes('chat') ? 'chat' : undefined });
 * ```
 */
export interface WebSocketAcceptOptions {
  /**
   * The subprotocol to select: one of `offer.protocols` (anything else is a `TypeError`, so a
   * server never selects a subprotocol the client did not offer). Default: none.
   */
  protocol?: string;
  /**
   * Origins allowed besides the request's own host: exact origins (`'https://app.example'`), or a
   * function deciding. Without it, a browser's cross-site handshake (an `Origin` whose host is not
   * the `Host`) is refused with 403 (cross-site WebSocket hijacking); a handshake without `Origin`
   * (not from a browser) is allowed.
   */
  allowedOrigins?: readonly string[] | ((origin: string) => boolean);
}

/**
 * A WebSocket connection as the app sees it: send and close, and the peer's messages as an async
 * iterable. Usable as soon as `accept` returns: what is sent before the handshake completes is
 * queued. Iterating ends when the connection closes; `closed` tells how.
 *
 * @example
 * ```ts
 * for await (const message of ws) ws.send(typeof message === 'string' ? message.toUpperCase() : message);
 * const { code, reason } = await ws.closed;
 * ```
 */
export interface WebSocketConnection extends AsyncIterable<WebSocketMessage> {
  /** The selected subprotocol, `''` for none. */
  readonly protocol: string;
  /** `connecting` until the handshake completes, then `open`, `closing` and `closed`; a `close()` before the handshake makes it `closing` at once. */
  readonly readyState: 'connecting' | 'open' | 'closing' | 'closed';
  /** Bytes sent but not yet written to the network (queued ones included). */
  readonly bufferedAmount: number;
  /** Resolves (never rejects) once the connection is closed. */
  readonly closed: Promise<WebSocketCloseInfo>;
  /** Aborted once the connection closes: hand it to whatever the app waits on. */
  readonly signal: AbortSignal;
  /**
   * Sends a text (string) or binary (bytes) message. Before the handshake completes it is queued;
   * once the connection is closing or closed it is dropped, as browsers do.
   */
  send(message: string | Uint8Array | ArrayBuffer): void;
  /**
   * Starts the closing handshake. `code` is 1000 (the default) or 3000-4999; `reason` at most
   * 123 bytes of UTF-8. Closing twice does nothing.
   */
  close(code?: number, reason?: string): void;
}

/**
 * `environ['tsgi.websocket']`: present on a WebSocket handshake request the server can accept.
 *
 * @example
 * ```ts
 * const app: App = (environ, startResponse) => {
 *   const offer = environ['tsgi.websocket'];
 *   if (offer === undefined) {
 *     startResponse('400 Bad Request', [['Content-Type', 'text/plain']]);
 *     return [new TextEncoder().encode('a WebSocket endpoint\n')];
 *   }
 *   const ws = offer.accept();
 *   startResponse('101 Switching Protocols', []);
 *   void (async () => {
 *     for await (const message of ws) ws.send(message);
 *   })();
 *   return [];
 * };
 * ```
 */
export interface WebSocketOffer {
  /** The subprotocols the client offered (`Sec-WebSocket-Protocol`), in its order of preference. */
  readonly protocols: readonly string[];
  /** True once `accept` was called. */
  readonly accepted: boolean;
  /**
   * Accepts the connection: call at most once, before the app returns its body; then answer
   * `101 Switching Protocols` with an empty body. Throws `TypeError` for a subprotocol that was not
   * offered and a `Forbidden` HTTP error (403) for a cross-site `Origin` that is not allowed.
   */
  accept(options?: WebSocketAcceptOptions): WebSocketConnection;
}
