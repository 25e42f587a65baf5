/**
 * Builds the environ of a request straight from Node's `IncomingMessage`, without Fetch objects.
 * This runs once per request, so it avoids regular expressions and repeated string work.
 * @module
 */
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { consoleErrors, emptyInput, headerKey, TSGI_VERSION, type Environ, type ErrorStream } from '../../gateway.js';
import { BadRequest } from '../../errors.js';
import { NodeInput } from './input.js';
import { internalize, storeHeader } from './store-header.js';
import { decodePath } from '../../request/decode-path.js';
import { diskStorage } from '../../request/multipart/temp-storage.node.js';
import { nodeDecoders } from '../../request/content-encoding.node.js';
import { ENVIRON_PROTOTYPE, SIGNAL_SOURCE } from '../../signal.js';
import { nodeCluster } from '../../node-builtins.node.js';

// Whether this process is a node:cluster worker (tsgi.multiprocess), found on the first request:
// loading node:cluster on `import 'tsgi/node'` costs about 1 ms (node-builtins.node.ts).
let IS_WORKER: boolean | undefined;

/**
 * @internal The environ key of a raw header name (HTTP/1.1 and HTTP/2 share it); `null` for names holding `_`: `X_Forwarded_For` would
 * land on the same key as `X-Forwarded-For`, so a client could spoof a header a proxy sets.
 * nginx and Werkzeug drop such names; so do we. Answers are cached by raw name (clients send the
 * same few names again and again), with a cap so a hostile stream of names cannot grow it.
 */
export function environKey(name: string): string | null {
  let key = ENVIRON_KEYS.get(name);
  if (key === undefined) {
    key = name.includes('_') ? null : internalize(headerKey(name));
    if (ENVIRON_KEYS.size < 1000) ENVIRON_KEYS.set(name, key);
  }
  return key;
}

const ENVIRON_KEYS = new Map<string, string | null>();

// One disk storage for every request of the process: uploads over 1 MiB spill to temporary files,
// and the memory budget of the small ones is shared. Request.fileStorage overrides it per app.
const FILE_STORAGE = diskStorage();
// Node has brotli, which the Web DecompressionStream of Node 20 lacks.
const BODY_DECODERS = nodeDecoders();

/** @internal The per-connection part of the environ, computed once per socket (keep-alive reuses it). */
export interface SocketInfo {
  serverName: string;
  serverPort: string;
  remoteAddr: string;
  remotePort: string;
  scheme: string;
}

const SOCKET_INFO = Symbol('tsgi.socketInfo');

/** @internal The {@link SocketInfo} of a connection, cached on the socket (an HTTP/2 session's too). */
export function socketInfo(socket: Socket & { [SOCKET_INFO]?: SocketInfo }): SocketInfo {
  let info = socket[SOCKET_INFO];
  if (info === undefined) {
    info = {
      serverName: socket.localAddress ?? '',
      serverPort: socket.localPort === undefined ? '' : String(socket.localPort),
      remoteAddr: socket.remoteAddress ?? '',
      remotePort: socket.remotePort === undefined ? '' : String(socket.remotePort),
      scheme: (socket as TLSSocket).encrypted === true ? 'https' : 'http',
    };
    // A destroyed socket reports no addresses: do not keep those.
    if (info.remoteAddr !== '') socket[SOCKET_INFO] = info;
  }
  return info;
}

/** What a request needs beyond itself to become an environ. */
export interface EnvironContext {
  /** Where `tsgi.errors` writes. */
  errors: ErrorStream;
  /** A mount point to report as `SCRIPT_NAME` (the raw, still-encoded path prefix). */
  scriptName?: string;
}

interface ExpressRequest extends IncomingMessage {
  originalUrl?: string;
  baseUrl?: string;
}

/**
 * The environ for one request. Throws `BadRequest` for a request the app must not see: one with
 * more than one `Host` header (RFC 9112 section 3.2), which `toNodeListener` answers with a 400.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * createServer((req, res) => {
 *   const environ = buildEnviron(req, { errors: consoleErrors });
 *   res.end(environ.PATH_INFO);
 * });
 * ```
 */
export function buildEnviron(req: IncomingMessage, context: EnvironContext = { errors: consoleErrors }): Environ {
  const socket = socketInfo(req.socket);
  let target = req.url ?? '/';
  let requestUri = target;
  let scriptName = context.scriptName ?? '';
  const express = req as ExpressRequest;
  if (typeof express.originalUrl === 'string' && typeof express.baseUrl === 'string') {
    // Mounted inside Express or Connect: `req.url` was rewritten relative to the mount point.
    requestUri = express.originalUrl;
    scriptName = express.baseUrl;
  }
  if (target.charCodeAt(0) !== 47 /* / */ && target !== '*') target = originForm(target);
  const question = target.indexOf('?');
  const rawPath = question === -1 ? target : target.slice(0, question);

  const environ = new NodeEnviron(
    req.method ?? 'GET',
    scriptName === '' ? '' : decodePath(scriptName),
    decodePath(rawPath),
    question === -1 ? '' : target.slice(question + 1),
    requestUri,
    socket,
    req.httpVersion === '1.1' ? 'HTTP/1.1' : `HTTP/${req.httpVersion}`,
    context.errors,
  );

  const raw = req.rawHeaders;
  let hasBody = false;
  for (let i = 0; i < raw.length; i += 2) {
    const key = environKey(raw[i]);
    if (key === null) continue;
    const value = raw[i + 1];
    if (!storeHeader(environ, key, value)) {
      // Two Host lines name two targets: which one the app would see is a guess a proxy in front
      // may have guessed otherwise (RFC 9112 3.2 says 400).
      if (key === 'HTTP_HOST') throw new BadRequest('The request has more than one Host header (RFC 9112 section 3.2).');
      // A repeated header: one line of comma-joined values (RFC 9110 5.3); cookies join with `; `.
      environ[key] = `${environ[key] as string}${key === 'HTTP_COOKIE' ? '; ' : ', '}${value}`;
    }
    if (key === 'CONTENT_LENGTH' ? value !== '0' : key === 'HTTP_TRANSFER_ENCODING') hasBody = true;
  }
  // Without Content-Length or Transfer-Encoding an HTTP/1.1 request has no body.
  if (hasBody) environ['tsgi.input'] = new NodeInput(req);
  return environ;
}

/**
 * Makes the environ: a plain object, built by a constructor rather than a literal because V8 gives
 * objects made by `new` spare in-object room, which the request headers then fill; properties added
 * to a literal go to a separate store that is allocated and grown per request. With `storeHeader`,
 * measured with `bench/ab.js`: a node:http handler that builds the environ went from x0.93 of the
 * bare handler to x0.98. Its prototype is `Object.prototype` plus the lazy `tsgi.signal` accessor
 * (`signal.ts`); the `Exchange` becomes the signal's source.
 */
function initEnviron(
  this: Environ,
  method: string,
  scriptName: string,
  pathInfo: string,
  queryString: string,
  requestUri: string,
  socket: SocketInfo,
  protocol: string,
  errors: ErrorStream,
): void {
  this.REQUEST_METHOD = method;
  this.SCRIPT_NAME = scriptName;
  this.PATH_INFO = pathInfo;
  this.QUERY_STRING = queryString;
  this.REQUEST_URI = requestUri;
  this.SERVER_NAME = socket.serverName;
  this.SERVER_PORT = socket.serverPort;
  this.SERVER_PROTOCOL = protocol;
  this.REMOTE_ADDR = socket.remoteAddr;
  this.REMOTE_PORT = socket.remotePort;
  this['tsgi.version'] = TSGI_VERSION;
  this['tsgi.url_scheme'] = socket.scheme;
  this['tsgi.input'] = emptyInput();
  this['tsgi.errors'] = errors;
  this['tsgi.multithread'] = false;
  this['tsgi.multiprocess'] = IS_WORKER ??= nodeCluster().isWorker;
  this['tsgi.run_once'] = false;
  this['tsgi.file_storage'] = FILE_STORAGE;
  this['tsgi.body_decoders'] = BODY_DECODERS;
  (this as { [SIGNAL_SOURCE]?: null })[SIGNAL_SOURCE] = null;
}
initEnviron.prototype = ENVIRON_PROTOTYPE;
/** @internal The environ constructor (see `initEnviron`); the HTTP/2 adapter makes its environs with it too, so both have one shape. */
export const NodeEnviron = initEnviron as unknown as new (...args: Parameters<typeof initEnviron>) => Environ;

/** The path and query of an absolute-form target (`http://host/path?q`), as a proxy would send it. */
function originForm(target: string): string {
  const scheme = target.indexOf('://');
  if (scheme === -1) return target;
  const slash = target.indexOf('/', scheme + 3);
  const question = target.indexOf('?', scheme + 3);
  if (slash === -1 || (question !== -1 && question < slash)) {
    return question === -1 ? '/' : `/${target.slice(question)}`;
  }
  return target.slice(slash);
}
