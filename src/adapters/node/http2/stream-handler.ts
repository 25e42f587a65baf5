/**
 * The HTTP/2 counterpart of `createListener`: runs a tsgi app for each stream an HTTP/2 session
 * opens (environ, app call, exchange), and refuses a request whose head the app must not see.
 * @module
 */
import type { IncomingHttpHeaders, ServerHttp2Stream } from 'node:http2';
import type { App, Environ, ErrorStream } from '../../../gateway.js';
import { HTTPException } from '../../../errors.js';
import type { SocketInfo } from '../environ.js';
import { runApp } from '../exchange-run.js';
import { listenerSetup, type ListenerControl, type NodeListenerOptions } from '../listener.js';
import { buildHttp2Environ, type Http2EnvironContext } from './environ.js';
import { Http2Exchange } from './exchange.js';

/** @internal Handles one stream: its connection's `SocketInfo`, the HEADERS flags, the raw header list. */
export type Http2StreamHandler = (stream: ServerHttp2Stream, socket: SocketInfo, flags: number, rawHeaders: readonly string[]) => void;

/**
 * @internal The stream handler for `app`, with the options of `toNodeListener` (errors, mount
 * point, access log), which `serve` passes to both protocols, and the largest header list to take.
 *
 * @example
 * ```ts
 * const handle = createStreamHandler(app, { accessLog: true }, { draining: false }, 16384);
 * server.on('stream', (stream, headers, flags, rawHeaders) => handle(stream, info, flags, rawHeaders));
 * ```
 */
export function createStreamHandler(
  app: App,
  options: NodeListenerOptions,
  control: ListenerControl,
  maxHeaderListSize: number,
): Http2StreamHandler {
  const setup = listenerSetup(options, control);
  const state = setup.state;
  const errors = state.errors;
  const context: Http2EnvironContext = { ...setup.context, maxHeaderListSize };

  return function tsgiStreamHandler(stream, socket, flags, rawHeaders): void {
    let environ: Environ;
    try {
      environ = buildHttp2Environ(stream, rawHeaders, flags, socket, context);
    } catch (error) {
      refuseStream(stream, error, errors);
      return;
    }
    runApp(app, environ, new Http2Exchange(stream, environ, state));
  };
}

/** Answers a refused request (an `HTTPException`, else a 500) with a short plain-text page. */
function refuseStream(stream: ServerHttp2Stream, error: unknown, errors: ErrorStream): void {
  const known = error instanceof HTTPException;
  if (!known) errors.write(`tsgi: error while reading a request head\n${error instanceof Error ? error.stack : String(error)}\n`);
  if (stream.headersSent || stream.destroyed) return;
  const body = Buffer.from(known ? `${error.code} ${error.phrase}\n\n${error.description}\n` : 'Internal Server Error\n');
  stream.respond({
    ':status': known ? error.code : 500,
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(body.byteLength),
  });
  stream.end(body);
}

/**
 * @internal The raw header list of a stream, for a Node that does not pass it to the `stream`
 * event: the header object flattened, pseudo-headers first (Node keeps them first in the object).
 *
 * @example
 * ```ts
 * flattenHeaders({ ':method': 'GET', ':path': '/', cookie: 'a=1' }); // [':method', 'GET', ':path', '/', 'cookie', 'a=1']
 * ```
 */
export function flattenHeaders(headers: IncomingHttpHeaders): string[] {
  const raw: string[] = [];
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (Array.isArray(value)) for (const one of value) raw.push(name, one);
    else if (value !== undefined) raw.push(name, value);
  }
  return raw;
}
