/**
 * Two `WebSocketSession`s joined in memory, as the test client's "network": what one end sends
 * the other receives, in order, a microtask later (never from inside the sender's call, as no
 * real socket would), and a close from either end closes both.
 * @module
 */
import type { WebSocketSession, WebSocketTransport } from '../../response/websocket/session.js';

/** The in-memory connection between two opened sessions. */
export interface WebSocketLink {
  /** Drops the connection without a closing handshake: both ends see 1006, as for a lost network. */
  terminate(): void;
}

/**
 * Opens `server` and `client` over an in-memory connection. Each end keeps its own limits: the
 * server's session checks what the client sends, as over a real socket. Binary messages are
 * copied on send, so a test that reuses its buffer does not change a message in flight.
 *
 * @example
 * ```ts
 * const link = linkSessions(offer.settle('101 Switching Protocols')!, new WebSocketSession());
 * link.terminate(); // both sessions close with 1006
 * ```
 */
export function linkSessions(server: WebSocketSession, client: WebSocketSession): WebSocketLink {
  let done = false;
  const finish = (code: number, reason: string, wasClean: boolean): void => {
    if (done) return;
    done = true;
    server.transportClosed(code, reason, wasClean);
    client.transportClosed(code, reason, wasClean);
  };
  const transport = (peer: WebSocketSession): WebSocketTransport => {
    let inFlight = 0;
    let closeSent = false;
    return {
      send(message) {
        if (done || closeSent) return;
        const data = typeof message === 'string' ? message : message.slice();
        const size = typeof data === 'string' ? data.length : data.byteLength;
        inFlight += size;
        queueMicrotask(() => {
          inFlight -= size;
          if (!done) peer.receive(data);
        });
      },
      close(code, reason) {
        if (done || closeSent) return;
        closeSent = true;
        // Queued behind the messages sent before it; the peer answers the close at once, so
        // both ends see the code and reason the closing end sent.
        queueMicrotask(() => finish(code, reason, true));
      },
      get bufferedAmount() {
        return inFlight;
      },
    };
  };
  client.open(transport(server));
  server.open(transport(client));
  return { terminate: () => queueMicrotask(() => finish(1006, '', false)) };
}
