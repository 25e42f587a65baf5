/**
 * WebSockets on Cloudflare Workers and workerd: `new WebSocketPair()`, the server end accepted and
 * wired to the session, the client end returned in a 101 Response. Workers keep connections alive
 * themselves: there is no ping control, so `pingInterval` does not apply; workerd refuses messages
 * over 32 MiB itself (1009), the session applies `maxMessageSize` below that.
 * @module
 */
import type { Upgrader } from './websocket.js';
import { connectWebSocket, type WebStyleSocket } from './websocket-socket.js';

/** workerd's `WebSocketPair` (typed locally: the Workers types are not a dependency). */
type WebSocketPairConstructor = new () => { 0: WebStyleSocket; 1: WebStyleSocket & { accept(): void } };

/**
 * @internal Completes a handshake with a `WebSocketPair`: the app's 101 headers go on the Response
 * that carries the client end.
 *
 * @example
 * ```ts
 * return workerdUpgrader()(session, [['Sec-WebSocket-Protocol', 'chat']]);
 * ```
 */
export function workerdUpgrader(): Upgrader {
  return (session, headers) => {
    const Pair = (globalThis as unknown as { WebSocketPair: WebSocketPairConstructor }).WebSocketPair;
    const pair = new Pair();
    const client = pair[0];
    const server = pair[1];
    // Built first: a header the Response refuses then fails the handshake before anything is open.
    const response = new globalThis.Response(null, { status: 101, webSocket: client, headers } as ResponseInit);
    server.accept();
    connectWebSocket(server, session, true);
    return response;
  };
}
