/**
 * `tsgi.input` over a Node `IncomingMessage`: an async iterable that reads the request body with
 * back-pressure.
 * @module
 */
import type { IncomingMessage } from 'node:http';

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/** The error a body read fails with when the client goes away before sending all of it. */
export class ClientDisconnected extends Error {
  constructor(message = 'the client closed the connection before sending the whole request body') {
    super(message);
    this.name = 'ClientDisconnected';
  }
}

/**
 * Reads one request body. The stream flows only while the app waits for a chunk: each chunk that
 * arrives with nobody waiting pauses the stream, so Node stops reading the socket once its own small
 * buffer is full. Nothing is buffered beyond that, and chunks are handed over as received (no copy).
 *
 * `return()` (a `break` out of `for await`) stops reading without destroying the request, so the app
 * can still answer (a 413, say); the rest of the body is then discarded as Node does for unread bodies.
 */
class NodeInputIterator implements AsyncIterator<Uint8Array, undefined> {
  private readonly req: IncomingMessage;
  private queue: Buffer[] = [];
  private ended = false;
  private failure: Error | undefined;
  private resolveWaiter: ((result: IteratorResult<Uint8Array, undefined>) => void) | undefined;
  private rejectWaiter: ((error: Error) => void) | undefined;
  private detached = false;

  constructor(req: IncomingMessage) {
    this.req = req;
    this.onData = this.onData.bind(this);
    this.onEnd = this.onEnd.bind(this);
    this.onError = this.onError.bind(this);
    this.onClose = this.onClose.bind(this);
    if (req.readableEnded) {
      this.ended = true;
      return;
    }
    req.on('data', this.onData);
    req.on('end', this.onEnd);
    req.on('error', this.onError);
    req.on('close', this.onClose);
    // Start paused: the first next() resumes.
    req.pause();
  }

  next(): Promise<IteratorResult<Uint8Array, undefined>> {
    if (this.queue.length > 0) {
      const value = this.queue.shift() as Buffer;
      return Promise.resolve({ done: false, value });
    }
    if (this.failure) return Promise.reject(this.failure);
    if (this.ended || this.detached) return Promise.resolve(DONE);
    return new Promise((resolve, reject) => {
      this.resolveWaiter = resolve;
      this.rejectWaiter = reject;
      this.req.resume();
    });
  }

  return(): Promise<IteratorResult<Uint8Array, undefined>> {
    this.detach();
    if (!this.ended && !this.req.destroyed) {
      // Nobody will read the rest: let it flow into the void so the connection stays usable.
      this.req.resume();
    }
    return Promise.resolve(DONE);
  }

  private onData(chunk: Buffer): void {
    const resolve = this.resolveWaiter;
    if (resolve) {
      this.resolveWaiter = undefined;
      this.rejectWaiter = undefined;
      resolve({ done: false, value: chunk });
    } else {
      // Nobody is waiting: hold this chunk and stop the flow until the app asks for more.
      this.queue.push(chunk);
      this.req.pause();
    }
  }

  private onEnd(): void {
    this.ended = true;
    this.detach();
    const resolve = this.resolveWaiter;
    if (resolve) {
      this.resolveWaiter = undefined;
      this.rejectWaiter = undefined;
      resolve(DONE);
    }
  }

  private onError(error: Error): void {
    this.fail(error);
  }

  private onClose(): void {
    if (!this.ended) this.fail(new ClientDisconnected());
  }

  private fail(error: Error): void {
    if (this.ended || this.failure) return;
    this.failure = error;
    this.detach();
    const reject = this.rejectWaiter;
    if (reject) {
      this.resolveWaiter = undefined;
      this.rejectWaiter = undefined;
      reject(error);
    }
  }

  private detach(): void {
    if (this.detached) return;
    this.detached = true;
    const req = this.req;
    req.off('data', this.onData);
    req.off('end', this.onEnd);
    req.off('close', this.onClose);
    // Keep an error listener: an unhandled 'error' event would crash the process.
    req.off('error', this.onError);
    req.on('error', ignore);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

function ignore(): void {
  // Errors after the app stopped reading concern nobody.
}

/**
 * The `tsgi.input` of a request with a body: each iteration reads what has not been read yet.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * createServer(async (req, res) => {
 *   let size = 0;
 *   for await (const chunk of new NodeInput(req)) size += chunk.byteLength;
 *   res.end(String(size));
 * });
 * ```
 */
export class NodeInput implements AsyncIterable<Uint8Array> {
  private readonly req: IncomingMessage;

  constructor(req: IncomingMessage) {
    this.req = req;
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array, undefined> {
    return new NodeInputIterator(this.req);
  }
}
