/**
 * The WebSocket handshake's header rules (RFC 6455 section 4): is this request a handshake, which
 * subprotocols it offers, and whether its `Origin` is the host it was sent to.
 * @module
 */
import { isToken } from './grammar.js';
import { parseOrigin } from './origin.js';

/** Most subprotocols read from one `Sec-WebSocket-Protocol` list; real clients offer a handful. */
export const MAX_WEBSOCKET_PROTOCOLS = 32;

/**
 * True for a WebSocket handshake: `Upgrade: websocket` and a `Connection` list naming `upgrade`
 * (both case-insensitive).
 *
 * @example
 * ```ts
 * isWebSocketHandshake('websocket', 'keep-alive, Upgrade'); // true
 * isWebSocketHandshake('h2c', 'Upgrade');                   // false
 * ```
 */
export function isWebSocketHandshake(upgrade: string | undefined, connection: string | undefined): boolean {
  if (upgrade === undefined || upgrade.trim().toLowerCase() !== 'websocket') return false;
  if (connection === undefined) return false;
  return connection.toLowerCase().split(',').some((token) => token.trim() === 'upgrade');
}

/**
 * The subprotocols of a `Sec-WebSocket-Protocol` value, in order, duplicates and anything that is
 * not a token left out, at most {@link MAX_WEBSOCKET_PROTOCOLS}.
 *
 * @example
 * ```ts
 * parseWebSocketProtocols('chat, superchat'); // ['chat', 'superchat']
 * parseWebSocketProtocols(undefined);         // []
 * ```
 */
export function parseWebSocketProtocols(value: string | undefined): string[] {
  const protocols: string[] = [];
  if (value === undefined) return protocols;
  for (const part of value.split(',')) {
    const protocol = part.trim();
    if (protocol === '' || !isToken(protocol) || protocols.includes(protocol)) continue;
    protocols.push(protocol);
    if (protocols.length === MAX_WEBSOCKET_PROTOCOLS) break;
  }
  return protocols;
}

const KEY = /^[+/0-9A-Za-z]{22}==$/;

/**
 * Why a request that asks for a WebSocket cannot be a valid handshake (RFC 6455 section 4.1),
 * else `undefined`: it is not a GET, its `Sec-WebSocket-Key` is not 16 bytes in base64, or its
 * `Sec-WebSocket-Version` is not 13. The sentence is meant for the client (a 400's body).
 *
 * @example
 * ```ts
 * handshakeProblem('POST', key, '13'); // 'A WebSocket handshake is a GET request (RFC 6455 section 4.1).'
 * handshakeProblem('GET', 'dGhlIHNhbXBsZSBub25jZQ==', '13'); // undefined
 * ```
 */
export function handshakeProblem(method: string, key: string | undefined, version: string | undefined): string | undefined {
  if (method !== 'GET') return 'A WebSocket handshake is a GET request (RFC 6455 section 4.1).';
  if (key === undefined || !KEY.test(key)) return 'The Sec-WebSocket-Key header is missing or is not 16 bytes in base64.';
  if (version !== '13') return 'Sec-WebSocket-Version must be 13 (RFC 6455).';
  return undefined;
}

const DEFAULT_PORTS: Record<string, string> = { http: '80', ws: '80', https: '443', wss: '443' };

/**
 * True when `origin` (an `Origin` header) names the host the request was sent to (its `Host`
 * header): the same host name and port, the port defaulting to the origin scheme's. The scheme
 * itself is not compared, since a proxy in front may end TLS. `null` and malformed origins are
 * never the same host.
 *
 * @example
 * ```ts
 * isSameHostOrigin('https://chat.example', 'chat.example');      // true
 * isSameHostOrigin('http://localhost:5173', 'localhost:8000');   // false: another port
 * isSameHostOrigin('https://evil.example', 'chat.example');      // false
 * ```
 */
export function isSameHostOrigin(origin: string, host: string | undefined): boolean {
  if (host === undefined || host === '') return false;
  const parsed = parseOrigin(origin).origin;
  if (parsed === undefined || parsed === 'null') return false;
  const scheme = parsed.slice(0, parsed.indexOf('://'));
  // A Host header holds host[:port] and nothing else: anything more is not this host.
  if (/[/?#@\\\s]/.test(host)) return false;
  let originUrl: URL;
  let hostUrl: URL;
  try {
    originUrl = new URL(parsed);
    hostUrl = new URL(`${scheme}://${host}`);
  } catch {
    return false;
  }
  const port = (url: URL) => url.port || DEFAULT_PORTS[scheme] || '';
  return originUrl.hostname === hostUrl.hostname && port(originUrl) === port(hostUrl);
}
