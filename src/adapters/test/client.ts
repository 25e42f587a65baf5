/**
 * The test client: calls an App in process (no socket), as a browser-like server would, with a
 * cookie jar, redirects, lint checks and streaming reads.
 * @module
 */
import type { App, Environ, ErrorStream, HeaderList } from '../../gateway.js';
import { lint as lintApp, LintError } from '../../middleware/lint.js';
import { createEnviron, type EnvironInit } from '../../request/create-environ.js';
import { AppRun, buildResponse } from '../../response/from-app.js';
import { concatBytes } from '../../datastructures/bytes.js';
import { ClientCookies } from './cookies.js';
import { streamChunks, TestResponse, type ChunkSource } from './test-response.js';
import { nextHop, type Hop } from './redirects.js';
import { optionsChecker } from '../../options.js';
import { websocketLimits, type WebSocketLimits } from '../../response/websocket/limits.js';
import { connectWebSocket, handshakeInit, type ClientWebSocketInit, type PreparedRequest } from './websocket.js';
import type { TestWebSocket } from './test-websocket.js';

/** Options for `new Client(app, options)`. */
export interface ClientOptions {
  /** Keep a cookie jar across requests. Default `true`. */
  cookies?: boolean;
  /** Check every request and response against `docs/spec.md` with `lint`. Default `true`. */
  lint?: boolean;
  /** Rethrow errors the app throws instead of answering 500. Default `false`. */
  throwErrors?: boolean;
  /** Follow redirects unless a request says otherwise. Default `false`. */
  followRedirects?: boolean;
  /** Most redirects followed for one request. Default 10. */
  maxRedirects?: number;
  /** Scheme, host and port of relative URLs. Default `http://localhost`. */
  baseUrl?: string;
  /**
   * The limits the in-memory server applies to `client.websocket(...)` connections, as `serve`
   * and `toFetchHandler` do (a message over `maxMessageSize` from the test closes with 1009).
   * Default: `WEBSOCKET_DEFAULTS`. Pings are not sent: nothing in memory goes stale.
   */
  websocket?: Partial<WebSocketLimits>;
}

/** Options for one request: those of `createEnviron`, plus redirects and streaming. */
export interface ClientRequestInit extends EnvironInit {
  /** Follow redirects (301, 302, 303, 307, 308) on the same host. Default: the client's setting. */
  followRedirects?: boolean;
  /**
   * `false` returns as soon as the headers are known and reads the body as the test pulls. Default
   * `true`, except for `text/event-stream` responses, which never end on their own: those are
   * streamed unless this is `true`.
   */
  buffered?: boolean;
}

const checkOptions = optionsChecker<ClientOptions>('new Client', {
  cookies: true,
  lint: true,
  throwErrors: true,
  followRedirects: true,
  maxRedirects: true,
  baseUrl: true,
  websocket: true,
});

/** What one request adds to `createEnviron`'s options, which `createEnviron` checks itself. */
const CLIENT_ONLY = new Set(['followRedirects', 'buffered']);

const encoder = new TextEncoder();
const INTERNAL_ERROR = encoder.encode('Internal Server Error');

/**
 * Calls an App in process and returns `TestResponse`s. Requests go through `lint` by default, a
 * cookie jar keeps cookies by domain and path, and redirects are followed the way browsers do when
 * asked (`followRedirects`).
 *
 * @example
 * ```ts
 * import { Client } from 'tsgi/test';
 * const client = new Client(app);
 * const res = await client.post('/login', { form: { user: 'ada', password: 'pw' }, followRedirects: true });
 * res.statusCode;            // 200
 * res.history[0].statusCode; // 303
 * await res.text();
 * ```
 */
export class Client {
  /** The app under test. */
  readonly app: App;
  /** The cookie jar, or `null` when the client was made with `cookies: false`. */
  readonly cookies: ClientCookies | null;
  readonly #lint: boolean;
  readonly #throwErrors: boolean;
  readonly #followRedirects: boolean;
  readonly #maxRedirects: number;
  readonly #origin: string;
  readonly #baseUrl: string;
  readonly #websocketLimits: WebSocketLimits;
  readonly #sockets = new Set<TestWebSocket>();

  constructor(app: App, options: ClientOptions = {}) {
    checkOptions(options);
    this.app = app;
    const base = new URL(options.baseUrl ?? 'http://localhost');
    if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new TypeError(`baseUrl must be http or https: ${base.href}`);
    this.#origin = base.origin;
    this.#baseUrl = base.href;
    this.cookies = options.cookies === false ? null : new ClientCookies(base.href);
    this.#lint = options.lint ?? true;
    this.#throwErrors = options.throwErrors ?? false;
    this.#followRedirects = options.followRedirects ?? false;
    this.#maxRedirects = options.maxRedirects ?? 10;
    this.#websocketLimits = websocketLimits(options.websocket);
  }

  /** A GET request. */
  get(url: string, init?: ClientRequestInit): Promise<TestResponse> {
    return this.request('GET', url, init);
  }

  /** A POST request. */
  post(url: string, init?: ClientRequestInit): Promise<TestResponse> {
    return this.request('POST', url, init);
  }

  /** A PUT request. */
  put(url: string, init?: ClientRequestInit): Promise<TestResponse> {
    return this.request('PUT', url, init);
  }

  /** A PATCH request. */
  patch(url: string, init?: ClientRequestInit): Promise<TestResponse> {
    return this.request('PATCH', url, init);
  }

  /** A DELETE request. */
  delete(url: string, init?: ClientRequestInit): Promise<TestResponse> {
    return this.request('DELETE', url, init);
  }

  /** A HEAD request: the app runs as for GET, the body is dropped, the headers kept. */
  head(url: string, init?: ClientRequestInit): Promise<TestResponse> {
    return this.request('HEAD', url, init);
  }

  /** An OPTIONS request. */
  options(url: string, init?: ClientRequestInit): Promise<TestResponse> {
    return this.request('OPTIONS', url, init);
  }

  /**
   * Sends one request (and, with `followRedirects`, the redirects after it).
   *
   * @example
   * ```ts
   * const res = await client.request('PROPFIND', '/dav/', { headers: { Depth: '1' } });
   * ```
   */
  async request(method: string, url: string, init: ClientRequestInit = {}): Promise<TestResponse> {
    let hop: Hop = { method, url: this.#absolute(url), init: { ...init, method } };
    let response = await this.#send(hop);
    if (!(init.followRedirects ?? this.#followRedirects)) return response;
    const history: TestResponse[] = [];
    const seen = new Set<string>([hopKey(hop, response.environ)]);
    for (;;) {
      const next = nextHop(hop, response);
      if (next === undefined) break;
      if (history.length >= this.#maxRedirects) {
        await response.close();
        throw new Error(`tsgi test client: more than ${this.#maxRedirects} redirects: ${chain(history, response)}`);
      }
      await response.close();
      history.push(response);
      hop = next;
      response = await this.#send(hop);
      const key = hopKey(hop, response.environ);
      if (seen.has(key)) {
        await response.close();
        throw new Error(`tsgi test client: redirect loop: ${chain(history, response)}`);
      }
      seen.add(key);
    }
    response.history = history;
    return response;
  }

  /**
   * Opens a WebSocket to the app, in memory: the handshake a browser sends (with the jar's
   * cookies), the app run as every tsgi server runs it, then messages both ways. Resolves once
   * the app has answered: check `ws.accepted`, or read its refusal in `ws.response`. Lint checks
   * the handshake as it checks every request.
   *
   * @example
   * ```ts
   * const ws = await client.websocket('/chat/socket?token=let-me-in', { protocols: ['chat.v1'] });
   * expect(ws.accepted).toBe(true);
   * ws.send('hi');
   * expect(await ws.nextMessage()).toBe('echo: hi');
   * await ws.close(4000, 'bye');
   * ```
   */
  websocket(url: string, init: ClientWebSocketInit = {}): Promise<TestWebSocket> {
    const request = this.#prepare({ method: 'GET', url: this.#absolute(url), init: handshakeInit(init) });
    return connectWebSocket(request, {
      limits: this.#websocketLimits,
      throwErrors: this.#throwErrors,
      receiveCookies: (at, headers) => this.#receiveCookies(at, headers),
      track: (socket, open) => {
        if (open) this.#sockets.add(socket);
        else this.#sockets.delete(socket);
      },
    });
  }

  /**
   * Closes every WebSocket still open (1001, as a browser leaving the page) and resolves once
   * the app has seen each close, so that its cleanup has run. The client stays usable.
   *
   * @example
   * ```ts
   * afterEach(() => client.close());
   * ```
   */
  async close(): Promise<void> {
    await Promise.all([...this.#sockets].map((socket) => socket.close(1001, 'the test client closed')));
  }

  #absolute(url: string): string {
    if (url.startsWith('/') && !url.startsWith('//')) return this.#origin + url;
    if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(url)) return url;
    return new URL(url, this.#baseUrl).href;
  }

  /** The environ of one request (cookies from the jar), and the app to call on it (linted or not). */
  #prepare(hop: Hop): PreparedRequest {
    let errorsText = '';
    const errors: ErrorStream = {
      write(message: string) {
        errorsText += message;
      },
    };
    // tsgi.signal: aborted when the test closes a streamed response it has not read to the end
    // (rule 8.4), and when the signal the test gave (init.signal) aborts.
    const abort = new AbortController();
    const given = hop.init.signal;
    if (given?.aborted) abort.abort(given.reason);
    else given?.addEventListener('abort', () => abort.abort(given.reason), { once: true });
    const environInit: Record<string, unknown> = { ...hop.init, errors, signal: abort.signal };
    for (const key of CLIENT_ONLY) delete environInit[key];
    const environ = createEnviron(hop.url, environInit as EnvironInit);
    // Rule 3.19: frameworks that answer errors themselves (Request.application) rethrow them.
    if (this.#throwErrors) environ['tsgi.throw_errors'] = true;
    const jarCookies = this.cookies?.headerFor(hop.url);
    if (jarCookies) environ.HTTP_COOKIE = environ.HTTP_COOKIE ? `${jarCookies}; ${environ.HTTP_COOKIE}` : jarCookies;

    const lintErrors: LintError[] = [];
    const app = this.#lint ? lintApp(this.app, { onError: (error) => lintErrors.push(error) }) : this.app;
    const check = () => {
      if (lintErrors.length > 0) throw lintErrors[0];
    };
    return { url: hop.url, environ, app, check, errors, errorLog: () => errorsText, abort };
  }

  /**
   * Stores the cookies a response set. The jar (tough-cookie) loads with the first of them, so
   * there is a promise only when there are cookies: other responses cost no wait.
   */
  #receiveCookies(url: string, headers: HeaderList): Promise<void> | undefined {
    const cookies = this.cookies;
    const received = cookies === null ? [] : setCookies(headers);
    if (cookies === null || received.length === 0) return undefined;
    return cookies.load().then(() => cookies.receive(url, received));
  }

  /** Sends one request to the app and builds its response. */
  async #send(hop: Hop): Promise<TestResponse> {
    const { environ, app, check, errors, errorLog, abort } = this.#prepare(hop);
    let run: AppRun;
    try {
      run = await AppRun.start(app, environ);
    } catch (error) {
      check();
      if (this.#throwErrors) throw error;
      errors.write(`tsgi test client: the app failed before sending headers: ${describeError(error)}\n`);
      const response = buildResponse(TestResponse, '500 Internal Server Error', [
        ['Content-Type', 'text/plain; charset=utf-8'],
        ['Content-Length', String(INTERNAL_ERROR.byteLength)],
      ], INTERNAL_ERROR);
      return response.attach(environ, errorLog, error);
    }
    check();
    const receiving = this.#receiveCookies(hop.url, run.headers);
    if (receiving !== undefined) await receiving;

    if (hop.init.buffered === false || (hop.init.buffered === undefined && isEventStream(run.headers))) {
      const source: ChunkSource = { run, check, abort: () => abort.abort() };
      const response = buildResponse(TestResponse, run.status, run.headers, {
        [Symbol.asyncIterator]: () => streamChunks(source),
      });
      return response.attach(environ, errorLog, run.error, source);
    }

    const chunks: Uint8Array[] = [];
    let failure: unknown;
    try {
      for (let chunk = await run.next(); chunk !== undefined; chunk = await run.next()) chunks.push(chunk);
    } catch (error) {
      check();
      if (this.#throwErrors) throw error;
      errors.write(`tsgi test client: the app failed after sending headers: ${describeError(error)}\n`);
      failure = error;
    }
    check();
    const response = buildResponse(TestResponse, run.status, run.headers, concatBytes(chunks));
    if (failure !== undefined) response.aborted = true;
    return response.attach(environ, errorLog, failure ?? run.error);
  }
}

function setCookies(headers: Array<[string, string]>): string[] {
  const out: string[] = [];
  for (const [name, value] of headers) if (name.length === 10 && name.toLowerCase() === 'set-cookie') out.push(value);
  return out;
}

/** True for a `text/event-stream` response, whatever its parameters. */
function isEventStream(headers: Array<[string, string]>): boolean {
  for (const [name, value] of headers) {
    if (name.length === 12 && name.toLowerCase() === 'content-type') return /^\s*text\/event-stream\s*(?:;|$)/i.test(value);
  }
  return false;
}

function hopKey(hop: Hop, environ: Environ): string {
  return `${hop.init.method} ${hop.url} ${environ.HTTP_COOKIE ?? ''}`;
}

function chain(history: TestResponse[], last: TestResponse): string {
  return [...history, last].map((res) => `${res.environ.REQUEST_METHOD} ${res.url} -> ${res.statusCode}`).join(', ');
}

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
