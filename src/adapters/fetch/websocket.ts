/**
 * WebSockets through `toFetchHandler`: on a handshake request the adapter offers
 * `environ['tsgi.websocket']`, runs the app, and once it has accepted and answered 101, completes
 * the handshake with the runtime's own mechanism: Bun's `server.upgrade` (websocket-bun.ts),
 * `Deno.upgradeWebSocket` (websocket-deno.ts) or workerd's `WebSocketPair` (websocket-workerd.ts).
 * Where there is none (a Node bridge, most edge hosts), there is no offer and the app answers 501.
 * @module
 */
import type { App, Environ, ErrorStream, HeaderList } from '../../gateway.js';
import { handshakeProblem, isWebSocketHandshake } from '../../http/websocket.js';
import { websocketLimits, type WebSocketLimits } from '../../response/websocket/limits.js';
import { handshakeHeaders, ServerWebSocketOffer } from '../../response/websocket/offer.js';
import type { WebSocketSession } from '../../response/websocket/session.js';
import { bunUpgrader, bunWebSocketHandler, isBunServer, type BunWebSocketHandler } from './websocket-bun.js';
import { denoUpgrader } from './websocket-deno.js';
import { workerdUpgrader } from './websocket-workerd.js';

/**
 * @internal Completes an accepted handshake on one runtime and returns the Response the Fetch
 * handler answers with. `headers` are the 101's: the selected subprotocol and the app's own.
 */
export type Upgrader = (session: WebSocketSession, headers: HeaderList) => globalThis.Response;

/** Runs the app through the adapter (its `runApp`), as for any request. */
type RunApp = (app: App) => Promise<globalThis.Response>;

/**
 * @internal The WebSocket side of one `toFetchHandler`: its limits, the callbacks Bun needs, and
 * the handling of handshake requests.
 *
 * @example
 * ```ts
 * const websockets = new FetchWebSockets({ maxMessageSize: 65536 });
 * const upgraded = websockets.serve(app, environ, request, context, (app) => runApp(app, environ, 'GET'));
 * // undefined: not a handshake this runtime can complete; serve the request as usual.
 * ```
 */
export class FetchWebSockets {
  readonly limits: WebSocketLimits;
  readonly #bun: BunWebSocketHandler;
  #bunWired = false;
  #bunHinted = false;

  constructor(options?: Partial<WebSocketLimits>) {
    this.limits = websocketLimits(options);
    this.#bun = bunWebSocketHandler(this.limits);
  }

  /**
   * The callbacks for `Bun.serve({ websocket })`. Reading them is what tells the handler that Bun
   * was given them: until then a handshake on Bun gets no offer (the app answers 501), since
   * `server.upgrade` cannot work without them.
   */
  get bunHandler(): BunWebSocketHandler {
    this.#bunWired = true;
    return this.#bun;
  }

  /**
   * Serves `request` when it is a WebSocket handshake this runtime can complete; otherwise returns
   * `undefined` and the caller serves it as any request.
   */
  serve(app: App, environ: Environ, request: globalThis.Request, context: unknown, run: RunApp): Promise<globalThis.Response> | undefined {
    if (!isWebSocketHandshake(environ.HTTP_UPGRADE, environ.HTTP_CONNECTION)) return undefined;
    const upgrader = this.#upgraderFor(request, context, environ['tsgi.errors']);
    if (upgrader === undefined) return undefined;
    const problem = handshakeProblem(environ.REQUEST_METHOD, environ.HTTP_SEC_WEBSOCKET_KEY, environ.HTTP_SEC_WEBSOCKET_VERSION);
    if (problem !== undefined) return Promise.resolve(plainResponse(400, `400 Bad Request\n\n${problem}\n`));
    return serveHandshake(app, environ, this.limits, upgrader, run);
  }

  #upgraderFor(request: globalThis.Request, context: unknown, errors: ErrorStream): Upgrader | undefined {
    if (isBunServer(context)) {
      if (this.#bunWired) return bunUpgrader(context, request);
      if (!this.#bunHinted) {
        this.#bunHinted = true;
        errors.write(
          'tsgi: a WebSocket handshake arrived on Bun, but Bun.serve was not given the handler\'s WebSocket callbacks, ' +
            'so the app cannot accept it (it answers 501): Bun.serve({ fetch: handler, websocket: handler.websocket })\n',
        );
      }
      return undefined;
    }
    const upgradeWebSocket = (globalThis as { Deno?: { upgradeWebSocket?: unknown } }).Deno?.upgradeWebSocket;
    if (typeof upgradeWebSocket === 'function') return denoUpgrader(request, this.limits);
    const pair = (globalThis as { WebSocketPair?: unknown }).WebSocketPair;
    if (typeof pair === 'function') return workerdUpgrader();
    return undefined;
  }
}

async function serveHandshake(
  app: App,
  environ: Environ,
  limits: WebSocketLimits,
  upgrader: Upgrader,
  run: RunApp,
): Promise<globalThis.Response> {
  const offer = new ServerWebSocketOffer(environ, limits);
  environ['tsgi.websocket'] = offer;
  let status: string | undefined;
  let headers: HeaderList = [];
  const capturing: App = (env, startResponse) =>
    app(env, (newStatus, newHeaders, error) => {
      // A Web Response cannot hold a 101: the adapter builds a bodiless 204 in its place (closing
      // the app's body as usual), which is never sent.
      startResponse(newStatus.startsWith('101') ? '204 No Content' : newStatus, newHeaders, error);
      status = newStatus;
      headers = newHeaders;
    });
  const response = await run(capturing);
  // A 101 followed by a failure is the adapter's 500, not a handshake.
  const answered = status?.startsWith('101') === true && response.status !== 204 ? String(response.status) : status;
  let session: WebSocketSession | undefined;
  try {
    session = offer.settle(answered);
  } catch (error) {
    return serverError(environ, error);
  }
  if (session === undefined) return response;
  const head = handshakeHeaders(headers);
  if (session.protocol !== '') head.unshift(['Sec-WebSocket-Protocol', session.protocol]);
  try {
    return upgrader(session, head);
  } catch (error) {
    session.abandon('the runtime could not complete the WebSocket handshake');
    return serverError(environ, error);
  }
}

function serverError(environ: Environ, error: unknown): globalThis.Response {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  environ['tsgi.errors'].write(`tsgi: WebSocket handshake failed: ${message}\n`);
  return plainResponse(500, 'Internal Server Error\n');
}

function plainResponse(status: number, text: string): globalThis.Response {
  return new globalThis.Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
