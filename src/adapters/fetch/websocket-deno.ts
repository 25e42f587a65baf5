/**
 * WebSockets on Deno: `Deno.upgradeWebSocket(request)` gives the 101 Response to return from the
 * handler and a server WebSocket that opens once Deno has sent it. Deno pings every `idleTimeout`
 * seconds and closes a peer that does not answer; it has no message size limit of its own below
 * 64 MiB, so the session enforces `maxMessageSize`.
 * @module
 */
import type { WebSocketLimits } from '../../response/websocket/limits.js';
import type { Upgrader } from './websocket.js';
import { connectWebSocket, type WebStyleSocket } from './websocket-socket.js';

/** The part of the `Deno` namespace used here (typed locally: Deno's types are not a dependency). */
interface DenoUpgrade {
  upgradeWebSocket(request: globalThis.Request, options?: { idleTimeout?: number }): { socket: WebStyleSocket; response: globalThis.Response };
}

/**
 * @internal Completes a handshake through `Deno.upgradeWebSocket`, with the app's 101 headers
 * added to Deno's response.
 *
 * @example
 * ```ts
 * const response = denoUpgrader(request, limits)(session, [['Sec-WebSocket-Protocol', 'chat']]);
 * ```
 */
export function denoUpgrader(request: globalThis.Request, limits: WebSocketLimits): Upgrader {
  return (session, headers) => {
    const deno = (globalThis as unknown as { Deno: DenoUpgrade }).Deno;
    // Not Deno's `protocol` option: it checks the offer split at ', ' only, so it throws for a
    // valid 'a,b' (what the ws package sends). The header goes in with the app's instead.
    const { socket, response } = deno.upgradeWebSocket(request, { idleTimeout: Math.ceil(limits.pingInterval / 1000) });
    let upgraded = response;
    try {
      for (const [name, value] of headers) response.headers.append(name, value);
    } catch {
      // Immutable headers (they are not in Deno 2): the same 101 with all of them. Deno ties the
      // upgrade to the request, not to this object.
      const all = new Headers(response.headers);
      for (const [name, value] of headers) all.append(name, value);
      upgraded = new globalThis.Response(null, { status: 101, headers: all });
    }
    connectWebSocket(socket, session, false);
    return upgraded;
  };
}
