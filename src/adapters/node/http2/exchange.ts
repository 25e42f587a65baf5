/**
 * One request/response exchange between an HTTP/2 stream and a tsgi app: the HTTP/2 twin of
 * `Exchange` (`../exchange.ts`), over Node's core stream API (`respond`, `write`, `end`,
 * `destroy` for RST_STREAM). Iterator bodies go through the same `BodyPump`.
 * @module
 */
import type { ServerHttp2Stream } from 'node:http2';
import type { Body, Environ, HeaderList, StartResponse, TextBody } from '../../../gateway.js';
import { setSignalSource, type SignalSource } from '../../../signal.js';
import { BodyPump, notBytes, type AnyIterator, type PumpedExchange } from '../body-pump.js';
import { endExchange, reportAppError, requestName, type EndingExchange } from '../exchange-end.js';
import { checkRestart, notHeaderList, runBody, type RunExchange } from '../exchange-run.js';
import type { ListenerState } from '../exchange.js';
import { statusOf } from '../head.js';
import { responseHead } from './headers.js';

const ERROR_BODY = Buffer.from('Internal Server Error\n');
const ERROR_HEADERS = {
  ':status': 500,
  'content-type': 'text/plain; charset=utf-8',
  'content-length': String(ERROR_BODY.byteLength),
};


/**
 * @internal One HTTP/2 exchange, and the source of the request's `tsgi.signal`. What differs from
 * HTTP/1.1: no reason phrase and no framing headers (DATA frames and END_STREAM frame the body);
 * connection-specific headers are dropped (`headers.ts`); a broken response is a RST_STREAM of
 * this stream only, not a cut connection; and since no framing hides a length mismatch, the
 * announced `Content-Length` is enforced here (spec rule 7.5).
 */
export class Http2Exchange implements SignalSource, PumpedExchange, RunExchange, EndingExchange {
  readonly startResponse: StartResponse;
  statusCode = 0;
  private headers: HeaderList | null = null;
  private headSent = false;
  /** The head went out with END_STREAM (HEAD, 204, 205, 304): no body may follow. */
  private noBody = false;
  /** Our side of the stream is ended (or reset): what was to be sent has been handed to Node. */
  private ended = false;
  /** Bytes the announced Content-Length still allows; -1 when none was announced. */
  private remaining = -1;
  iterator: AnyIterator | null = null;
  private aborted = false;
  private done = false;
  bytes = 0;
  private readonly head: boolean;
  readonly started: number;
  private controller: AbortController | undefined = undefined;

  constructor(
    readonly response: ServerHttp2Stream,
    readonly environ: Environ,
    readonly state: ListenerState,
  ) {
    this.head = environ.REQUEST_METHOD === 'HEAD';
    this.started = state.log ? performance.now() : 0;
    this.startResponse = (status, headers, error) => this.start(status, headers, error);
    setSignalSource(environ, this);
  }

  /**
   * `tsgi.signal`: aborted when the stream closes before the response was handed over in full (a
   * client reset, a lost connection, a forced shutdown, a timeout, a body that failed after the
   * head). Not `writableFinished`, as on HTTP/1.1: Node sets it also for a stream the client reset.
   */
  get signal(): AbortSignal {
    let controller = this.controller;
    if (controller === undefined) {
      controller = this.controller = new AbortController();
      const stream = this.response;
      if (this.aborted || (stream.destroyed && !this.ended)) controller.abort();
      // First in line: the app must learn of it before the body is closed (spec rule 8.4).
      else if (!this.done) stream.prependOnceListener('close', () => this.abortSignal());
    }
    return controller.signal;
  }

  private abortSignal(): void {
    if (!this.ended) this.controller?.abort();
  }

  private start(status: string, headers: HeaderList, error?: unknown): void {
    if (this.headers !== null) checkRestart(this.headSent, error);
    const parsed = statusOf(status);
    if (!Array.isArray(headers)) throw notHeaderList();
    this.statusCode = parsed.code;
    this.headers = headers;
  }

  /** Runs the body the app returned. */
  run(body: Body): void {
    runBody(this, body);
  }

  /** Any other iterable body: `BodyPump` writes it with back-pressure. */
  runIterator(iterator: AnyIterator, isAsync: boolean): void {
    this.iterator = iterator;
    const stream = this.response;
    if (stream.destroyed) {
      // The client left while the app was still working.
      this.abort();
      return;
    }
    // The pump's own check (`writableFinished`) misses a reset stream on HTTP/2; this one does not.
    stream.on('close', () => this.abort());
    new BodyPump(this, iterator, isAsync).start();
  }

  runArray(chunks: Uint8Array[]): void {
    if (this.response.destroyed) {
      this.abort();
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
    if (!this.sendHead(total)) return;
    if (this.noBody || total === 0) {
      this.end();
      return;
    }
    if (chunks.length === 1 && (this.remaining === -1 || this.remaining === total)) {
      this.finishWith(chunks[0], total);
      return;
    }
    for (let i = 0; i < chunks.length && !this.done; i++) if (chunks[i].byteLength > 0) this.write(chunks[i]);
    this.end();
  }

  /** A text body: handed to Node as a string, encoded once, on its way into the DATA frames. */
  runText(body: TextBody): void {
    if (this.response.destroyed) {
      this.abort();
      return;
    }
    const length = body.byteLength;
    if (!this.sendHead(length)) return;
    if (this.noBody || length === 0) {
      this.end();
      return;
    }
    if (this.remaining === -1 || this.remaining === length) {
      this.finishWith(body.text, length);
      return;
    }
    // The app announced another length: count the bytes like any other body.
    this.write(new TextEncoder().encode(body.text));
    this.end();
  }

  /** Sends the head for a body known in full; false when the exchange is over already. */
  private sendHead(length: number): boolean {
    try {
      this.writeHead(length);
    } catch (error) {
      this.fail(error);
      return false;
    }
    return !this.done;
  }

  private finishWith(data: Uint8Array | string, length: number): void {
    this.ended = true;
    this.bytes = length;
    this.response.end(data);
    this.finished();
  }

  /**
   * Sends the head. `knownLength` is the whole body's size when known, else -1 (see
   * `responseHead`). A stream the client has reset meanwhile ends the exchange instead.
   */
  writeHead(knownLength: number): void {
    const headers = this.headers;
    if (headers === null) throw new Error('the app did not call startResponse before returning its body');
    const stream = this.response;
    if (stream.destroyed) {
      this.abort();
      return;
    }
    const code = this.statusCode;
    const head = responseHead(code, headers, knownLength, this.head);
    // Node would end these streams itself; saying so keeps our state in step.
    const noBody = this.head || code === 204 || code === 205 || code === 304;
    stream.respond(head.headers, { endStream: noBody });
    this.headSent = true;
    this.noBody = noBody;
    if (noBody) this.ended = true;
    else this.remaining = head.contentLength;
  }

  /** The body ended normally: end the stream, then close the iterator. */
  end(): void {
    if (this.done) return;
    if (!this.headSent && !this.sendHead(0)) return;
    if (this.remaining > 0) {
      this.fail(new Error(`the body ended ${this.remaining} bytes short of its Content-Length`));
      return;
    }
    if (!this.ended) {
      this.ended = true;
      this.response.end();
    }
    this.finished();
  }

  /**
   * Counts a chunk and writes it; false when the stream's buffer is full (flow control holds it
   * back). Bytes past the announced Content-Length are not sent: the stream ends with the
   * announced ones and the rest of the body is abandoned.
   */
  write(chunk: Uint8Array): boolean {
    if (this.done) return false;
    const remaining = this.remaining;
    if (remaining !== -1) {
      if (chunk.byteLength > remaining) {
        this.overflow(chunk, remaining);
        return false;
      }
      this.remaining = remaining - chunk.byteLength;
    }
    this.bytes += chunk.byteLength;
    return this.response.write(chunk);
  }

  private overflow(chunk: Uint8Array, allowed: number): void {
    this.state.errors.write(
      `tsgi: the app serving ${requestName(this.environ)} produced more body bytes than its Content-Length; the rest was dropped\n`,
    );
    this.bytes += allowed;
    this.ended = true;
    this.response.end(allowed > 0 ? chunk.subarray(0, allowed) : undefined);
    // Stops the pump: nothing more of this body will be sent.
    this.aborted = true;
    this.controller?.abort();
    this.finished();
  }

  /** Whether no body may be written now: HEAD and bodyless statuses, or a stream already over. */
  get isHead(): boolean {
    return this.noBody || this.done;
  }

  get headersSent(): boolean {
    return this.headSent;
  }

  get isAborted(): boolean {
    return this.aborted;
  }

  /** The client went away (or the stream was closed) before the response finished. */
  abort(): void {
    if (this.done) return;
    this.aborted = true;
    this.controller?.abort();
    this.finished();
  }

  /** The app failed: a 500 when nothing was sent yet, else this stream (only) is reset. */
  fail(error: unknown): void {
    if (this.done) return;
    reportAppError(this.state.errors, this.environ, error);
    const stream = this.response;
    if (!this.headSent && !stream.headersSent && !stream.destroyed) {
      this.statusCode = 500;
      this.bytes = this.head ? 0 : ERROR_BODY.byteLength;
      this.ended = true;
      try {
        stream.respond(ERROR_HEADERS, { endStream: this.head });
        if (!this.head) stream.end(ERROR_BODY);
      } catch (respondError) {
        // The stream is closing under us: there is nobody left to answer.
        stream.destroy(respondError as Error);
      }
    } else {
      // Part of a response went out: a reset is how HTTP/2 says it is broken. Not `close(code)`,
      // which ends the stream first: the client would take what it got for the whole body.
      this.aborted = true;
      this.controller?.abort();
      if (!stream.destroyed) stream.destroy(error instanceof Error ? error : new Error(String(error)));
    }
    this.finished();
  }

  /** For the access log: the client left before the head went out (`EndedExchange`). */
  get abortedBeforeHead(): boolean {
    return this.aborted && !this.headSent;
  }

  /** Closes the iterator, lets an unread request body go, writes the access log line; once. */
  private finished(): void {
    if (this.done) return;
    this.done = true;
    const stream = this.response;
    // As node:http does on HTTP/1.1: a body the app did not read is discarded, so flow control
    // lets the client finish sending it and the stream can close.
    if (!stream.endAfterHeaders && !stream.readableEnded && !stream.destroyed) stream.resume();
    endExchange(this);
  }
}
