/**
 * The limits every WebSocket connection gets, whatever the runtime: safe defaults, each
 * configurable where the server is configured (`serve`, `toFetchHandler`, the test `Client`).
 * @module
 */

/**
 * WebSocket limits. Every server applies all of them; docs/security.md says why each default is
 * what it is.
 *
 * @example
 * ```ts
 * serve(app, { websocket: { maxMessageSize: 64 * 1024, pingInterval: 10_000 } });
 * ```
 */
export interface WebSocketLimits {
  /** Largest message accepted from the peer, in bytes; a bigger one closes with 1009. Default 1 MiB. */
  maxMessageSize: number;
  /**
   * Most bytes the app may have sent that the peer has not taken yet (`bufferedAmount`); past it
   * the connection closes with 1008, so a client that stops reading cannot make the server hold
   * every message. Default 8 MiB.
   */
  maxBufferedAmount: number;
  /**
   * Most bytes of received messages the app has not read yet; past it the connection closes with
   * 1008, so an app that stops reading is not flooded. Default 8 MiB.
   */
  maxQueuedBytes: number;
  /**
   * Milliseconds between pings; a peer that has not answered the previous ping is closed (1006).
   * 0 turns pings off. Default 30 s. On workerd the runtime keeps connections alive itself.
   */
  pingInterval: number;
}

/**
 * The defaults: 1 MiB messages, 8 MiB either way unread, a ping every 30 s.
 *
 * @example
 * ```ts
 * WEBSOCKET_DEFAULTS.maxMessageSize; // 1048576
 * ```
 */
export const WEBSOCKET_DEFAULTS: Readonly<WebSocketLimits> = Object.freeze({
  maxMessageSize: 1024 * 1024,
  maxBufferedAmount: 8 * 1024 * 1024,
  maxQueuedBytes: 8 * 1024 * 1024,
  pingInterval: 30_000,
});

/**
 * The limits with `options` applied over the defaults; a `TypeError` names an unknown key or a
 * value that is not a non-negative finite number.
 *
 * @example
 * ```ts
 * const limits = websocketLimits({ maxMessageSize: 65536 }); // the rest default
 * ```
 */
export function websocketLimits(options: Partial<WebSocketLimits> = {}): WebSocketLimits {
  const limits: WebSocketLimits = { ...WEBSOCKET_DEFAULTS };
  for (const [key, value] of Object.entries(options)) {
    if (!(key in WEBSOCKET_DEFAULTS)) {
      const known = Object.keys(WEBSOCKET_DEFAULTS).join(', ');
      throw new TypeError(`websocket: unknown limit '${key}' (known: ${known})`);
    }
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) {
      throw new TypeError(`websocket: ${key} must be a non-negative number of ${key === 'pingInterval' ? 'milliseconds' : 'bytes'}, got ${String(value)}`);
    }
    limits[key as keyof WebSocketLimits] = value;
  }
  return limits;
}
