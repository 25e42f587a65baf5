/**
 * @internal The socket side of the Fetch adapter's WebSockets, shared by the runtimes: which close
 * code the app learns, and the wiring of a WHATWG-style server WebSocket (Deno, workerd) to the
 * app's session.
 * @module
 */
import { isSendableCloseCode, type WebSocketSession } from '../../response/websocket/session.js';

/**
 * @internal Tracks the close a server starts (the app's `close`, a limit), so the app learns that
 * code rather than the 1006 a runtime reports when the peer never answered it.
 *
 * @example
 * ```ts
 * const closing = new CloseTracker();
 * closing.started(1009, 'message too big');
 * closing.info(1006, '', false); // [1009, 'message too big', false]
 * ```
 */
export class CloseTracker {
  #ended: [number, string] | undefined;

  /** The server sends a close (the first one counts). */
  started(code: number, reason: string): void {
    this.#ended ??= [code, reason];
  }

  /** True once the server sent a close. */
  get closing(): boolean {
    return this.#ended !== undefined;
  }

  /** What to tell the session for the close a runtime reported. */
  info(code: number, reason: string, wasClean: boolean): [number, string, boolean] {
    // Runtimes report 0 or other impossible codes for a connection that was cut.
    const valid = Number.isInteger(code) && code >= 1000 && code <= 4999;
    const ended = this.#ended;
    if (ended !== undefined && (!valid || code === 1006 || code === ended[0])) return [ended[0], ended[1], valid && code !== 1006 && wasClean];
    return valid ? [code, reason, wasClean && code !== 1006] : [1006, reason, false];
  }
}

/**
 * @internal The WHATWG-style WebSocket that Deno and workerd hand a server: events, `send`,
 * `close`, and (on Deno) `bufferedAmount`.
 */
export interface WebStyleSocket {
  binaryType?: string;
  readonly bufferedAmount?: number;
  send(data: string | Uint8Array): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: SocketEvent) => void): void;
}

interface SocketEvent {
  data?: unknown;
  code?: number;
  reason?: string;
  wasClean?: boolean;
  message?: string;
}

/**
 * @internal Wires a WHATWG-style server WebSocket to the app's session: messages in, sends and
 * closes out; an error or a failed send ends the session with 1006, never throws into the app.
 * `opened`: the socket is usable now (workerd after `accept()`), else on its `open` event (Deno).
 *
 * @example
 * ```ts
 * server.accept();
 * connectWebSocket(server, session, true);
 * ```
 */
export function connectWebSocket(socket: WebStyleSocket, session: WebSocketSession, opened: boolean): void {
  const closing = new CloseTracker();
  const finish = (code: number, reason: string, wasClean: boolean) => session.transportClosed(...closing.info(code, reason, wasClean));
  try {
    socket.binaryType = 'arraybuffer';
  } catch {
    // workerd has only ArrayBuffers (and may not let it be set): what is wanted anyway.
  }
  socket.addEventListener('message', (event) => {
    const data = event.data;
    if (typeof data === 'string') session.receive(data);
    else if (data instanceof ArrayBuffer) session.receive(new Uint8Array(data));
    else if (ArrayBuffer.isView(data)) session.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  });
  socket.addEventListener('close', (event) => {
    const code = event.code ?? 1006;
    const reason = event.reason ?? '';
    if (!closing.closing) {
      // The peer closed: answer its close frame. workerd does so itself only from compatibility
      // date 2026-04-07 (web_socket_auto_reply_to_close); before it, the client waits for the
      // reply until its own timeout. Where the runtime replied already, this does nothing.
      try {
        if (isSendableCloseCode(code)) socket.close(code, reason);
        else socket.close();
      } catch {
        // Closed already.
      }
    }
    finish(code, reason, event.wasClean === true);
  });
  // Not every runtime follows an error with a close event (workerd did not, for a frame over its
  // own 32 MiB limit): the session ends here, once.
  socket.addEventListener('error', (event) => finish(1006, event.message ?? 'the WebSocket failed', false));
  const transport = {
    send(message: string | Uint8Array) {
      try {
        socket.send(message);
      } catch (error) {
        // The socket is unusable: cut it, and the app learns the connection was lost.
        try {
          socket.close(1011, 'server error');
        } catch {
          // Closed already.
        }
        finish(1006, error instanceof Error ? error.message : 'the connection failed', false);
      }
    },
    close(code: number, reason: string) {
      closing.started(code, reason);
      try {
        socket.close(code, reason);
      } catch (error) {
        finish(1006, error instanceof Error ? error.message : 'the connection failed', false);
      }
    },
    get bufferedAmount() {
      return socket.bufferedAmount ?? 0;
    },
  };
  if (opened) session.open(transport);
  else socket.addEventListener('open', () => session.open(transport));
}
