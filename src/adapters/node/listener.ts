/**
 * `toNodeListener(app)`: runs a tsgi app as a `node:http` request listener.
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BufferedInput, consoleErrors, type App, type Environ, type ErrorStream } from '../../gateway.js';
import { formatAccessLog } from './access-log.js';
import type { EnvironContext } from './environ.js';
import { Exchange, type ListenerState } from './exchange.js';
import { runApp } from './exchange-run.js';
import { NodeInput } from './input.js';
import { environOrRefusal } from './refuse.js';
import { optionsChecker, type OptionNames } from '../../options.js';
import type { OpenWebSockets } from './open-websockets.js';

/** A `node:http` request listener. */
export type NodeListener = (req: IncomingMessage, res: ServerResponse) => void;

/** Options of {@link toNodeListener}. */
export interface NodeListenerOptions {
  /** Where `tsgi.errors` (and the adapter's own error reports) go; the console by default. */
  errors?: ErrorStream;
  /**
   * A mount point to report as `SCRIPT_NAME` when the listener serves a sub-path of a plain server.
   * Inside Express or Connect the mount point is found by itself (`req.baseUrl`).
   */
  scriptName?: string;
  /** Writes one access log line per response: `true` for stdout, or a function that takes the line. */
  accessLog?: boolean | ((line: string) => void);
}

/** @internal The names of {@link NodeListenerOptions}, which `serve` takes too. */
export const LISTENER_OPTIONS: OptionNames<NodeListenerOptions> = { errors: true, scriptName: true, accessLog: true };

const checkOptions = optionsChecker<NodeListenerOptions>('toNodeListener', LISTENER_OPTIONS);

/** @internal Shared with `serve` so it can switch the listener to draining. */
export interface ListenerControl {
  draining: boolean;
  /** The server's WebSockets, which a shutdown closes (1001) and, at its deadline, cuts. */
  websockets?: OpenWebSockets;
}

export { isPromiseLike } from './exchange-run.js';

function stdoutLog(line: string): void {
  process.stdout.write(`${line}\n`);
}

/**
 * @internal What the request listener, the upgrade listener and the HTTP/2 stream handler of one
 * server make of its options.
 */
export function listenerSetup(options: NodeListenerOptions, control: ListenerControl): { context: EnvironContext; state: ListenerState } {
  const errors = options.errors ?? consoleErrors;
  const context: EnvironContext = { errors };
  if (options.scriptName) context.scriptName = options.scriptName.replace(/\/+$/, '');
  const logLine = options.accessLog === true ? stdoutLog : options.accessLog || null;
  const state: ListenerState = {
    errors,
    control,
    log:
      logLine &&
      ((entry, now) => {
        logLine(formatAccessLog(entry, now));
      }),
  };
  return { context, state };
}

/** @internal The listener with the control hook `serve` uses. */
export function createListener(app: App, options: NodeListenerOptions, control: ListenerControl): NodeListener {
  const { context, state } = listenerSetup(options, control);
  const errors = state.errors;

  function run(req: IncomingMessage, res: ServerResponse, environ: Environ): void {
    const exchange = new Exchange(req, res, environ, state);
    if (control.draining) res.shouldKeepAlive = false;
    runApp(app, environ, exchange);
  }

  return function tsgiListener(req: IncomingMessage, res: ServerResponse): void {
    const environ = environOrRefusal(req, res, context, errors, state.log);
    if (environ === undefined) return;
    if (environ['tsgi.input'] instanceof NodeInput) {
      // Node parses a body only after this event, even one that came in the same packet as the
      // head, as small bodies do. One microtask later such a body is all there: the app then gets
      // it in memory (spec rule 4.8), which spares a promise per chunk in every reader. A body
      // still on its way streams as usual.
      queueMicrotask(() => {
        takeCompleteBody(req, environ);
        run(req, res, environ);
      });
      return;
    }
    run(req, res, environ);
  };
}

/**
 * Moves a body that has fully arrived out of Node's stream into a `BufferedInput`. Node sets
 * `complete` only a little later (after the microtasks), but its parser never buffers past
 * Content-Length, so holding that many bytes means holding the whole body.
 */
function takeCompleteBody(req: IncomingMessage, environ: Environ): void {
  if (req.destroyed) return;
  const declared = environ.CONTENT_LENGTH;
  if (!req.complete && (declared === undefined || !(req.readableLength >= Number(declared)))) return;
  const chunks: Uint8Array[] = [];
  for (let chunk = req.read() as Buffer | null; chunk !== null; chunk = req.read() as Buffer | null) chunks.push(chunk);
  environ['tsgi.input'] = new BufferedInput(chunks);
}

/**
 * Turns a tsgi app into a `node:http` request listener, for `http.createServer`,
 * `https.createServer`, or as the last handler of an Express or Connect app (which then reports the
 * mount path as `SCRIPT_NAME`).
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { toNodeListener } from 'tsgi/node';
 *
 * const app: App = (environ, startResponse) => {
 *   startResponse('200 OK', [['Content-Type', 'text/plain; charset=utf-8']]);
 *   return [new TextEncoder().encode(`Hello from ${environ.PATH_INFO}`)];
 * };
 * createServer(toNodeListener(app)).listen(8000, '127.0.0.1');
 * ```
 */
export function toNodeListener(app: App, options: NodeListenerOptions = {}): NodeListener {
  checkOptions(options);
  return createListener(app, options, { draining: false });
}
