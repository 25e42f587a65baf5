/**
 * The options of an event stream, what writes to it, and the settings they give.
 * @module
 */
import type { ServerSentEvent } from '../../http/sse.js';
import { formatEvent } from '../../http/sse.js';
import type { EventStream } from './stream.js';

/**
 * What a send that does not wait does when the client reads slower than the app sends and the
 * queue is full: drop the oldest queued event, or end the stream.
 *
 * @example
 * ```ts
 * const overflow: EventStreamOverflow = 'close'; // a slow client reconnects and resumes instead
 * ```
 */
export type EventStreamOverflow = 'drop-oldest' | 'close';

/**
 * Options of an event stream (`Response.eventStream(source, init)` takes them in its `init`).
 *
 * @example
 * ```ts
 * const options: EventStreamOptions = { heartbeat: 10_000, retry: 2000, queueSize: 100, overflow: 'drop-oldest' };
 * ```
 */
export interface EventStreamOptions {
  /**
   * Milliseconds without anything sent after which a comment line (`:`) is sent, so that proxies
   * and load balancers (nginx's `proxy_read_timeout` is 60 s) keep an idle connection open.
   * Default 15,000, as the WHATWG standard suggests; `false` for none.
   */
  heartbeat?: number | false;
  /** Sent first as `retry:` (the browser's reconnection delay, in milliseconds). Default: not sent. */
  retry?: number;
  /**
   * Most events held for a client that reads slower than the app sends: the bound on memory per
   * stream. `await stream.send()` waits while the queue is full (back-pressure); a send that does
   * not wait and finds it full meets `overflow`. Default 1000.
   */
  queueSize?: number;
  /**
   * What a send that finds the queue full does: `'drop-oldest'` drops the oldest queued event
   * (counted in `stream.dropped`), `'close'` ends the stream (the browser reconnects and can
   * resume from `Last-Event-ID`). Default `'drop-oldest'`.
   */
  overflow?: EventStreamOverflow;
}

/**
 * What writes to an event stream: a function given the stream (it may return at once and send
 * later, from a subscription; returning does not end the stream, `stream.close()` does), or an
 * iterable of events, sent in order with back-pressure, the stream closing at its end.
 *
 * @example
 * ```ts
 * const producer: EventStreamSource = (stream) => {
 *   const timer = setInterval(() => void stream.send({ data: new Date().toISOString() }), 1000);
 *   stream.onClose(() => clearInterval(timer));
 * };
 * ```
 */
export type EventStreamSource =
  | ((stream: EventStream) => void | Promise<void>)
  | AsyncIterable<ServerSentEvent | string>
  | Iterable<ServerSentEvent | string>;

/** @internal The checked settings of a stream. */
export interface StreamSettings {
  heartbeat: number | false;
  queueSize: number;
  overflow: EventStreamOverflow;
  /** The first line sent: `retry:` when given, else a comment. */
  opening: string;
}

/** @internal Checks `options` (a `TypeError` naming a bad value) and fills in the defaults. */
export function streamSettings(options: EventStreamOptions): StreamSettings {
  const { heartbeat = 15_000, queueSize = 1000, overflow = 'drop-oldest', retry } = options;
  if (heartbeat !== false && !(typeof heartbeat === 'number' && heartbeat > 0 && heartbeat <= 2 ** 31 - 1)) {
    throw new TypeError(`eventStream: heartbeat must be a positive number of milliseconds or false, got ${String(heartbeat)}`);
  }
  if (!Number.isSafeInteger(queueSize) || queueSize < 1) {
    throw new TypeError(`eventStream: queueSize must be a positive integer, got ${String(queueSize)}`);
  }
  if (overflow !== 'drop-oldest' && overflow !== 'close') {
    throw new TypeError(`eventStream: overflow must be 'drop-oldest' or 'close', got ${String(overflow)}`);
  }
  // The stream opens with a line at once, so the server sends the headers (rule 7.4) before the
  // first event: EventSource fires `open` and fetch() resolves without waiting for it.
  return { heartbeat, queueSize, overflow, opening: retry === undefined ? ':\n' : formatEvent({ retry }) };
}
