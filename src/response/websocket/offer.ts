/**
 * `ServerWebSocketOffer`: the `environ['tsgi.websocket']` every tsgi server puts on a handshake
 * request. It enforces the protocol's rules in one place for all runtimes (accept once and in
 * time, only an offered subprotocol, no cross-site Origin) and tells the server, once the app has
 * returned, whether to upgrade (`settle`).
 * @module
 */
import type { Environ, HeaderList } from '../../gateway.js';
import type { WebSocketAcceptOptions, WebSocketOffer } from '../../gateway-websocket.js';
import { Forbidden } from '../../errors.js';
import { isSameHostOrigin, parseWebSocketProtocols } from '../../http/websocket.js';
import { WEBSOCKET_DEFAULTS, type WebSocketLimits } from './limits.js';
import { WebSocketSession } from './session.js';

/**
 * The offer a server makes for one handshake request.
 *
 * @example
 * ```ts
 * const offer = new ServerWebSocketOffer(environ, limits);
 * environ['tsgi.websocket'] = offer;
 * // ... run the app, capturing its status and headers ...
 * const session = offer.settle(status); // a session to open when the app accepted and answered 101
 * ```
 */
export class ServerWebSocketOffer implements WebSocketOffer {
  readonly protocols: readonly string[];
  readonly #environ: Environ;
  readonly #limits: WebSocketLimits;
  #session: WebSocketSession | undefined;
  #settled = false;

  constructor(environ: Environ, limits: WebSocketLimits = WEBSOCKET_DEFAULTS) {
    this.#environ = environ;
    this.#limits = limits;
    this.protocols = Object.freeze(parseWebSocketProtocols(environ.HTTP_SEC_WEBSOCKET_PROTOCOL));
  }

  get accepted(): boolean {
    return this.#session !== undefined;
  }

  /** The accepted connection, once `accept` was called. */
  get session(): WebSocketSession | undefined {
    return this.#session;
  }

  accept(options: WebSocketAcceptOptions = {}): WebSocketSession {
    if (this.#settled) throw new TypeError('offer.accept() was called after the app returned: accept before returning the body');
    if (this.#session !== undefined) throw new TypeError('offer.accept() was called twice for one handshake');
    const protocol = options.protocol ?? '';
    if (protocol !== '' && !this.protocols.includes(protocol)) {
      const offered = this.protocols.length === 0 ? 'none' : this.protocols.join(', ');
      throw new TypeError(`offer.accept(): subprotocol '${protocol}' was not offered by the client (offered: ${offered})`);
    }
    const origin = this.#environ.HTTP_ORIGIN;
    if (origin !== undefined && !isAllowedOrigin(origin, this.#environ.HTTP_HOST, options.allowedOrigins)) {
      throw crossSite(origin);
    }
    return (this.#session = new WebSocketSession(protocol, this.#limits));
  }

  /**
   * Called by the server once the app has returned, with the status it answered. Returns the
   * session to open when the app accepted and answered 101; abandons an accepted session when it
   * answered anything else (its response goes to the client instead). A 101 without `accept` is
   * an app error (`TypeError`), answered 500 by the server.
   */
  settle(status: string | undefined): WebSocketSession | undefined {
    this.#settled = true;
    const upgrade = status !== undefined && status.startsWith('101');
    const session = this.#session;
    if (session === undefined) {
      if (upgrade) throw new TypeError('the app answered 101 Switching Protocols without calling offer.accept()');
      return undefined;
    }
    if (!upgrade) {
      session.abandon(`the app answered ${status ?? 'nothing'} instead of 101 Switching Protocols`);
      return undefined;
    }
    return session;
  }
}

/**
 * True when a handshake's `Origin` may open a WebSocket: the request's own host (see
 * `isSameHostOrigin`), or one the app allowed.
 *
 * @example
 * ```ts
 * isAllowedOrigin('https://app.example', 'api.example', ['https://app.example']); // true
 * ```
 */
export function isAllowedOrigin(
  origin: string,
  host: string | undefined,
  allowed: WebSocketAcceptOptions['allowedOrigins'],
): boolean {
  if (isSameHostOrigin(origin, host)) return true;
  if (allowed === undefined) return false;
  if (typeof allowed === 'function') return allowed(origin) === true;
  return allowed.includes(origin);
}

/** The 403 for a cross-site handshake. */
export function crossSite(origin: string): Forbidden {
  return new Forbidden(
    `Cross-site WebSocket handshake refused: the Origin ${origin.slice(0, 200)} is not this host. ` +
      'The app can allow it with allowedOrigins.',
  );
}

// Headers the server writes itself in a 101, or that a 101 cannot carry.
const SERVER_OWNED = new Set([
  'connection',
  'upgrade',
  'content-length',
  'content-type',
  'transfer-encoding',
  'keep-alive',
  'sec-websocket-accept',
  'sec-websocket-protocol',
  'sec-websocket-extensions',
]);

/**
 * The app's 101 headers that go into the handshake response: everything but what the server
 * writes itself (`Upgrade`, `Connection`, `Sec-WebSocket-*`) and body headers (`Content-Type`,
 * `Content-Length`), which a 101 has no use for.
 *
 * @example
 * ```ts
 * handshakeHeaders([['Set-Cookie', 'a=1'], ['Content-Type', 'text/plain']]); // [['Set-Cookie', 'a=1']]
 * ```
 */
export function handshakeHeaders(headers: HeaderList): HeaderList {
  return headers.filter(([name]) => !SERVER_OWNED.has(name.toLowerCase()));
}
