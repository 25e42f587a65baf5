/**
 * @internal The WebSocket handshakes of one node:http server, completed by the `ws` package: it is
 * loaded on the first handshake request (`import 'tsgi/node'` does not load it), and one
 * `WebSocketServer` in `noServer` mode answers every handshake the app accepted, with the
 * subprotocol the app selected and the headers of the app's 101.
 * @module
 */
import { validateHeaderName, validateHeaderValue, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import type { HeaderList } from '../../gateway.js';

/** What the app decided for one handshake, kept on its request for `ws`'s callbacks. */
const DECIDED = Symbol('tsgi.websocketHandshake');

type DecidedRequest = IncomingMessage & { [DECIDED]?: { protocol: string; lines: string[] } };

type WsModule = typeof import('ws');

let loading: Promise<WsModule> | undefined;
let loaded: WsModule | undefined;

/** `import('ws')` once per process; a failure is retried on the next handshake. */
function loadWs(): Promise<WsModule> {
  loading ??= import('ws').then((module) => (loaded = module)).catch((error: unknown) => {
    loading = undefined;
    throw new Error(
      `tsgi: WebSocket on node:http needs the ws package, which could not be loaded (npm install ws): ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
  });
  return loading;
}

/**
 * The header lines the app's 101 adds to the handshake (`Set-Cookie` and the like), checked as
 * node:http checks a response's headers: a name or value that could split the response is a
 * `TypeError`, answered 500 before anything is sent.
 *
 * @example
 * ```ts
 * handshakeLines([['Set-Cookie', 'sid=1']]); // ['Set-Cookie: sid=1']
 * ```
 */
export function handshakeLines(headers: HeaderList): string[] {
  return headers.map(([name, value]) => {
    validateHeaderName(name);
    validateHeaderValue(name, value);
    return `${name}: ${value}`;
  });
}

/**
 * @internal Completes the handshakes of one server.
 *
 * @example
 * ```ts
 * const handshakes = new WsHandshakes(limits.maxMessageSize);
 * const ws = handshakes.complete(await handshakes.prepare(), req, socket, head, session.protocol, handshakeLines(headers));
 * if (ws !== undefined) session.open(...);
 * ```
 */
export class WsHandshakes {
  #server: WebSocketServer | undefined;

  constructor(private readonly maxPayload: number) {}

  /**
   * The server, once `ws` is loaded (made on first use): a handshake then completes in the same
   * turn as the app's answer, before an accepted handler's first await.
   */
  get ready(): WebSocketServer | undefined {
    if (this.#server === undefined && loaded !== undefined) this.#server = this.#create(loaded.WebSocketServer);
    return this.#server;
  }

  /** Loads `ws` (once per process): called on a handshake request, while the app decides. */
  async prepare(): Promise<WebSocketServer> {
    await loadWs();
    return this.ready!;
  }

  /**
   * Sends the 101 and returns the open WebSocket; `undefined` when the socket was gone or `ws`
   * refused the request (it then answered it, 400, and closed the socket).
   */
  complete(server: WebSocketServer, req: IncomingMessage, socket: Duplex, head: Buffer, protocol: string, lines: string[]): WebSocket | undefined {
    if (socket.destroyed) return undefined;
    (req as DecidedRequest)[DECIDED] = { protocol, lines };
    let opened: WebSocket | undefined;
    // Without `verifyClient` and compression, ws completes the handshake synchronously.
    server.handleUpgrade(req, socket, head, (ws) => {
      opened = ws;
    });
    return opened;
  }

  #create(Server: typeof WebSocketServer): WebSocketServer {
    const server = new Server({
      noServer: true,
      maxPayload: this.maxPayload,
      // Compression costs memory per connection and opens the door to decompression bombs.
      perMessageDeflate: false,
      // The app chose when it accepted; ws asks only when the client offered some.
      handleProtocols: (_offered, req) => (req as DecidedRequest)[DECIDED]?.protocol || false,
      // The shutdown tracks open sockets itself (OpenWebSockets).
      clientTracking: false,
    });
    server.on('headers', (headers, req) => {
      const decided = (req as DecidedRequest)[DECIDED];
      if (decided !== undefined) headers.push(...decided.lines);
    });
    return server;
  }
}
