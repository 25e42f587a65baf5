/**
 * One request/response exchange between Node and a tsgi app: `startResponse`, running the body
 * (arrays and text at once, iterators through `BodyPump`), closing the body iterator exactly once,
 * error handling and the access log line.
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Body, Environ, ErrorStream, HeaderList, StartResponse, TextBody } from '../../gateway.js';
import type { AccessLogEntry } from './access-log.js';
import { BodyPump, notBytes, type AnyIterator } from './body-pump.js';
import { endExchange, reportAppError, type EndingExchange } from './exchange-end.js';
import { checkRestart, notHeaderList, runBody, type RunExchange } from './exchange-run.js';
import { framing, hasPresetHeaders, sendHead, statusOf } from './head.js';
import { setSignalSource, type SignalSource } from '../../signal.js';

/** @internal What every exchange of one listener shares. */
export interface ListenerState {
  errors: ErrorStream;
  control: { draining: boolean };
  log: ((entry: AccessLogEntry, now: number) => void) | null;
}

const ERROR_BODY = Buffer.from('Internal Server Error\n');
const ERROR_HEADERS: HeaderList = [
  ['Content-Type', 'text/plain; charset=utf-8'],
  ['Content-Length', String(ERROR_BODY.byteLength)],
];


/**
 * @internal One request/response exchange. It is also the source of the request's
 * `tsgi.signal`, which it makes only when the app reads it. The fields `exchange-end.ts` reads
 * (`EndingExchange`) are public for it; nothing else writes them.
 */
export class Exchange implements SignalSource, RunExchange, EndingExchange {
  readonly startResponse: StartResponse;
  statusCode = 0;
  private reason = '';
  private headers: HeaderList | null = null;
  private headSent = false;
  iterator: AnyIterator | null = null;
  private aborted = false;
  private done = false;
  bytes = 0;
  readonly started: number;
  private controller: AbortController | undefined = undefined;

  constructor(
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
    readonly environ: Environ,
    readonly state: ListenerState,
  ) {
    this.started = state.log ? performance.now() : 0;
    this.startResponse = (status, headers, error) => this.start(status, headers, error);
    setSignalSource(environ, this);
  }

  /**
   * `tsgi.signal`: aborted when the response is abandoned (the client went away, a timeout or a
   * forced shutdown closed the connection, the body failed after the headers went out), never once
   * it was sent in full.
   */
  get signal(): AbortSignal {
    let controller = this.controller;
    if (controller === undefined) {
      controller = this.controller = new AbortController();
      const res = this.res;
      if (this.aborted || (res.destroyed && !res.writableFinished)) controller.abort();
      // First in line: the app must learn of it before BodyPump closes the body (spec rule 8.4).
      else if (!this.done) res.prependOnceListener('close', () => this.abortSignal());
    }
    return controller.signal;
  }

  private abortSignal(): void {
    if (!this.res.writableFinished) this.controller?.abort();
  }

  private start(status: string, headers: HeaderList, error?: unknown): void {
    if (this.headers !== null) checkRestart(this.headSent, error);
    const parsed = statusOf(status);
    if (!Array.isArray(headers)) throw notHeaderList();
    this.statusCode = parsed.code;
    this.reason = parsed.reason;
    this.headers = headers;
  }

  /** Runs the body the app returned. */
  run(body: Body): void {
    runBody(this, body);
  }

  /** Any other iterable body: `BodyPump` writes it with back-pressure. */
  runIterator(iterator: AnyIterator, isAsync: boolean): void {
    this.iterator = iterator;
    if (this.res.destroyed) {
      // The client left while the app was still working.
      this.abort();
      return;
    }
    new BodyPump(this, iterator, isAsync).start();
  }

  /** The fast path: a body given as an array of chunks, all known now. */
  runArray(chunks: Uint8Array[]): void {
    if (this.res.destroyed) {
      this.aborted = true;
      this.finished();
      return;
    }
    let total = 0;
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i];
      if (!(chunk instanceof Uint8Array)) {
        this.fail(notBytes(chunk));
        return;
      }
      total += chunk.byteLength;
    }
    try {
      this.writeHead(total);
    } catch (error) {
      this.fail(error);
      return;
    }
    const res = this.res;
    if (chunks.length === 1 || total === 0 || this.req.method === 'HEAD') {
      res.end(total === 0 || this.req.method === 'HEAD' ? undefined : chunks[0]);
    } else {
      res.cork();
      for (let i = 0; i < chunks.length; i++) if (chunks[i].byteLength > 0) res.write(chunks[i]);
      res.end();
      res.uncork();
    }
    this.bytes = this.req.method === 'HEAD' ? 0 : total;
    this.finished();
  }

  /**
   * A text body: Node writes the string into the socket together with the head, in one write,
   * without the body ever becoming a `Uint8Array`.
   */
  runText(body: TextBody): void {
    if (this.res.destroyed) {
      this.aborted = true;
      this.finished();
      return;
    }
    const head = this.req.method === 'HEAD';
    const length = body.byteLength;
    try {
      this.writeHead(length);
    } catch (error) {
      this.fail(error);
      return;
    }
    this.res.end(head || length === 0 ? undefined : body.text, 'utf8');
    this.bytes = head ? 0 : length;
    this.finished();
  }

  /**
   * Sends the status line and headers. `knownLength` is the whole body's size when known (the body
   * was an array, or it ended before its first non-empty chunk): then a missing Content-Length is
   * added, so small responses are not sent chunked.
   */
  writeHead(knownLength: number): void {
    const headers = this.headers;
    if (headers === null) throw new Error('the app did not call startResponse before returning its body');
    let list = headers;
    const code = this.statusCode;
    // An empty body answering HEAD says nothing about the GET body's length: add nothing then.
    const sized = knownLength > 0 || (knownLength === 0 && this.req.method !== 'HEAD');
    if (sized && code >= 200 && code !== 204 && code !== 304 && framing(headers) === 0) {
      list = headers.slice();
      list.push(['Content-Length', String(knownLength)]);
    }
    this.closeIfDraining();
    sendHead(this.res, code, this.reason === '' ? undefined : this.reason, list);
    this.headSent = true;
  }

  /** The body ended normally: finish the response, then close the iterator. */
  end(): void {
    if (!this.headSent) {
      try {
        this.writeHead(0);
      } catch (error) {
        this.fail(error);
        return;
      }
    }
    this.res.end();
    this.finished();
  }

  /** Counts a chunk about to be written and writes it; false when the socket buffer is full. */
  write(chunk: Uint8Array): boolean {
    this.bytes += chunk.byteLength;
    return this.res.write(chunk);
  }

  get isHead(): boolean {
    return this.req.method === 'HEAD';
  }

  get headersSent(): boolean {
    return this.headSent;
  }

  get isAborted(): boolean {
    return this.aborted;
  }

  get response(): ServerResponse {
    return this.res;
  }

  /**
   * The app accepted a WebSocket and the server sent the 101 itself (`websocket-upgrade.ts`):
   * the exchange is over, logged as a 101 with no body.
   */
  upgraded(): void {
    this.statusCode = 101;
    this.finished();
  }

  /** The client went away before the response finished. */
  abort(): void {
    if (this.done) return;
    this.aborted = true;
    this.controller?.abort();
    this.finished();
  }

  /** The app failed: a 500 when nothing was sent yet, else the connection is cut. */
  fail(error: unknown): void {
    if (this.done) return;
    reportAppError(this.state.errors, this.environ, error);
    const res = this.res;
    if (!this.headSent && !res.headersSent && !res.destroyed) {
      this.statusCode = 500;
      this.bytes = this.req.method === 'HEAD' ? 0 : ERROR_BODY.byteLength;
      // Drop whatever a failed attempt (or a framework) set: the error page stands alone.
      if (hasPresetHeaders(res)) for (const name of res.getHeaderNames()) res.removeHeader(name);
      this.closeIfDraining();
      sendHead(res, 500, undefined, ERROR_HEADERS);
      res.end(ERROR_BODY);
    } else {
      // Part of a response went out: cutting the connection is the only way to say it is broken.
      this.aborted = true;
      this.controller?.abort();
      res.destroy();
    }
    this.finished();
  }

  /**
   * A server shutting down answers with `Connection: close`, also a request that came before the
   * shutdown began: the client then does not send another one on a connection about to close.
   */
  private closeIfDraining(): void {
    if (this.state.control.draining) this.res.shouldKeepAlive = false;
  }

  /** For the access log: the client left before the head went out (`EndedExchange`). */
  get abortedBeforeHead(): boolean {
    return this.aborted && !this.headSent;
  }

  /** Closes the iterator and writes the access log line, once: `done` guards both. */
  private finished(): void {
    if (this.done) return;
    this.done = true;
    endExchange(this);
  }
}
