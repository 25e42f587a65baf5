/**
 * The connection limits of `serve` and `tsgi serve`: timeouts that cut slow clients, and a cap on
 * connections, with defaults a server exposed to the Internet can live with (docs/security.md says
 * why each is what it is).
 * @module
 */

/** Timeouts (in ms) and the connection cap of `serve` and `tsgi serve`; each has a default. */
export interface ConnectionLimits {
  /** Time to receive a request's head (request line and headers), in ms. Default 15 s. */
  headersTimeout?: number;
  /** Time to receive a whole request, body included, in ms. Default 120 s; `0` for none. */
  requestTimeout?: number;
  /** How long an idle keep-alive connection stays open, in ms. Default 5 s. */
  keepAliveTimeout?: number;
  /** Most connections open at once in this process; more are closed as they come. Default 10,000. */
  maxConnections?: number;
}

/**
 * The defaults: 15 s for the head (four lost packets' worth of TCP retransmission, 1 + 2 + 4 + 8
 * s; Node's own 60 s lets a header drip hold a connection for a minute), 120 s for the whole
 * request (16 MiB, the default `maxContentLength`, at 1.1 Mbit/s; Node's 300 s let a body drip last
 * five and a half minutes), 5 s of keep-alive (Node's, and longer than the 4 s that
 * docs/deployment.md gives nginx, which must close idle connections before the server does), and
 * 10,000 connections (Node has no cap: a flood then ends at the file descriptor limit).
 *
 * @example
 * ```ts
 * CONNECTION_LIMITS.headersTimeout; // 15000
 * ```
 */
export const CONNECTION_LIMITS: Readonly<Required<ConnectionLimits>> = Object.freeze({
  headersTimeout: 15_000,
  requestTimeout: 120_000,
  keepAliveTimeout: 5_000,
  maxConnections: 10_000,
});

/** What {@link connectionOptions} returns: node:http's options, and the cap to set on the server. */
export interface ConnectionOptions {
  headersTimeout: number;
  requestTimeout: number;
  keepAliveTimeout: number;
  connectionsCheckingInterval: number;
  maxConnections: number;
}

function check(name: string, value: number, min: number): number {
  if (!(value === Infinity && name === 'maxConnections') && (!Number.isSafeInteger(value) || value < min)) {
    throw new TypeError(`serve: ${name} must be an integer of at least ${min}, got ${String(value)}`);
  }
  return value;
}

/**
 * The limits with the defaults filled in, as node:http takes them. Node enforces the head and
 * request timeouts only when it looks, every `connectionsCheckingInterval` ms (30 s by default,
 * which would let a 15 s timeout run to 45 s): unless given, it is a tenth of the shorter timeout,
 * between 50 ms and 1 s. The head timeout never exceeds the request timeout (Node refuses that).
 *
 * @example
 * ```ts
 * connectionOptions({ headersTimeout: 2000 }).connectionsCheckingInterval; // 200
 * ```
 */
export function connectionOptions(limits: ConnectionLimits & { connectionsCheckingInterval?: number }): ConnectionOptions {
  const requestTimeout = check('requestTimeout', limits.requestTimeout ?? CONNECTION_LIMITS.requestTimeout, 0);
  const fallbackHeaders = requestTimeout > 0 ? Math.min(CONNECTION_LIMITS.headersTimeout, requestTimeout) : CONNECTION_LIMITS.headersTimeout;
  const headersTimeout = check('headersTimeout', limits.headersTimeout ?? fallbackHeaders, 0);
  const shortest = Math.min(...[headersTimeout, requestTimeout].filter((ms) => ms > 0), 10_000);
  return {
    headersTimeout,
    requestTimeout,
    keepAliveTimeout: check('keepAliveTimeout', limits.keepAliveTimeout ?? CONNECTION_LIMITS.keepAliveTimeout, 0),
    connectionsCheckingInterval: check(
      'connectionsCheckingInterval',
      limits.connectionsCheckingInterval ?? Math.min(1000, Math.max(50, Math.floor(shortest / 10))),
      1,
    ),
    maxConnections: check('maxConnections', limits.maxConnections ?? CONNECTION_LIMITS.maxConnections, 1),
  };
}
