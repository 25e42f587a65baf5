/**
 * Writing an iterator body to node:http with back-pressure (see `BodyPump`).
 * @module
 */

/** A body's iterator, synchronous or not. */
export type AnyIterator = Iterator<Uint8Array> | AsyncIterator<Uint8Array>;

/** The error for a body chunk that is not a `Uint8Array`. */
export function notBytes(value: unknown): TypeError {
  const kind = value === null ? 'null' : typeof value === 'object' ? value.constructor?.name ?? 'object' : typeof value;
  return new TypeError(`the app yielded a ${kind} body chunk; chunks must be Uint8Array`);
}

/**
 * @internal What `BodyPump` drives: the HTTP/1.1 `Exchange`, or the HTTP/2 one. `response` is the
 * writable whose `'drain'` and `'close'` it waits for.
 */
export interface PumpedExchange {
  readonly response: {
    on(event: 'close', listener: () => void): unknown;
    once(event: 'drain', listener: () => void): unknown;
    readonly writableFinished: boolean;
  };
  readonly isAborted: boolean;
  readonly headersSent: boolean;
  /** True once the head is sent when no body may follow it (HEAD; on HTTP/2 also 204, 205, 304). */
  readonly isHead: boolean;
  writeHead(knownLength: number): void;
  write(chunk: Uint8Array): boolean;
  end(): void;
  fail(error: unknown): void;
  abort(): void;
}

/**
 * Pulls chunks from a body iterator and writes them, one at a time: the next chunk is pulled only
 * when the previous write went into the socket without filling its buffer, or after `drain`.
 * Synchronous iterators run in a plain loop; the bound callbacks are made once per response, not
 * per chunk.
 */
export class BodyPump {
  constructor(
    private readonly exchange: PumpedExchange,
    private readonly iterator: AnyIterator,
    private readonly isAsync: boolean,
  ) {}

  start(): void {
    this.exchange.response.on('close', this.onClose);
    this.step();
  }

  private readonly onClose = (): void => {
    if (!this.exchange.response.writableFinished) this.exchange.abort();
  };

  private readonly onResult = (result: IteratorResult<Uint8Array>): void => {
    if (this.handle(result)) this.step();
  };

  private readonly onError = (error: unknown): void => {
    this.exchange.fail(error);
  };

  private readonly onDrain = (): void => {
    if (!this.exchange.isAborted) this.step();
  };

  private step(): void {
    const iterator = this.iterator;
    for (;;) {
      let result: IteratorResult<Uint8Array> | Promise<IteratorResult<Uint8Array>>;
      try {
        result = this.isAsync
          ? (iterator as AsyncIterator<Uint8Array>).next()
          : (iterator as Iterator<Uint8Array>).next();
      } catch (error) {
        this.exchange.fail(error);
        return;
      }
      if (this.isAsync) {
        (result as Promise<IteratorResult<Uint8Array>>).then(this.onResult, this.onError);
        return;
      }
      if (!this.handle(result as IteratorResult<Uint8Array>)) return;
    }
  }

  /** Handles one result; true when the next chunk may be pulled right away. */
  private handle(result: IteratorResult<Uint8Array>): boolean {
    const exchange = this.exchange;
    if (exchange.isAborted) return false;
    try {
      if (result.done) {
        exchange.end();
        return false;
      }
      const chunk = result.value;
      if (!(chunk instanceof Uint8Array)) throw notBytes(chunk);
      if (chunk.byteLength === 0) return true;
      if (!exchange.headersSent) {
        exchange.writeHead(-1);
        if (exchange.isHead) {
          // HEAD: the head is all the client gets; stop the body here.
          exchange.end();
          return false;
        }
      }
      if (exchange.write(chunk)) return true;
    } catch (error) {
      exchange.fail(error);
      return false;
    }
    exchange.response.once('drain', this.onDrain);
    return false;
  }
}
