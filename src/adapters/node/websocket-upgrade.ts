/**
 * The `'upgrade'` listener of a node:http server: WebSocket handshakes go to the app with
 * `environ['tsgi.websocket']` (docs/spec.md section 14), and its answer becomes a WebSocket (a 101
 * sent by the `ws` package) or an ordinary response written to the socket, which is then closed.
 * Other upgrades (`Upgrade: h2c`, ...) are served as the ordinary requests they also are.
 * @module
 */
import { ServerResponse, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { TextBody, type App, type Body, type Environ, type HeaderList, type StartResponse } from '../../gateway.js';
import { BadRequest, NotImplemented } from '../../errors.js';
import { handshakeProblem, isWebSocketHandshake } from '../../http/websocket.js';
import type { WebSocketLimits } from '../../response/websocket/limits.js';
import { handshakeHeaders, ServerWebSocketOffer } from '../../response/websocket/offer.js';
import { notBytes, type AnyIterator } from './body-pump.js';
import { Exchange } from './exchange.js';
import { errorText, returnIterator } from './exchange-end.js';
import { isPromiseLike, listenerSetup, type ListenerControl, type NodeListenerOptions } from './listener.js';
import { environOrRefusal, refuseRequest } from './refuse.js';
import type { OpenWebSockets } from './open-websockets.js';
import { ignoreSocketError, type NodeUpgradeListener } from './upgrade-listener.js';
import { connectSession } from './websocket-connection.js';
import { handshakeLines, WsHandshakes } from './websocket-handshake.js';

/** Most bytes a client may send before its handshake is answered (it should send none). */
const EARLY_DATA_LIMIT = 64 * 1024;


/** What node:http's server says of the limits it applies to requests, read from the socket. */
interface ServerLimits {
  requestTimeout?: unknown;
  requireHostHeader?: unknown;
}

/** The server's limits: `this` of the listener is the server that emitted `'upgrade'`, else the socket knows it. */
function serverLimits(emitter: unknown, socket: Duplex): ServerLimits {
  if (typeof emitter === 'object' && emitter !== null && 'requestTimeout' in emitter) return emitter as ServerLimits;
  return (socket as Socket & { server?: ServerLimits }).server ?? {};
}

/**
 * The reason to refuse an upgrade request before the app sees it, else `undefined`. Node's parser
 * hands upgrade requests over before its own Host check, so it is made here.
 */
function refusal(req: IncomingMessage, requireHost: boolean): BadRequest | NotImplemented | undefined {
  const headers = req.headers;
  if (requireHost && req.httpVersion === '1.1' && headers.host === undefined) {
    return new BadRequest('The request has no Host header (RFC 9112 section 3.2).');
  }
  const hasBody = (headers['content-length'] !== undefined && headers['content-length'] !== '0') || headers['transfer-encoding'] !== undefined;
  if (!isWebSocketHandshake(headers.upgrade, headers.connection)) {
    // Node stops parsing at an upgrade's head: a body would have to be read off the raw socket.
    return hasBody ? new NotImplemented('This server upgrades to WebSocket only: send this request without its Upgrade header.') : undefined;
  }
  if (req.httpVersion !== '1.1') return new BadRequest('A WebSocket handshake is an HTTP/1.1 request (RFC 6455 section 4.1).');
  if (hasBody) return new BadRequest('A WebSocket handshake has no body.');
  const problem = handshakeProblem(req.method ?? '', headers['sec-websocket-key'], headers['sec-websocket-version']);
  return problem === undefined ? undefined : new BadRequest(problem);
}

/**
 * Runs the app and hands its body to `then`, synchronously when the app returned it so (the 101
 * then goes out before an accepted handler's first turn); a throw or a rejection goes to `fail`.
 */
function runApp(app: App, environ: Environ, startResponse: StartResponse, then: (body: Body) => void, fail: (error: unknown) => void): void {
  let body: Body | Promise<Body>;
  try {
    body = app(environ, startResponse);
  } catch (error) {
    fail(error);
    return;
  }
  if (isPromiseLike(body)) body.then(then, fail).then(undefined, fail);
  else then(body);
}

/**
 * Checks that a 101's body is empty and closes it (spec: `return()` exactly once). Arrays and
 * text are checked at once; an iterator's end is awaited (a promise is returned then).
 */
function drainEmptyBody(body: Body, errors: Environ['tsgi.errors']): Promise<void> | undefined {
  if (body instanceof TextBody) {
    if (body.byteLength > 0) throw nonEmpty(body.byteLength);
    return undefined;
  }
  if (Array.isArray(body)) {
    for (const chunk of body as unknown[]) checkEmpty(chunk);
    return undefined;
  }
  const asyncFactory = (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator];
  const iterator: AnyIterator =
    typeof asyncFactory === 'function' ? asyncFactory.call(body) : (body as Iterable<Uint8Array>)[Symbol.iterator]();
  return (async () => {
    try {
      for (let result = await iterator.next(); !result.done; result = await iterator.next()) checkEmpty(result.value);
    } finally {
      returnIterator(iterator, errors);
    }
  })();
}

function checkEmpty(chunk: unknown): void {
  if (!(chunk instanceof Uint8Array)) throw notBytes(chunk);
  if (chunk.byteLength > 0) throw nonEmpty(chunk.byteLength);
}

function nonEmpty(length: number): TypeError {
  return new TypeError(`the app answered 101 Switching Protocols with a body of ${length} bytes; a 101 has none (return [])`);
}

/**
 * Reads what the client sends while the app decides (a client should send nothing before the
 * 101), so that a client that leaves is noticed (`tsgi.signal`); `stop()` hands the bytes back for
 * `ws` and leaves the socket as node:http left it.
 */
function watchEarlyData(socket: Duplex): { stop(): Buffer[] } {
  const chunks: Buffer[] = [];
  let size = 0;
  const onData = (chunk: Buffer) => {
    size += chunk.byteLength;
    if (size > EARLY_DATA_LIMIT) socket.destroy();
    else chunks.push(chunk);
  };
  // The client closed its side before the handshake: it is not waiting for a WebSocket.
  const onEnd = () => socket.destroy();
  socket.on('data', onData);
  socket.on('end', onEnd);
  return {
    stop() {
      socket.pause();
      socket.off('data', onData);
      socket.off('end', onEnd);
      // As node:http hands an upgraded socket over: whoever listens to 'data' next starts it.
      (socket as { readableFlowing: boolean | null }).readableFlowing = null;
      return chunks;
    },
  };
}

/**
 * @internal The upgrade listener of `serve` (and of {@link toNodeUpgradeListener}).
 */
export function createUpgradeListener(
  app: App,
  options: NodeListenerOptions,
  control: ListenerControl,
  limits: WebSocketLimits,
  sockets: OpenWebSockets,
): NodeUpgradeListener {
  const { context, state } = listenerSetup(options, control);
  const errors = state.errors;
  const handshakes = new WsHandshakes(limits.maxMessageSize);

  function tsgiUpgrade(this: unknown, req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // node:http removed its own listener when it handed the socket over: a reset would crash.
    socket.on('error', ignoreSocketError);
    const previous = (socket as { _httpMessage?: ServerResponse | null })._httpMessage;
    if (previous) {
      // The response to a request pipelined before this one is still going out: answer after it
      // (node:http detaches it from the socket in a 'finish' listener of its own, run first).
      previous.once('finish', () => {
        if ((socket as { _httpMessage?: ServerResponse | null })._httpMessage) socket.destroy();
        else guardedUpgrade.call(this, req, socket, head);
      });
      return;
    }
    const server = serverLimits(this, socket);
    sockets.handshaking(socket);
    const res = new ServerResponse(req);
    res.shouldKeepAlive = false;
    res.assignSocket(socket as Socket);
    // The connection left node:http's parser: it closes once the answer is out.
    res.once('finish', () => (socket as Socket).destroySoon());
    const early = watchEarlyData(socket);
    // The app has as long to answer a handshake as a client has to send a request.
    const timeout = typeof server.requestTimeout === 'number' && server.requestTimeout > 0 ? server.requestTimeout : 0;
    const timer = timeout > 0 ? setTimeout(() => socket.destroy(), timeout) : undefined;
    socket.once('close', () => clearTimeout(timer));
    res.once('finish', () => clearTimeout(timer));

    const refused = refusal(req, server.requireHostHeader !== false);
    if (refused !== undefined) {
      refuseRequest(res, refused, errors, state.log);
      return;
    }
    const environ = environOrRefusal(req, res, context, errors, state.log);
    if (environ === undefined) return;
    const exchange = new Exchange(req, res, environ, state);
    const fail = (error: unknown) => exchange.fail(error);
    if (!isWebSocketHandshake(req.headers.upgrade, req.headers.connection)) {
      // Upgrade: h2c and the like: the server may ignore the header (RFC 9110 section 7.8).
      runApp(app, environ, exchange.startResponse, (body) => exchange.run(body), fail);
      return;
    }

    const offer = new ServerWebSocketOffer(environ, limits);
    environ['tsgi.websocket'] = offer;
    let status: string | undefined;
    let headers: HeaderList = [];
    const startResponse: StartResponse = (line, list, error) => {
      exchange.startResponse(line, list, error);
      status = line;
      headers = list;
    };
    // Anything but the 101 the app may answer: the client gets it, an accepted session is abandoned.
    const refuse = (error: unknown) => {
      offer.settle('500 Internal Server Error');
      exchange.fail(error);
    };
    // ws loads while the app decides.
    if (handshakes.ready === undefined) handshakes.prepare().catch(() => undefined);
    runApp(app, environ, startResponse, answer, refuse);

    function answer(body: Body): void {
      if (status === undefined || !status.startsWith('101')) {
        offer.settle(status);
        exchange.run(body);
        return;
      }
      let drained: Promise<void> | undefined;
      try {
        drained = drainEmptyBody(body, errors);
      } catch (error) {
        refuse(error);
        return;
      }
      if (drained === undefined) upgrade();
      else drained.then(upgrade, refuse).then(undefined, refuse);
    }

    function upgrade(): void {
      let lines: string[];
      try {
        if (offer.settle(status) === undefined) throw new TypeError('the WebSocket offer was not accepted');
        lines = handshakeLines(handshakeHeaders(headers));
      } catch (error) {
        refuse(error);
        return;
      }
      const session = offer.session!;
      const complete = (server: WebSocketServer) => {
        if (socket.destroyed) {
          session.abandon('the client left before the handshake');
          exchange.abort();
          return;
        }
        res.detachSocket(socket as Socket);
        clearTimeout(timer);
        sockets.handshakeDone(socket);
        const ws = handshakes.complete(server, req, socket, Buffer.concat([head, ...early.stop()]), session.protocol, lines);
        if (ws === undefined) {
          session.abandon('the WebSocket handshake did not complete');
          exchange.abort();
          return;
        }
        exchange.upgraded();
        connectSession(ws, session, sockets, limits.pingInterval);
      };
      if (handshakes.ready !== undefined) complete(handshakes.ready);
      else {
        handshakes
          .prepare()
          .then(complete, (error: unknown) => {
            session.abandon('the server could not complete the handshake');
            fail(error);
          })
          .then(undefined, fail);
      }
    }
  }

  // node:http emits 'upgrade' from its parser: a throw here would end the process.
  function guardedUpgrade(this: unknown, req: IncomingMessage, socket: Duplex, head: Buffer): void {
    try {
      tsgiUpgrade.call(this, req, socket, head);
    } catch (error) {
      errors.write(`tsgi: error while answering an upgrade request\n${errorText(error)}\n`);
      socket.destroy();
    }
  }

  return Object.assign(guardedUpgrade, { websockets: sockets });
}
