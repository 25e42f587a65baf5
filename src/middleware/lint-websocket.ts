/**
 * `lint`'s WebSocket checks (`docs/spec.md` rule 3.24 and section 14): the offer a server puts
 * in the environ, and how the app accepts it and answers.
 * @module
 */
import type { Environ, HeaderList } from '../gateway.js';
import type { WebSocketAcceptOptions, WebSocketConnection, WebSocketOffer } from '../gateway-websocket.js';
import { isWebSocketHandshake } from '../http/websocket.js';
import { describe, type Report } from './lint-rules.js';

/** What lint saw of one request's offer. */
export interface WebSocketWatch {
  /** Calls of `accept`, including those that threw. */
  accepts: number;
  /** True once an `accept` returned a connection. */
  accepted: boolean;
}

/**
 * Checks `tsgi.websocket` (rules 3.24 and 14.1) and, when it is a usable offer, replaces it with a
 * wrapper that watches `accept` (rules 14.3 and 14.4) and delegates to the server's offer: the
 * server keeps its own object and settles it as usual. Returns what the wrapper sees, or
 * `undefined` when there is no offer to watch.
 *
 * @example
 * ```ts
 * const watch = watchWebSocketOffer(environ, report, () => state.closed);
 * ```
 */
export function watchWebSocketOffer(environ: Environ, report: Report, bodyClosed: () => boolean): WebSocketWatch | undefined {
  if (environ === null || typeof environ !== 'object' || !('tsgi.websocket' in environ)) return undefined;
  const offer = environ['tsgi.websocket'] as unknown;
  if (offer === undefined) return undefined;
  if (!isOffer(offer)) {
    report('3.24', 'server', `tsgi.websocket must be an offer with protocols (an array of strings) and accept(), got ${describe(offer)}`);
    return undefined;
  }
  if (!isWebSocketHandshake(environ.HTTP_UPGRADE, environ.HTTP_CONNECTION)) {
    report('14.1', 'server', 'tsgi.websocket was set on a request that is not a WebSocket handshake (Upgrade: websocket, Connection: upgrade)');
  }
  const watch: WebSocketWatch = { accepts: 0, accepted: false };
  const checked: WebSocketOffer = {
    protocols: offer.protocols,
    get accepted() {
      return offer.accepted;
    },
    accept(options?: WebSocketAcceptOptions): WebSocketConnection {
      watch.accepts++;
      if (watch.accepts > 1) report('14.3', 'app', 'offer.accept() called a second time: accept at most once');
      if (bodyClosed()) report('14.3', 'app', 'offer.accept() called after the body was closed: accept before the app returns');
      const protocol = options?.protocol;
      if (protocol !== undefined && protocol !== '' && !offer.protocols.includes(protocol)) {
        report('14.4', 'app', `offer.accept() selected subprotocol ${JSON.stringify(protocol)}, which the client did not offer (offered: ${offer.protocols.join(', ') || 'none'})`);
      }
      const connection = offer.accept(options);
      watch.accepted = true;
      return connection;
    },
  };
  environ['tsgi.websocket'] = checked;
  return watch;
}

/**
 * The checks made when the server closes the body, the moment it settles the handshake (rule
 * 14.6): a 101 only after `accept`, and after `accept` a 101 (or an error response, rule 6.6).
 *
 * @example
 * ```ts
 * checkWebSocketAnswer(watch, 101, headers, false, report);
 * ```
 */
export function checkWebSocketAnswer(
  watch: WebSocketWatch | undefined,
  code: number,
  headers: HeaderList,
  replacedByError: boolean,
  report: Report,
): void {
  if (code === 101) {
    if (watch === undefined) {
      report('14.6', 'app', 'the app answered 101 Switching Protocols on a request without tsgi.websocket: only an accepted offer allows a 101');
    } else if (!watch.accepted) {
      report('14.6', 'app', 'the app answered 101 Switching Protocols without calling offer.accept()');
    }
    for (const [name] of headers) {
      if (typeof name === 'string' && /^sec-websocket-/i.test(name)) {
        report('14.6', 'app', `the app sent ${name} in its 101: the server writes the Sec-WebSocket-* headers itself`);
      }
    }
  } else if (watch?.accepted && code !== 0 && !replacedByError) {
    report('14.6', 'app', `the app accepted the WebSocket but answered ${code}: answer 101 Switching Protocols after accept`);
  }
}

function isOffer(value: unknown): value is WebSocketOffer {
  if (typeof value !== 'object' || value === null) return false;
  const offer = value as Partial<WebSocketOffer>;
  return (
    typeof offer.accept === 'function' &&
    Array.isArray(offer.protocols) &&
    offer.protocols.every((protocol) => typeof protocol === 'string') &&
    typeof offer.accepted === 'boolean'
  );
}
