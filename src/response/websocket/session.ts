/**
 * `WebSocketSession`: the one implementation of the app's `WebSocketConnection`, shared by every
 * server. A server hands it a {@link WebSocketTransport} (its runtime's socket) once the handshake
 * is done and feeds it what the peer does (`receive`, `transportClosed`); the session applies the
 * limits, queues what the app sends before the handshake, and turns the peer's messages into an
 * async iterable.
 * @module
 */
import type { WebSocketCloseInfo, WebSocketConnection, WebSocketMessage } from '../../gateway-websocket.js';
import { encodeUtf8, utf8Length } from '../../http/utf8.js';
import { WEBSOCKET_DEFAULTS, type WebSocketLimits } from './limits.js';

/**
 * What a server gives a session: its runtime's WebSocket, reduced to what the session needs.
 *
 * @example
 * ```ts
 * session.open({ send: (m) => socket.send(m), close: (c, r) => socket.close(c, r), get bufferedAmount() { return socket.bufferedAmount; } });
 * ```
 */
export interface WebSocketTransport {
  send(message: string | Uint8Array): void;
  close(code: number, reason: string): void;
  readonly bufferedAmount: number;
}

/**
 * True for a close code (RFC 6455 section 7.4.1) that a session may send: 1000-1003, 1007-1014
 * and 3000-4999; 1004-1006 and 1015 are reserved for reporting, never sent.
 *
 * @example
 * ```ts
 * isSendableCloseCode(4000); // true
 * isSendableCloseCode(1006); // false
 * ```
 */
export function isSendableCloseCode(code: number): boolean {
  return (
    Number.isInteger(code) &&
    ((code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999))
  );
}

const MAX_REASON_BYTES = 123;

type Waiter = (result: IteratorResult<WebSocketMessage, undefined>) => void;

/**
 * A WebSocket connection. The app uses the {@link WebSocketConnection} side; servers use `open`,
 * `receive`, `transportClosed` and `abandon`.
 *
 * @example
 * ```ts
 * const session = new WebSocketSession('chat', websocketLimits());
 * session.send('queued until open');
 * session.open(transport);            // the handshake is done: the queue is flushed
 * session.receive('hello');           // the app's `for await` gets 'hello'
 * session.transportClosed(1000, '', true);
 * ```
 */
export class WebSocketSession implements WebSocketConnection {
  readonly protocol: string;
  readonly limits: WebSocketLimits;
  readonly closed: Promise<WebSocketCloseInfo>;
  #state: 'connecting' | 'open' | 'closing' | 'closed' = 'connecting';
  #transport: WebSocketTransport | undefined;
  #outbox: Array<string | Uint8Array> = [];
  #outboxBytes = 0;
  #inbox: WebSocketMessage[] = [];
  #inboxHead = 0;
  #inboxBytes = 0;
  #waiters: Waiter[] = [];
  #pendingClose: [number, string] | undefined;
  #resolveClosed!: (info: WebSocketCloseInfo) => void;
  #controller: AbortController | undefined;
  #info: WebSocketCloseInfo | undefined;

  constructor(protocol = '', limits: WebSocketLimits = WEBSOCKET_DEFAULTS) {
    this.protocol = protocol;
    this.limits = limits;
    this.closed = new Promise((resolve) => (this.#resolveClosed = resolve));
  }

  get readyState(): 'connecting' | 'open' | 'closing' | 'closed' {
    return this.#state;
  }

  get bufferedAmount(): number {
    return this.#outboxBytes + (this.#transport?.bufferedAmount ?? 0);
  }

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#state === 'closed') this.#controller.abort(closedReason(this.#info));
    }
    return this.#controller.signal;
  }

  /** The code and reason once closed, else `undefined`. */
  get closeInfo(): WebSocketCloseInfo | undefined {
    return this.#info;
  }

  send(message: string | Uint8Array | ArrayBuffer): void {
    const data = toSendable(message);
    if (this.#state === 'closing' || this.#state === 'closed') return;
    const transport = this.#transport;
    if (transport === undefined) {
      this.#outbox.push(data);
      this.#outboxBytes += byteLengthOf(data);
    } else {
      transport.send(data);
    }
    if (this.bufferedAmount > this.limits.maxBufferedAmount) {
      this.close(1008, 'the peer reads too slowly: too many bytes waiting to be sent');
    }
  }

  close(code = 1000, reason = ''): void {
    if (!isSendableCloseCode(code)) {
      throw new TypeError(`WebSocket close code ${String(code)} cannot be sent: use 1000, 1001-1003, 1007-1014 or 3000-4999`);
    }
    if (typeof reason !== 'string' || utf8Length(reason) > MAX_REASON_BYTES) {
      throw new TypeError(`a WebSocket close reason is a string of at most ${MAX_REASON_BYTES} bytes of UTF-8`);
    }
    if (this.#state === 'closing' || this.#state === 'closed') return;
    // Closing from now on, as a WHATWG WebSocket closed while connecting is: sends are dropped and
    // iteration ends. Not open yet, the close goes out right after the handshake, so the client
    // learns the code.
    this.#state = 'closing';
    this.#endIteration();
    if (this.#transport === undefined) this.#pendingClose = [code, reason];
    else this.#transport.close(code, reason);
  }

  [Symbol.asyncIterator](): AsyncIterator<WebSocketMessage, undefined> {
    return {
      next: () => this.#next(),
      return: async () => ({ done: true, value: undefined }),
    };
  }

  // ---- the server's side ----

  /**
   * The handshake is done: sends go to `transport` from now on, queued ones first, then the close
   * the app asked for before (the session stays `closing`).
   */
  open(transport: WebSocketTransport): void {
    if (this.#transport !== undefined || this.#state === 'closed') return;
    this.#transport = transport;
    if (this.#state === 'connecting') this.#state = 'open';
    const queued = this.#outbox;
    this.#outbox = [];
    this.#outboxBytes = 0;
    for (const data of queued) transport.send(data);
    const pending = this.#pendingClose;
    if (pending !== undefined) {
      this.#pendingClose = undefined;
      transport.close(pending[0], pending[1]);
    }
  }

  /** A message from the peer. One over `maxMessageSize`, or an unread backlog over `maxQueuedBytes`, closes the connection. */
  receive(message: WebSocketMessage): void {
    if (this.#state !== 'open') return;
    if (isOverSize(message, this.limits.maxMessageSize)) {
      this.close(1009, `message too big: the limit is ${this.limits.maxMessageSize} bytes`);
      return;
    }
    const waiter = this.#waiters.shift();
    if (waiter !== undefined) {
      waiter({ done: false, value: message });
      return;
    }
    const size = byteLengthOf(message);
    if (this.#inboxBytes + size > this.limits.maxQueuedBytes) {
      this.close(1008, 'messages arrive faster than the app reads them');
      return;
    }
    this.#inbox.push(message);
    this.#inboxBytes += size;
  }

  /** The connection is gone (a close handshake, or lost: 1006). Resolves `closed`, aborts `signal`, once. */
  transportClosed(code: number, reason: string, wasClean: boolean): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    this.#outbox = [];
    this.#outboxBytes = 0;
    this.#endIteration();
    const info: WebSocketCloseInfo = Object.freeze({ code, reason, wasClean });
    this.#info = info;
    this.#controller?.abort(closedReason(info));
    this.#resolveClosed(info);
  }

  /** The handshake will not happen (the app's response was not a 101, or the client left first). */
  abandon(reason = 'the WebSocket handshake did not complete'): void {
    this.transportClosed(1006, reason, false);
  }

  #next(): Promise<IteratorResult<WebSocketMessage, undefined>> {
    if (this.#inboxHead < this.#inbox.length) {
      const value = this.#inbox[this.#inboxHead];
      this.#inbox[this.#inboxHead++] = '';
      this.#inboxBytes -= byteLengthOf(value);
      if (this.#inboxHead === this.#inbox.length) {
        this.#inbox = [];
        this.#inboxHead = 0;
      }
      return Promise.resolve({ done: false, value });
    }
    if (this.#state === 'closing' || this.#state === 'closed') return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  #endIteration(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiters) waiter({ done: true, value: undefined });
  }
}

function closedReason(info: WebSocketCloseInfo | undefined): Error {
  return new Error(`WebSocket closed (${info?.code ?? 1006}${info?.reason ? `: ${info.reason}` : ''})`);
}

function toSendable(message: unknown): string | Uint8Array {
  if (typeof message === 'string' || message instanceof Uint8Array) return message;
  if (message instanceof ArrayBuffer) return new Uint8Array(message);
  if (ArrayBuffer.isView(message)) return new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
  const what = message === null ? 'null' : typeof message;
  throw new TypeError(
    `ws.send() takes a string or bytes, got ${what}${what === 'object' ? ' (did you mean ws.send(JSON.stringify(value))?)' : ''}`,
  );
}

/** The memory a message holds, for the queues' bounds: bytes, or two bytes per UTF-16 unit. */
function byteLengthOf(message: WebSocketMessage): number {
  return typeof message === 'string' ? message.length * 2 : message.byteLength;
}

/** True when the message's wire size is over `max`; a string is measured only when it could be. */
function isOverSize(message: WebSocketMessage, max: number): boolean {
  if (typeof message !== 'string') return message.byteLength > max;
  // A UTF-16 unit takes at most three bytes of UTF-8.
  return message.length * 3 > max && utf8Length(message) > max;
}

/**
 * The UTF-8 bytes of a text message, for transports that send bytes only.
 *
 * @example
 * ```ts
 * messageBytes('hé'); // Uint8Array [104, 195, 169]
 * ```
 */
export function messageBytes(message: string | Uint8Array): Uint8Array {
  return typeof message === 'string' ? encodeUtf8(message) : message;
}
