/**
 * The TypeScript Server Gateway Interface (tsgi): the protocol between servers and apps.
 * The full text is `docs/spec.md`; this file holds its types and a few environ helpers.
 * @module
 */
import { encodeUtf8, utf8Length } from './http/utf8.js';
import type { WebSocketOffer } from './gateway-websocket.js';

export type {
  WebSocketAcceptOptions,
  WebSocketCloseInfo,
  WebSocketConnection,
  WebSocketMessage,
  WebSocketOffer,
} from './gateway-websocket.js';

/** The `tsgi.errors` stream: where an app or server writes diagnostics. */
export interface ErrorStream {
  write(message: string): void;
}

/**
 * The request as a plain record of CGI-style keys, one per request.
 *
 * @example
 * ```ts
 * const app: App = (environ, startResponse) => {
 *   startResponse('200 OK', [['Content-Type', 'text/plain']]);
 *   return [new TextEncoder().encode(`you asked for ${environ.PATH_INFO}`)];
 * };
 * ```
 */
export interface Environ {
  REQUEST_METHOD: string;
  SCRIPT_NAME: string;
  PATH_INFO: string;
  QUERY_STRING: string;
  SERVER_NAME: string;
  SERVER_PORT: string;
  SERVER_PROTOCOL: string;
  CONTENT_TYPE?: string;
  CONTENT_LENGTH?: string;
  REMOTE_ADDR?: string;
  REMOTE_PORT?: string;
  REQUEST_URI?: string;
  [header: `HTTP_${string}`]: string | undefined;
  'tsgi.version': readonly [1, 0];
  'tsgi.url_scheme': string;
  'tsgi.input': AsyncIterable<Uint8Array>;
  'tsgi.errors': ErrorStream;
  'tsgi.multithread'?: boolean;
  'tsgi.multiprocess'?: boolean;
  'tsgi.run_once'?: boolean;
  /**
   * Aborted when the client goes away or the server gives up on the request (spec rule 3.20).
   * Servers may leave it out: read it through `req.signal` or `requestSignal(environ)`.
   */
  'tsgi.signal'?: AbortSignal;
  /** Set by a server that wants application errors thrown to it, not answered (spec rule 3.19). */
  'tsgi.throw_errors'?: boolean;
  /**
   * Set by a development server (`serve(app, { debug: true })`, `debugErrors`) that wants
   * unexpected errors answered with the development error page, for local requests only (spec rule 3.21).
   */
  'tsgi.debug'?: boolean;
  /** On a WebSocket handshake the server can accept: the offer to accept it (spec section 14). */
  'tsgi.websocket'?: WebSocketOffer;
  [key: string]: unknown;
}

/** A header list as sent: ordered `[name, value]` pairs, repeats allowed. */
export type HeaderList = Array<[string, string]>;

/**
 * Begins the response. Called once before the first body chunk; may be called again only with
 * `error` set, and only while no chunk has been sent (to replace the headers with an error page).
 *
 * @example
 * ```ts
 * startResponse('404 Not Found', [['Content-Type', 'text/plain; charset=utf-8']]);
 * ```
 */
export type StartResponse = (status: string, headers: HeaderList, error?: unknown) => void;

/**
 * A response body: chunks of bytes, pulled one at a time by the server.
 *
 * @example
 * ```ts
 * const body: Body = [new TextEncoder().encode('hello')];
 * ```
 */
export type Body = Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/**
 * A body that is one piece of text, sent as UTF-8 (spec rule 7.9). Iterating it yields the encoded
 * bytes as one chunk, so every server and middleware can treat it as any other body; a server
 * that can write text itself (node:http can, straight into the socket with the headers) sends
 * `text` and skips the copy. `Response` serves its string bodies this way.
 *
 * @example
 * ```ts
 * const hello: App = (_environ, startResponse) => {
 *   startResponse('200 OK', [['Content-Type', 'text/plain; charset=utf-8']]);
 *   return new TextBody('Hello, World!');
 * };
 * ```
 */
export class TextBody implements Iterable<Uint8Array> {
  /** The text; lone surrogates are sent as U+FFFD, as `TextEncoder` does. */
  readonly text: string;
  #bytes: Uint8Array | undefined;
  #byteLength: number;

  /** `byteLength` may be passed when the caller already knows it (`utf8Length(text)`). */
  constructor(text: string, byteLength = -1) {
    this.text = text;
    this.#byteLength = byteLength;
  }

  /** The length of the UTF-8 encoding, in bytes. */
  get byteLength(): number {
    if (this.#byteLength < 0) this.#byteLength = utf8Length(this.text);
    return this.#byteLength;
  }

  /** The UTF-8 bytes, encoded on first use. */
  get bytes(): Uint8Array {
    return (this.#bytes ??= encodeUtf8(this.text));
  }

  [Symbol.iterator](): Iterator<Uint8Array> {
    const chunks: Uint8Array[] = this.text === '' ? [] : [this.bytes];
    return chunks[Symbol.iterator]();
  }
}

/**
 * An application: takes the environ and `startResponse`, returns the body.
 *
 * @example
 * ```ts
 * const hello: App = (_environ, startResponse) => {
 *   startResponse('200 OK', [['Content-Type', 'text/plain; charset=utf-8']]);
 *   return [new TextEncoder().encode('Hello, World!')];
 * };
 * ```
 */
export type App = (environ: Environ, startResponse: StartResponse) => Body | Promise<Body>;

/**
 * The protocol version this library implements, as stored in `environ['tsgi.version']`.
 *
 * @example
 * ```ts
 * environ['tsgi.version'] = TSGI_VERSION; // [1, 0]
 * ```
 */
export const TSGI_VERSION: readonly [1, 0] = Object.freeze([1, 0] as const);

/**
 * A request body that is already in memory (spec rule 4.8): the server had all of it before it
 * called the app, or a test built it. It iterates like any input; readers that want the whole
 * body (`Request.form()`, `json()`, `text()`) take `chunks` directly and skip the iteration.
 *
 * @example
 * ```ts
 * const environ = createEnviron('/submit', { method: 'POST' });
 * environ['tsgi.input'] = new BufferedInput([new TextEncoder().encode('a=1')]);
 * ```
 */
export class BufferedInput implements AsyncIterable<Uint8Array> {
  /** The body, in order; empty chunks are allowed (rule 4.2). */
  readonly chunks: readonly Uint8Array[];

  constructor(chunks: readonly Uint8Array[]) {
    this.chunks = chunks;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array, void, undefined> {
    for (const chunk of this.chunks) yield chunk;
  }
}

const EMPTY_INPUT = new BufferedInput([]);

/**
 * An empty `tsgi.input`, for requests that carry no body.
 *
 * @example
 * ```ts
 * environ['tsgi.input'] = emptyInput();
 * ```
 */
export function emptyInput(): AsyncIterable<Uint8Array> {
  return EMPTY_INPUT;
}

/**
 * The environ key that holds a request header: `Content-Type` gives `CONTENT_TYPE`,
 * `Accept-Language` gives `HTTP_ACCEPT_LANGUAGE`.
 *
 * @example
 * ```ts
 * headerKey('User-Agent'); // 'HTTP_USER_AGENT'
 * ```
 */
export function headerKey(name: string): string {
  let key = KEY_CACHE.get(name);
  if (key === undefined) {
    const upper = name.toUpperCase().replace(/-/g, '_');
    key = upper === 'CONTENT_TYPE' || upper === 'CONTENT_LENGTH' ? upper : `HTTP_${upper}`;
    // Header names come from code far more often than from clients; the cap keeps a hostile
    // stream of names from growing the cache.
    if (KEY_CACHE.size < 500) KEY_CACHE.set(name, key);
  }
  return key;
}

const KEY_CACHE = new Map<string, string>();

/**
 * The header name for an environ key, or `undefined` when the key holds no header:
 * `HTTP_ACCEPT_LANGUAGE` gives `Accept-Language`.
 *
 * @example
 * ```ts
 * headerName('HTTP_X_REQUEST_ID'); // 'X-Request-Id'
 * ```
 */
export function headerName(key: string): string | undefined {
  let raw: string;
  if (key.startsWith('HTTP_')) raw = key.slice(5);
  else if (key === 'CONTENT_TYPE' || key === 'CONTENT_LENGTH') raw = key;
  else return undefined;
  return raw
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('-');
}

/**
 * A stream that writes to the console's error output, the default `tsgi.errors`.
 *
 * @example
 * ```ts
 * consoleErrors.write('something went wrong\n');
 * ```
 */
export const consoleErrors: ErrorStream = {
  write(message: string) {
    console.error(message.endsWith('\n') ? message.slice(0, -1) : message);
  },
};
