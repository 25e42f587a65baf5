/**
 * `tsgi.input` over a Node `IncomingMessage`: an async iterable that reads the request body with
 * back-pressure.
 * @module
 */
import type { IncomingMessage } from 'node:http';
import { PausedInput } from './paused-input.js';

/**
 * The error a body read fails with when the client goes away before sending all of it.
 *
 * @example
 * ```ts
 * try { for await (const chunk of environ['tsgi.input']) store(chunk); }
 * catch (error) { if (error instanceof ClientDisconnected) discardUpload(); else throw error; }
 * ```
 */
export class ClientDisconnected extends Error {
  constructor(message = 'the client closed the connection before sending the whole request body', options?: ErrorOptions) {
    super(message, options);
    this.name = 'ClientDisconnected';
  }
}

/**
 * Reads one request body (see `PausedInput`). `req.read()` gives what Node has buffered;
 * `complete` is set once the parser has pushed the whole body, so nothing left to read then means
 * the end. The first wait is deferred by a microtask: see `PausedInput.next`.
 */
class NodeInputIterator extends PausedInput<IncomingMessage> {
  private onError: ((error: Error) => void) | undefined;
  private onClose: (() => void) | undefined;

  constructor(req: IncomingMessage) {
    super(req, true);
  }

  protected take(): IteratorResult<Uint8Array, undefined> | null {
    const req = this.source;
    if (req.destroyed && !req.complete) {
      this.fail(new ClientDisconnected());
      return null;
    }
    const chunk = req.read() as Buffer | null;
    if (chunk !== null) return { done: false, value: chunk };
    return req.complete ? this.end() : null;
  }

  protected listen(req: IncomingMessage, onReadable: () => void): void {
    // Bound only now: the common small body never needs them.
    this.onError ??= this.errored.bind(this);
    this.onClose ??= this.closed.bind(this);
    req.on('readable', onReadable);
    req.on('end', onReadable);
    req.on('error', this.onError);
    req.on('close', this.onClose);
  }

  protected unlisten(req: IncomingMessage, onReadable: () => void): void {
    req.off('readable', onReadable);
    req.off('end', onReadable);
    req.off('close', this.onClose!);
    req.off('error', this.onError!);
    // An 'error' event with no listener would crash the process; errors after this concern nobody.
    if (req.listenerCount('error') === 0) req.on('error', ignore);
  }

  /** Node's own error for a lost connection ('aborted', ECONNRESET) becomes one the app can name. */
  private errored(error: Error): void {
    this.fail(this.source.complete ? error : new ClientDisconnected(undefined, { cause: error }));
  }

  private closed(): void {
    if (!this.source.complete) this.fail(new ClientDisconnected());
  }
}

function ignore(): void {
  // See `unlisten`.
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
