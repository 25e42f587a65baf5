/**
 * `toNodeUpgradeListener`: the public face of the node:http `'upgrade'` listener, which loads the
 * WebSocket code (`websocket-upgrade.ts`, then the `ws` package) only when the first upgrade
 * request comes.
 * @module
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { consoleErrors, type App } from '../../gateway.js';
import { optionsChecker } from '../../options.js';
import { websocketLimits, type WebSocketLimits } from '../../response/websocket/limits.js';
import { LISTENER_OPTIONS, type ListenerControl, type NodeListenerOptions } from './listener.js';
import { OpenWebSockets } from './open-websockets.js';

/**
 * Options of {@link toNodeUpgradeListener}: those of `toNodeListener`, and the WebSocket limits.
 *
 * @example
 * ```ts
 * toNodeUpgradeListener(app, { accessLog: true, websocket: { pingInterval: 10_000 } });
 * ```
 */
export interface NodeUpgradeListenerOptions extends NodeListenerOptions {
  /** The limits of every WebSocket (docs/security.md, "WebSocket"); each has a default. */
  websocket?: Partial<WebSocketLimits>;
}

/**
 * A node:http `'upgrade'` listener, with the server's WebSockets for a shutdown: `goAway()`
 * closes them with 1001 (and any that opens later), `terminate()` cuts what is left, `size` counts
 * the open ones.
 *
 * @example
 * ```ts
 * const upgrade: NodeUpgradeListener = toNodeUpgradeListener(app);
 * server.on('upgrade', upgrade);
 * upgrade.websockets.goAway();
 * ```
 */
export interface NodeUpgradeListener {
  (req: IncomingMessage, socket: Duplex, head: Buffer): void;
  readonly websockets: {
    /** Closes every open WebSocket with 1001 'server shutting down', and any that opens later. */
    goAway(): void;
    /** Cuts every WebSocket and handshake still open (after a shutdown's timeout). */
    terminate(): void;
    /** How many WebSockets are open. */
    readonly size: number;
  };
}

const checkOptions = optionsChecker<NodeUpgradeListenerOptions>('toNodeUpgradeListener', { ...LISTENER_OPTIONS, websocket: true });

/**
 * Turns a tsgi app into a node:http `'upgrade'` listener, for a server made with
 * `http.createServer(toNodeListener(app))`: WebSocket handshakes reach the app with
 * `environ['tsgi.websocket']` (`req.acceptWebSocket(...)`), other upgrade requests are served as
 * ordinary requests. `serve` does this by itself. The `ws` package is loaded on the first handshake.
 * On shutdown, call `listener.websockets.goAway()` (close 1001), then `terminate()` what is left.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { toNodeListener, toNodeUpgradeListener } from 'tsgi/node';
 *
 * const upgrade = toNodeUpgradeListener(app, { websocket: { maxMessageSize: 64 * 1024 } });
 * const server = createServer(toNodeListener(app)).on('upgrade', upgrade).listen(8000, '127.0.0.1');
 * process.on('SIGTERM', () => { upgrade.websockets.goAway(); server.close(); });
 * ```
 */
export function toNodeUpgradeListener(app: App, options: NodeUpgradeListenerOptions = {}): NodeUpgradeListener {
  checkOptions(options);
  const { websocket, ...listenerOptions } = options;
  return lazyUpgradeListener(app, listenerOptions, { draining: false }, websocketLimits(websocket), new OpenWebSockets());
}

type CreateUpgradeListener = typeof import('./websocket-upgrade.js').createUpgradeListener;
let loading: Promise<CreateUpgradeListener> | undefined;

/**
 * @internal An `'upgrade'` listener that loads the WebSocket code (this adapter's and then `ws`)
 * with the first upgrade request: most servers never see one, and `import 'tsgi/node'` is the cold
 * start of every serverless or freshly started process (bench/README.md, "Import time").
 */
export function lazyUpgradeListener(
  app: App,
  options: NodeListenerOptions,
  control: ListenerControl,
  limits: WebSocketLimits,
  sockets: OpenWebSockets,
): NodeUpgradeListener {
  let listener: NodeUpgradeListener | undefined;
  function upgrade(this: unknown, req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (listener !== undefined) return listener.call(this, req, socket, head);
    // node:http removed its own error listener when it handed the socket over: a reset while
    // the code loads would crash the process. The socket is paused until the listener reads it.
    socket.on('error', ignoreSocketError);
    loading ??= import('./websocket-upgrade.js').then((module) => module.createUpgradeListener);
    loading.then(
      (create) => {
        listener ??= create(app, options, control, limits, sockets);
        listener.call(this, req, socket, head);
      },
      (error: unknown) => {
        loading = undefined;
        (options.errors ?? consoleErrors).write(`tsgi: could not load the WebSocket code: ${String(error)}\n`);
        socket.destroy();
      },
    );
  }
  return Object.assign(upgrade, { websockets: sockets });
}

/**
 * @internal The error listener of an upgrade socket node:http handed over: a reset socket emits
 * 'close' next, which is where the exchange or the WebSocket ends, so the error itself is dropped.
 */
export function ignoreSocketError(): void {
  // Nothing to do: see above.
}
