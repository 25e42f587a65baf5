/**
 * `EventStream`: what a server-sent events producer writes to, and the response body a server
 * pulls from it. A hand-written iterator, not an async generator: a generator waiting for its next
 * event cannot see that the client left (JavaScript queues `return()` behind the pending `await`;
 * measured with `toNodeListener`: the generator's `finally` ran only when the next event came). Here
 * `return()` settles at once and aborts {@link EventStream.signal}, so producers stop while idle.
 * @module
 */
import type { Environ } from '../../gateway.js';
import { formatComment, formatEvent, type ServerSentEvent } from '../../http/sse.js';
import { streamSettings, type EventStreamOptions, type EventStreamOverflow, type EventStreamSource } from './options.js';
import { encodeUtf8 } from '../../http/utf8.js';
import { requestSignal } from '../../signal.js';
import { SERVED_TO } from '../body.js';
import { EventQueue } from './queue.js';

type Step = IteratorResult<Uint8Array, undefined>;
type State = 'open' | 'closing' | 'closed';

const DONE: Step = Object.freeze({ done: true, value: undefined }) as Step;
const RESOLVED: Promise<void> = Promise.resolve();
const noop = () => {};

function closedError(message: string): DOMException {
  return new DOMException(message, 'AbortError');
}

let openStream: (source: EventStreamSource, options: EventStreamOptions, pump: Pump) => EventStreamBody;

/** @internal Sends an iterable source into a stream (given by the caller, which owns `abortable`). */
export type Pump = (source: AsyncIterable<ServerSentEvent | string> | Iterable<ServerSentEvent | string>, stream: EventStream) => Promise<void>;

/**
 * @internal The body a server pulls: single-use, its own iterator. `SERVED_TO` links the stream to
 * the request's `tsgi.signal` when the response is served.
 */
export interface EventStreamBody extends AsyncIterableIterator<Uint8Array> {
  [SERVED_TO](environ: Environ): void;
  /** The stream the producer writes to. */
  readonly stream: EventStream;
}

/**
 * @internal The body of a new event stream for `source`. The producer starts when the server pulls
 * the first chunk (never, for HEAD or a 204).
 */
export function eventStreamBody(source: EventStreamSource, options: EventStreamOptions, pump: Pump): EventStreamBody {
  return openStream(source, options, pump);
}

/**
 * A server-sent event stream, as its producer sees it: `send()` events, `comment()`, `close()`,
 * and `signal` / `onClose()` to stop when it ends. Made by `Response.eventStream`.
 *
 * Events wait in a bounded queue until the server pulls them (it pulls as fast as the client
 * reads). `await stream.send(event)` resolves when there is room, so a producer that awaits never
 * holds more than `queueSize` events; one that does not await (a subscription callback) meets the
 * `overflow` policy instead. Once the stream has closed, `send()` rejects with `signal.reason`; that
 * rejection is already handled, so a callback that ignores the promise does not crash the process,
 * and a loop that awaits it stops.
 *
 * @example
 * ```ts
 * const app = Request.application((req) =>
 *   Response.eventStream(async (stream) => {
 *     for (let i = 0; i < 3; i++) await stream.send({ id: String(i), data: `tick ${i}` });
 *     stream.close();
 *   }),
 * );
 * ```
 */
export class EventStream {
  readonly #controller = new AbortController();
  readonly #queue: EventQueue;
  readonly #overflow: EventStreamOverflow;
  readonly #heartbeat: number | false;
  readonly #opening: string;
  /** The opening line, until the first chunk takes it; not in the queue, so it never counts against it. */
  #openingBytes: Uint8Array | undefined;
  #state: State = 'open';
  #failure: { error: unknown } | undefined;
  #waiter: { resolve: (step: Step) => void; reject: (error: unknown) => void } | undefined;
  #closedSend: Promise<void> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastSent = 0;
  #dropped = 0;
  #started = false;
  #environ: Environ | undefined;
  #unfollow: (() => void) | undefined;

  static {
    openStream = (source, options, pump) => {
      const stream = new EventStream(options);
      const start = () => {
        if (typeof source === 'function') return source(stream);
        return pump(source, stream);
      };
      const body: EventStreamBody = {
        stream,
        next: () => stream.#next(start),
        return: () => {
          stream.#abandon(closedError('the server closed the event stream: the client went away'));
          return Promise.resolve(DONE);
        },
        [Symbol.asyncIterator]: () => body,
        [SERVED_TO]: (environ: Environ) => stream.#follow(environ),
      };
      return body;
    };
  }

  private constructor(options: EventStreamOptions) {
    const settings = streamSettings(options);
    this.#heartbeat = settings.heartbeat;
    this.#queue = new EventQueue(settings.queueSize);
    this.#overflow = settings.overflow;
    this.#opening = settings.opening;
  }

  /** Aborted when the stream closes: the client left, the app closed it, or the producer failed. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** True once the stream is closed to new events. */
  get closed(): boolean {
    return this.#state !== 'open';
  }

  /** Events dropped so far by the `'drop-oldest'` overflow policy. */
  get dropped(): number {
    return this.#dropped;
  }

  /** Events (and comments) waiting for the client. */
  get queued(): number {
    return this.#queue.length;
  }

  /**
   * Queues an event (a string is the `data`). Resolves when the queue has room for another one;
   * rejects with `signal.reason` once the stream is closed. An invalid event (CR, LF or NUL in
   * `event` or `id`, a bad `retry`; see `formatEvent`) throws a `TypeError` at once.
   *
   * @example
   * ```ts
   * await stream.send({ event: 'price', id: '42', data: JSON.stringify(price) });
   * await stream.send('plain data');
   * ```
   */
  send(event: ServerSentEvent | string): Promise<void> {
    const text = formatEvent(typeof event === 'string' ? { data: event } : event);
    return this.#push(encodeUtf8(text));
  }

  /**
   * Queues a comment (ignored by clients; `:` lines). The heartbeat sends these by itself.
   *
   * @example
   * ```ts
   * await stream.comment('catching up');
   * ```
   */
  comment(text?: string): Promise<void> {
    return this.#push(encodeUtf8(formatComment(text)));
  }

  /**
   * Ends the stream once the events already queued are sent; `signal` aborts now and later sends
   * reject. The browser reconnects after its retry delay: to make it stop, answer its next request
   * with 204 No Content.
   *
   * @example
   * ```ts
   * await stream.send({ event: 'bye', data: '' });
   * stream.close();
   * ```
   */
  close(): void {
    if (this.#state !== 'open') return;
    this.#state = 'closing';
    this.#stop(closedError('the event stream was closed'));
    const waiter = this.#waiter;
    if (waiter !== undefined && this.#queue.length === 0) {
      this.#waiter = undefined;
      this.#state = 'closed';
      waiter.resolve(DONE);
    }
  }

  /**
   * Runs `fn` once when the stream closes, whatever the reason (at once if it has closed): release
   * subscriptions and timers here. An error `fn` throws goes to the request's `tsgi.errors`.
   *
   * @example
   * ```ts
   * const off = bus.subscribe((message) => void stream.send(message));
   * stream.onClose(off);
   * ```
   */
  onClose(fn: () => void): void {
    const run = () => {
      try {
        fn();
      } catch (error) {
        this.#report(error, 'an onClose callback');
      }
    };
    if (this.signal.aborted) run();
    else this.signal.addEventListener('abort', run, { once: true });
  }

  #push(bytes: Uint8Array): Promise<void> {
    if (this.#state !== 'open') return this.#rejectedSend();
    const waiter = this.#waiter;
    if (waiter !== undefined) {
      // The server is waiting for a chunk: hand it over without queueing.
      this.#waiter = undefined;
      this.#lastSent = Date.now();
      waiter.resolve({ done: false, value: bytes });
      return RESOLVED;
    }
    const queue = this.#queue;
    if (queue.full) {
      if (this.#overflow === 'close') {
        this.#abandon(closedError(`the client read too slowly: ${queue.length} events were waiting`));
        return this.#rejectedSend();
      }
      queue.dropOldest();
      this.#dropped++;
    }
    return queue.push(bytes);
  }

  /** A send on a closed stream: rejected with the reason, the rejection already handled. */
  #rejectedSend(): Promise<void> {
    if (this.#closedSend === undefined) {
      this.#closedSend = Promise.reject(this.signal.reason);
      this.#closedSend.catch(noop);
    }
    return this.#closedSend;
  }

  #next(start: () => void | Promise<void>): Promise<Step> {
    if (!this.#started) {
      this.#started = true;
      if (this.#state === 'open') {
        try {
          this.#begin(start);
        } catch (error) {
          // Before the first chunk: the server answers 500 (rule 9.1).
          this.#abandon(error);
          return Promise.reject(error);
        }
      }
    }
    if (this.#queue.length > 0 || this.#openingBytes !== undefined) return Promise.resolve({ done: false, value: this.#take() });
    if (this.#state !== 'open') {
      this.#state = 'closed';
      const failure = this.#failure;
      if (failure !== undefined) {
        this.#failure = undefined;
        return Promise.reject(failure.error);
      }
      return Promise.resolve(DONE);
    }
    return new Promise((resolve, reject) => {
      this.#waiter = { resolve, reject };
    });
  }

  #begin(start: () => void | Promise<void>): void {
    this.#openingBytes = encodeUtf8(this.#opening);
    this.#lastSent = Date.now();
    if (this.#heartbeat !== false) this.#timer = setTimeout(this.#beat, this.#heartbeat);
    const result = start();
    if (result !== undefined && typeof result.then === 'function') result.then(undefined, (error: unknown) => this.#fail(error));
  }

  readonly #beat = (): void => {
    this.#timer = undefined;
    if (this.#state !== 'open' || this.#heartbeat === false) return;
    const idle = Date.now() - this.#lastSent;
    let wait = this.#heartbeat - idle;
    if (wait <= 0) {
      // Only when nothing is waiting: a queue that is not empty means the client is not reading,
      // and another line would not help it.
      if (this.#queue.length === 0) void this.#push(encodeUtf8(':\n'));
      this.#lastSent = Date.now();
      wait = this.#heartbeat;
    }
    this.#timer = setTimeout(this.#beat, wait);
  };

  /** The next chunk: the opening line or the oldest queued one, with those after it (see `EventQueue.take`). */
  #take(): Uint8Array {
    const opening = this.#openingBytes;
    this.#openingBytes = undefined;
    const chunk = this.#queue.take(opening);
    this.#lastSent = Date.now();
    return chunk;
  }

  /** Follows the request's `tsgi.signal`: when it aborts, the stream is abandoned. */
  #follow(environ: Environ): void {
    this.#environ = environ;
    if (this.#state === 'closed') return;
    const signal = requestSignal(environ);
    if (signal.aborted) {
      this.#abandon(signal.reason);
      return;
    }
    const onAbort = () => this.#abandon(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    this.#unfollow = () => signal.removeEventListener('abort', onAbort);
  }

  /** The client left or the server closed the body: drop what is queued and end now. */
  #abandon(reason: unknown): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    this.#queue.clear();
    this.#openingBytes = undefined;
    this.#failure = undefined;
    this.#stop(reason);
    const waiter = this.#waiter;
    if (waiter !== undefined) {
      this.#waiter = undefined;
      waiter.resolve(DONE);
    }
  }

  /** The producer failed: the queued events are sent, then the body throws (rule 9.3). */
  #fail(error: unknown): void {
    // A send the stream refused because it had closed: the producer stopped as it should.
    if (this.signal.aborted && error === this.signal.reason) return;
    if (this.#state === 'closed') {
      this.#report(error, 'the event stream producer, after the stream closed');
      return;
    }
    this.#state = 'closing';
    this.#failure = { error };
    this.#stop(error);
    const waiter = this.#waiter;
    if (waiter !== undefined && this.#queue.length === 0) {
      this.#waiter = undefined;
      this.#state = 'closed';
      this.#failure = undefined;
      waiter.reject(error);
    }
  }

  /** Everything that ends with the stream: the heartbeat, waiting sends, the signal. */
  #stop(reason: unknown): void {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    this.#unfollow?.();
    this.#unfollow = undefined;
    if (!this.#controller.signal.aborted) this.#controller.abort(reason);
    this.#queue.rejectWaiting(this.signal.reason);
  }

  #report(error: unknown, where: string): void {
    const text = `tsgi: error in ${where}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`;
    if (this.#environ !== undefined) this.#environ['tsgi.errors'].write(text);
    else console.error(text);
  }
}
