/**
 * `TestWebSocket`: what `client.websocket(url)` returns, the test's end of a WebSocket whose
 * other end is the app, or the app's refusal when it did not accept.
 * @module
 */
import type { WebSocketCloseInfo, WebSocketMessage } from '../../gateway-websocket.js';
import { WebSocketSession } from '../../response/websocket/session.js';
import type { WebSocketLimits } from '../../response/websocket/limits.js';
import type { WebSocketLink } from './websocket-link.js';
import type { TestResponse } from './test-response.js';

/** Options of `ws.nextMessage(...)`. */
export interface NextMessageOptions {
  /** Milliseconds to wait before rejecting. Default 2000. */
  timeout?: number;
}

/** @internal How the client builds a `TestWebSocket`. */
export interface TestWebSocketInit {
  response: TestResponse;
  /** The test's session and its link to the app's, when the app accepted. */
  session?: WebSocketSession;
  link?: WebSocketLink;
  /** Throws the first protocol error lint found (also those found after the handshake). */
  check: () => void;
}

/** The test's end holds whatever the app sends: the limits protect the server, not the test. */
export const TEST_END_LIMITS: Readonly<WebSocketLimits> = Object.freeze({
  maxMessageSize: Infinity,
  maxBufferedAmount: Infinity,
  maxQueuedBytes: Infinity,
  pingInterval: 0,
});

const NO_MESSAGES: AsyncIterator<WebSocketMessage, undefined> = {
  next: async () => ({ done: true, value: undefined }),
};

/**
 * The test's end of a WebSocket opened with `client.websocket(...)`. When the app accepted
 * (`accepted`), messages go both ways in memory, and the app's limits apply to what the test
 * sends (a message over `maxMessageSize` closes with 1009). When it refused, `response` is its
 * answer (the 401 with its `WWW-Authenticate`, say) and `send` throws.
 *
 * Reading is one reader at a time: `nextMessage()` and `for await` share the same queue, and a
 * `nextMessage` that timed out leaves the message it waited for to the next read.
 *
 * @example
 * ```ts
 * const ws = await client.websocket('/chat/socket?token=let-me-in', { protocols: ['chat.v1'] });
 * ws.protocol;                        // 'chat.v1'
 * ws.send('hello');
 * await ws.nextMessage();             // 'echo: hello'
 * const { code } = await ws.close(); // 1000, once the app has seen the close
 * ```
 */
export class TestWebSocket implements AsyncIterable<WebSocketMessage> {
  /** True when the app accepted and answered 101; false when `response` is its refusal. */
  readonly accepted: boolean;
  /** The handshake's answer: the 101 (with the cookies the app set), or the app's refusal. */
  readonly response: TestResponse;
  /**
   * Resolves once the connection is closed (never rejects), a macrotask after both ends saw the
   * close, so what the app does on close in microtasks (a handler's `finally`) has run. A refused
   * socket is closed from the start, with 1006.
   */
  readonly closed: Promise<WebSocketCloseInfo>;
  readonly #session: WebSocketSession | undefined;
  readonly #link: WebSocketLink | undefined;
  readonly #check: () => void;
  readonly #source: AsyncIterator<WebSocketMessage, undefined>;
  #pending: Promise<IteratorResult<WebSocketMessage, undefined>> | undefined;

  /** @internal Made by `client.websocket(...)`. */
  constructor(init: TestWebSocketInit) {
    this.response = init.response;
    this.#session = init.session;
    this.#link = init.link;
    this.#check = init.check;
    this.accepted = init.session !== undefined;
    if (init.session === undefined) {
      this.#source = NO_MESSAGES;
      this.closed = Promise.resolve(Object.freeze({ code: 1006, reason: `refused: ${init.response.status}`, wasClean: false }));
    } else {
      this.#source = init.session[Symbol.asyncIterator]();
      this.closed = init.session.closed.then((info) => new Promise((resolve) => setTimeout(() => resolve(info), 0)));
    }
  }

  /** The subprotocol the app selected, `''` for none (and when refused). */
  get protocol(): string {
    return this.#session?.protocol ?? '';
  }

  /** `open` until a close starts, then `closing` and `closed`; `closed` when refused. */
  get readyState(): 'connecting' | 'open' | 'closing' | 'closed' {
    return this.#session?.readyState ?? 'closed';
  }

  /**
   * Sends a text (string) or binary (bytes, `ArrayBuffer` or any view) message to the app. Once
   * the socket is closing it is dropped, as browsers do. Throws when the app refused.
   */
  send(message: string | Uint8Array | ArrayBuffer | ArrayBufferView): void {
    this.#check();
    const session = this.#usable();
    session.send(message as string | Uint8Array | ArrayBuffer);
  }

  /**
   * Closes the connection (1000 unless told, or 3000-4999; 1001 for a client going away) and
   * resolves, as `closed` does, once the app has seen it. Closing a refused or closed socket only
   * waits for `closed`.
   */
  async close(code = 1000, reason = ''): Promise<WebSocketCloseInfo> {
    this.#session?.close(code, reason);
    const info = await this.closed;
    this.#check();
    return info;
  }

  /** Drops the connection without a closing handshake (a lost network): the app sees 1006. */
  async terminate(): Promise<WebSocketCloseInfo> {
    this.#link?.terminate();
    const info = await this.closed;
    this.#check();
    return info;
  }

  /**
   * The next message from the app. Rejects when none comes within `timeout` milliseconds, when
   * the connection closes first (the error names the code and reason), and when the app refused.
   *
   * @example
   * ```ts
   * ws.send(new Uint8Array([1, 2, 3]));
   * expect(await ws.nextMessage({ timeout: 500 })).toEqual(new Uint8Array([1, 2, 3]));
   * ```
   */
  async nextMessage(options: NextMessageOptions = {}): Promise<WebSocketMessage> {
    const timeout = options.timeout ?? 2000;
    this.#check();
    this.#usable();
    const step = await this.#read(timeout);
    this.#check();
    if (step.done) {
      const info = await this.closed;
      throw new Error(`the WebSocket closed (${describeClose(info)}) before the app sent another message`);
    }
    return step.value;
  }

  /** The app's messages, until the connection closes (at once when the app refused). */
  [Symbol.asyncIterator](): AsyncIterator<WebSocketMessage, undefined> {
    return {
      next: async () => {
        const step = await this.#read(undefined);
        this.#check();
        return step;
      },
      return: async () => ({ done: true, value: undefined }),
    };
  }

  /** A string for failure output: the handshake's status and the state. */
  toString(): string {
    return `<TestWebSocket [${this.response.status}] ${this.response.url} ${this.readyState}>`;
  }

  #usable(): WebSocketSession {
    if (this.#session === undefined) {
      throw new Error(
        `the app refused the WebSocket handshake with ${this.response.status}: ws.response holds its answer (status, headers, body)`,
      );
    }
    return this.#session;
  }

  /** The next step of the messages, shared by every reader; a read that timed out leaves it to the next. */
  async #read(timeout: number | undefined): Promise<IteratorResult<WebSocketMessage, undefined>> {
    const pending = (this.#pending ??= this.#source.next());
    const step = timeout === undefined ? await pending : await withTimeout(pending, timeout);
    if (this.#pending === pending) this.#pending = undefined;
    return step;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no WebSocket message from the app within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function describeClose(info: WebSocketCloseInfo): string {
  return info.reason === '' ? String(info.code) : `${info.code} ${JSON.stringify(info.reason)}`;
}
