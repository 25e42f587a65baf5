/**
 * @internal The set of a server's WebSockets that a shutdown closes with 1001: its own file, so
 * that `serve` can keep it without loading the WebSocket code before the first handshake.
 * @module
 */
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { WebSocketSession } from '../../response/websocket/session.js';

/** The close a shutdown sends to every open WebSocket. */
const GOING_AWAY: readonly [number, string] = [1001, 'server shutting down'];

/**
 * @internal The WebSockets of one server, open or still in their handshake, for the shutdown:
 * `goAway` closes the open ones with 1001 (and those that open from then on), `terminate` cuts
 * what is left once the shutdown timeout has passed.
 *
 * @example
 * ```ts
 * const sockets = new OpenWebSockets();
 * sockets.goAway();    // the shutdown began
 * sockets.terminate(); // its deadline passed
 * ```
 */
export class OpenWebSockets {
  readonly #open = new Map<WebSocket, WebSocketSession>();
  readonly #handshaking = new Set<Duplex>();
  #goingAway = false;

  /** A socket whose upgrade request the app is answering; forgotten when it closes. */
  handshaking(socket: Duplex): void {
    this.#handshaking.add(socket);
    socket.once('close', () => this.#handshaking.delete(socket));
  }

  /** The handshake is over (the socket is a WebSocket now, or its refusal was sent). */
  handshakeDone(socket: Duplex): void {
    this.#handshaking.delete(socket);
  }

  /** An open WebSocket and the app's session on it. */
  add(ws: WebSocket, session: WebSocketSession): void {
    this.#open.set(ws, session);
    if (this.#goingAway) session.close(...GOING_AWAY);
  }

  delete(ws: WebSocket): void {
    this.#open.delete(ws);
  }

  /** How many WebSockets are open. */
  get size(): number {
    return this.#open.size;
  }

  /** Closes every open WebSocket with 1001 'server shutting down', and any that opens later. */
  goAway(): void {
    this.#goingAway = true;
    // Through the session: the app's iteration ends and it learns the code even if the peer never answers.
    for (const session of this.#open.values()) session.close(...GOING_AWAY);
  }

  /** Cuts every WebSocket and handshake still open (the shutdown's deadline passed). */
  terminate(): void {
    for (const ws of this.#open.keys()) ws.terminate();
    for (const socket of this.#handshaking) socket.destroy();
  }
}
