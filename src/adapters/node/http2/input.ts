/**
 * `tsgi.input` over an HTTP/2 stream: the request body read with back-pressure, which on HTTP/2
 * is flow control: data the app has not read is not acknowledged, so the client stops sending.
 * @module
 */
import type { ServerHttp2Stream } from 'node:http2';
import { ClientDisconnected } from '../input.js';

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * Reads one stream's body in paused mode, like `NodeInput` on HTTP/1.1: each `next()` takes what
 * Node has buffered (`stream.read()`) and waits for `readable` only when nothing is there. The
 * end is `readableEnded` (Node emits `end` once the client's END_STREAM is read); a stream
 * destroyed before that is a client that left (`ClientDisconnected`). `return()` stops reading
 * and lets the rest flow into the void, so the app can still answer (a 413, say).
 */
class Http2InputIterator implements AsyncIterator<Uint8Array, undefined> {
  private resolveWaiter: ((result: IteratorResult<Uint8Array, undefined>) => void) | undefined;
  private rejectWaiter: ((error: Error) => void) | undefined;
  private failure: Error | undefined;
  private listening = false;
  private finished = false;

  constructor(private readonly stream: ServerHttp2Stream) {}

  next(): Promise<IteratorResult<Uint8Array, undefined>> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.finished) return Promise.resolve(DONE);
    const result = this.take();
    if (result !== null) return Promise.resolve(result);
    if (this.failure) return Promise.reject(this.failure);
    this.listen();
    return new Promise((resolve, reject) => {
      this.resolveWaiter = resolve;
      this.rejectWaiter = reject;
    });
  }

  return(): Promise<IteratorResult<Uint8Array, undefined>> {
    const early = !this.finished && !this.failure;
    this.finish();
    if (early && !this.stream.destroyed) this.stream.resume();
    return Promise.resolve(DONE);
  }

  /** A chunk or the end when one is at hand, else `null`. */
  private take(): IteratorResult<Uint8Array, undefined> | null {
    const stream = this.stream;
    if (stream.readableEnded) {
      this.finish();
      return DONE;
    }
    if (stream.destroyed) {
      this.fail(new ClientDisconnected('the client reset the stream before sending the whole request body'));
      return null;
    }
    const chunk = stream.read() as Buffer | null;
    return chunk === null ? null : { done: false, value: chunk };
  }

  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    const stream = this.stream;
    stream.on('readable', this.onReadable);
    stream.on('end', this.onReadable);
    stream.on('close', this.onReadable);
    stream.on('error', this.onError);
  }

  private readonly onReadable = (): void => {
    const resolve = this.resolveWaiter;
    if (!resolve) return;
    const result = this.take();
    if (result === null) return;
    this.resolveWaiter = undefined;
    this.rejectWaiter = undefined;
    resolve(result);
  };

  private readonly onError = (error: Error): void => {
    if (!this.stream.readableEnded) this.fail(new ClientDisconnected(undefined, { cause: error }));
  };

  private fail(error: Error): void {
    if (this.finished || this.failure) return;
    this.failure = error;
    this.finish();
    const reject = this.rejectWaiter;
    if (reject) {
      this.resolveWaiter = undefined;
      this.rejectWaiter = undefined;
      reject(error);
    }
  }

  private finish(): void {
    this.finished = true;
    if (!this.listening) return;
    this.listening = false;
    const stream = this.stream;
    stream.off('readable', this.onReadable);
    stream.off('end', this.onReadable);
    stream.off('close', this.onReadable);
    stream.off('error', this.onError);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/**
 * The `tsgi.input` of an HTTP/2 request with a body.
 *
 * @example
 * ```ts
 * server.on('stream', async (stream) => {
 *   let size = 0;
 *   for await (const chunk of new Http2Input(stream)) size += chunk.byteLength;
 *   stream.respond({ ':status': 200 });
 *   stream.end(String(size));
 * });
 * ```
 */
export class Http2Input implements AsyncIterable<Uint8Array> {
  constructor(private readonly stream: ServerHttp2Stream) {}

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array, undefined> {
    return new Http2InputIterator(this.stream);
  }
}
