/**
 * The test client's WebSocket handshake: the request a browser sends, the app run as every tsgi
 * server runs it on an upgrade (`docs/spec.md` section 14), and the test's end of the connection.
 * @module
 */
import type { App, Environ, ErrorStream, HeaderList } from '../../gateway.js';
import { headerPairs, type EnvironInit, type HeadersLike, type QueryInit } from '../../request/create-environ.js';
import { AppRun, buildResponse } from '../../response/from-app.js';
import { ServerWebSocketOffer, handshakeHeaders } from '../../response/websocket/offer.js';
import { WebSocketSession } from '../../response/websocket/session.js';
import type { WebSocketLimits } from '../../response/websocket/limits.js';
import { isWebSocketHandshake } from '../../http/websocket.js';
import { concatBytes } from '../../datastructures/bytes.js';
import { optionsChecker } from '../../options.js';
import { TestResponse } from './test-response.js';
import { TestWebSocket, TEST_END_LIMITS } from './test-websocket.js';
import { linkSessions } from './websocket-link.js';

/**
 * Options of `client.websocket(url, init)`: the handshake's extras, and those of an ordinary
 * request that make sense for one (no method, no body: a handshake is a GET without one).
 *
 * @example
 * ```ts
 * await client.websocket('/socket', { protocols: ['chat.v2', 'chat'], origin: 'https://app.example' });
 * ```
 */
export interface ClientWebSocketInit {
  /** The subprotocols to offer (`Sec-WebSocket-Protocol`), best first. Default: none. */
  protocols?: string | readonly string[];
  /**
   * The `Origin` a browser would send (the page's origin). Default: none, as from a client that is
   * not a browser. A page of another site is refused 403 unless the app allows its origin.
   */
  origin?: string;
  /** More request headers; they override the handshake's own, to test a broken handshake. */
  headers?: HeadersLike;
  query?: QueryInit;
  /** Added to the `Cookie` header, after the jar's cookies. */
  cookies?: Record<string, string>;
  scriptName?: string;
  remoteAddr?: string;
  /** Extra or overriding environ keys, applied last. */
  environ?: Record<string, unknown>;
}

const checkInit = optionsChecker<ClientWebSocketInit>('client.websocket', {
  protocols: true,
  origin: true,
  headers: true,
  query: true,
  cookies: true,
  scriptName: true,
  remoteAddr: true,
  environ: true,
});

/** @internal One request the client has prepared: its environ and the app to call on it. */
export interface PreparedRequest {
  url: string;
  environ: Environ;
  /** The app, wrapped in lint unless the client was told not to. */
  app: App;
  /** Throws the first protocol error lint found so far. */
  check: () => void;
  errors: ErrorStream;
  errorLog: () => string;
  /** Aborts `tsgi.signal`. */
  abort: AbortController;
}

/** @internal What the client lends the handshake. */
export interface WebSocketClientContext {
  limits: WebSocketLimits;
  throwErrors: boolean;
  /** Stores the cookies the handshake's answer set; a promise when the jar had to load first. */
  receiveCookies: (url: string, headers: HeaderList) => Promise<void> | undefined;
  /** Called with each accepted socket (`true`), and again (`false`) once it has closed. */
  track: (socket: TestWebSocket, open: boolean) => void;
}

/**
 * The init of the handshake request: a GET with `Upgrade`, `Connection`, a fresh
 * `Sec-WebSocket-Key`, `Sec-WebSocket-Version: 13`, the offered subprotocols and the `Origin`.
 *
 * @example
 * ```ts
 * handshakeInit({ protocols: ['chat.v1'] }).headers; // [['Upgrade', 'websocket'], ['Connection', 'Upgrade'], ...]
 * ```
 */
export function handshakeInit(init: ClientWebSocketInit): EnvironInit & { method: 'GET' } {
  checkInit(init);
  const { protocols, origin, headers, ...rest } = init;
  const list: Array<[string, string]> = [
    ['Upgrade', 'websocket'],
    ['Connection', 'Upgrade'],
    ['Sec-WebSocket-Key', newKey()],
    ['Sec-WebSocket-Version', '13'],
  ];
  const offered = typeof protocols === 'string' ? [protocols] : (protocols ?? []);
  if (offered.length > 0) list.push(['Sec-WebSocket-Protocol', offered.join(', ')]);
  if (origin !== undefined) list.push(['Origin', origin]);
  if (headers !== undefined) {
    const extra = headerPairs(headers);
    const overridden = new Set(extra.map(([name]) => name.toLowerCase()));
    return { ...rest, method: 'GET', headers: [...list.filter(([name]) => !overridden.has(name.toLowerCase())), ...extra] };
  }
  return { ...rest, method: 'GET', headers: list };
}

/**
 * Runs the app on a prepared handshake request as a tsgi server does: the offer in the environ
 * (for a well-formed handshake only), the app run and its body closed, `offer.settle(status)`,
 * then either the connection or the app's refusal.
 */
export async function connectWebSocket(request: PreparedRequest, context: WebSocketClientContext): Promise<TestWebSocket> {
  const { environ, check, errors, errorLog } = request;
  // A real server answers a malformed handshake itself; here the app runs without an offer, so
  // that the test sees what the app does with a request it cannot accept (WebSocketResponse: 400).
  const offer = isServerHandshake(environ) ? new ServerWebSocketOffer(environ, context.limits) : undefined;
  if (offer !== undefined) environ['tsgi.websocket'] = offer;

  const fail = (error: unknown, when: string): TestWebSocket => {
    offer?.settle('500 Internal Server Error');
    request.abort.abort();
    check();
    if (context.throwErrors) throw error;
    errors.write(`tsgi test client: ${when}: ${describeError(error)}\n`);
    const body = new TextEncoder().encode('Internal Server Error');
    const headers: HeaderList = [['Content-Type', 'text/plain; charset=utf-8'], ['Content-Length', String(body.byteLength)]];
    const response = buildResponse(TestResponse, '500 Internal Server Error', headers, body).attach(environ, errorLog, error);
    return new TestWebSocket({ response, check });
  };

  let run: AppRun;
  let body: Uint8Array;
  try {
    run = await AppRun.start(request.app, environ);
    body = concatBytes(await run.rest());
  } catch (error) {
    return fail(error, 'the app failed during the WebSocket handshake');
  }
  check();
  const receiving = context.receiveCookies(request.url, run.headers);
  if (receiving !== undefined) await receiving;
  let session: WebSocketSession | undefined;
  try {
    if (run.status.startsWith('101') && body.byteLength > 0) throw new TypeError('the app answered 101 Switching Protocols with a body');
    session = offer?.settle(run.status);
  } catch (error) {
    return fail(error, 'the app answered the WebSocket handshake wrongly');
  }
  if (session === undefined) {
    request.abort.abort();
    const response = buildResponse(TestResponse, run.status, run.headers, body).attach(environ, errorLog, run.error);
    return new TestWebSocket({ response, check });
  }

  const headers: HeaderList = [
    ['Upgrade', 'websocket'],
    ['Connection', 'Upgrade'],
    ['Sec-WebSocket-Accept', await acceptKey(environ.HTTP_SEC_WEBSOCKET_KEY ?? '')],
  ];
  if (session.protocol !== '') headers.push(['Sec-WebSocket-Protocol', session.protocol]);
  headers.push(...handshakeHeaders(run.headers));
  const response = buildResponse(TestResponse, run.status, headers, body).attach(environ, errorLog, run.error);
  const testEnd = new WebSocketSession(session.protocol, TEST_END_LIMITS);
  const link = linkSessions(session, testEnd);
  const socket = new TestWebSocket({ response, session: testEnd, link, check });
  context.track(socket, true);
  // The HTTP exchange is over once the connection closes: tsgi.signal follows it (rule 3.20).
  void socket.closed.then(() => {
    request.abort.abort();
    context.track(socket, false);
  });
  return socket;
}

/** What a server checks before it offers: GET, the Upgrade headers, a key, version 13. */
function isServerHandshake(environ: Environ): boolean {
  return (
    environ.REQUEST_METHOD === 'GET' &&
    isWebSocketHandshake(environ.HTTP_UPGRADE, environ.HTTP_CONNECTION) &&
    environ.HTTP_SEC_WEBSOCKET_VERSION === '13' &&
    /^[A-Za-z0-9+/]{22}==$/.test(environ.HTTP_SEC_WEBSOCKET_KEY ?? '')
  );
}

function newKey(): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(16)));
}

/** `Sec-WebSocket-Accept` for a key (RFC 6455 section 4.2.2): base64 of SHA-1 of key + GUID. */
async function acceptKey(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`));
  return toBase64(new Uint8Array(digest));
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
