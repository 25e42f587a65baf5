/**
 * @internal The part of a request body reader that HTTP/1.1 (`input.ts`) and HTTP/2
 * (`http2/input.ts`) share: paused-mode reading, one waiting `next()` at a time, failing once.
 * @module
 */

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/** What a body is read from: an `IncomingMessage` or a `ServerHttp2Stream`. */
export interface BodySource {
  readonly destroyed: boolean;
  resume(): unknown;
}

/**
 * Reads one request body in paused mode: each `next()` takes what Node has buffered (`take`), and
 * only when nothing is there does it listen (`listen`) and wait for `readable`. Node reads from
 * the client only while its small buffer has room, so an app that stops pulling stops the upload.
 * A body at hand is read with no listener, event or tick at all.
 *
 * `return()` (a `break` out of `for await`) stops reading without destroying the source, so the
 * app can still answer (a 413, say); the rest of the body then flows into the void.
 */
export abstract class PausedInput<S extends BodySource> implements AsyncIterator<Uint8Array, undefined> {
  private resolveWaiter: ((result: IteratorResult<Uint8Array, undefined>) => void) | undefined;
  private rejectWaiter: ((error: Error) => void) | undefined;
  private failure: Error | undefined;
  private listening = false;
  private deferred: boolean;
  private finished = false;
  /** Bound only when first needed: the common small body never waits. */
  private onReadable: (() => void) | undefined;

  /** `deferFirstWait`: before listening, look once more a microtask later (see `next`). */
  constructor(
    protected readonly source: S,
    deferFirstWait: boolean,
  ) {
    this.deferred = !deferFirstWait;
  }

  next(): Promise<IteratorResult<Uint8Array, undefined>> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.finished) return Promise.resolve(DONE);
    const result = this.take();
    if (result !== null) return Promise.resolve(result);
    // take() may have found the source torn down and failed it; no 'close' will come again.
    if (this.failure) return Promise.reject(this.failure);
    if (!this.deferred) {
      // Asked for during node:http's 'request' event, a body is not parsed yet even when it came
      // in the same packet as the headers: Node parses it right after. One microtask later it is
      // there, which spares the listeners for every small body.
      this.deferred = true;
      return Promise.resolve().then(() => this.next());
    }
    if (!this.listening) {
      this.listening = true;
      this.listen(this.source, (this.onReadable ??= () => this.readable()));
    }
    return new Promise((resolve, reject) => {
      this.resolveWaiter = resolve;
      this.rejectWaiter = reject;
    });
  }

  return(): Promise<IteratorResult<Uint8Array, undefined>> {
    const early = !this.finished && !this.failure;
    this.finish();
    // Nobody will read the rest: let it flow into the void so the connection stays usable.
    if (early && !this.source.destroyed) this.source.resume();
    return Promise.resolve(DONE);
  }

  /** A chunk or the end when one is at hand (`end()` gives the end), else `null`. */
  protected abstract take(): IteratorResult<Uint8Array, undefined> | null;

  /** Starts listening: `onReadable` is for whatever may make `take` give something. */
  protected abstract listen(source: S, onReadable: () => void): void;

  /** Undoes `listen`. */
  protected abstract unlisten(source: S, onReadable: () => void): void;

  /** For `take`: the body is over. */
  protected end(): IteratorReturnResult<undefined> {
    this.finish();
    return DONE;
  }

  private readable(): void {
    const resolve = this.resolveWaiter;
    if (!resolve) return;
    const result = this.take();
    if (result === null) return;
    this.resolveWaiter = undefined;
    this.rejectWaiter = undefined;
    resolve(result);
  }

  /** Fails the read, once: this `next()` if one is waiting, else the next one. */
  protected fail(error: Error): void {
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
    this.unlisten(this.source, this.onReadable!);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
