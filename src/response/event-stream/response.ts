/**
 * What `Response.eventStream` builds: the body of an event stream and the status and headers it
 * is served with.
 * @module
 */
import { Headers } from '../../datastructures/headers.js';
import type { ServerSentEvent } from '../../http/sse.js';
import { optionsChecker } from '../../options.js';
import type { ResponseInit } from '../response.js';
import { abortable } from './abortable.js';
import { eventStreamBody, type EventStream, type EventStreamBody } from './stream.js';
import type { EventStreamOptions, EventStreamSource } from './options.js';

/**
 * Options for `Response.eventStream(source, init)`: a status and headers as for any response (the
 * Content-Type is fixed), and the stream's own options.
 *
 * @example
 * ```ts
 * const init: EventStreamInit = { heartbeat: 10_000, retry: 2000, queueSize: 100, headers: { 'X-Feed': 'news' } };
 * ```
 */
export interface EventStreamInit extends Omit<ResponseInit, 'mimetype' | 'contentType'>, EventStreamOptions {}

/**
 * The Content-Type of an event stream. The standard fixes UTF-8; the charset says so to everyone else.
 *
 * @example
 * ```ts
 * res.headers.get('Content-Type') === EVENT_STREAM_TYPE; // 'text/event-stream; charset=utf-8'
 * ```
 */
export const EVENT_STREAM_TYPE = 'text/event-stream; charset=utf-8';

const checkInit = optionsChecker<EventStreamInit>('Response.eventStream', {
  status: true,
  headers: true,
  heartbeat: true,
  retry: true,
  queueSize: true,
  overflow: true,
});

/** Sends an iterable's events in order, each when there is room, until the stream closes. */
async function pump(source: AsyncIterable<ServerSentEvent | string> | Iterable<ServerSentEvent | string>, stream: EventStream): Promise<void> {
  for await (const event of abortable(source, stream.signal)) await stream.send(event);
  stream.close();
}

/**
 * @internal The body and the response init of an event stream: `Content-Type: text/event-stream;
 * charset=utf-8`, `Cache-Control: no-cache` (events are not to be stored or replayed by caches) and
 * `X-Accel-Buffering: no` (nginx passes each event on at once instead of filling its proxy
 * buffer), the last two unless `init.headers` has them. No `Connection` or `Transfer-Encoding`:
 * framing is the server's job (spec rule 6.4), and HTTP/2 forbids them.
 */
export function eventStreamParts(source: EventStreamSource, init: EventStreamInit = {}): [EventStreamBody, ResponseInit] {
  checkInit(init);
  if (typeof source !== 'function' && !isIterable(source)) {
    throw new TypeError('Response.eventStream: the source must be a function (stream) => ... or an iterable of events');
  }
  const body = eventStreamBody(source, init, pump);
  const headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers ?? undefined);
  headers.set('Content-Type', EVENT_STREAM_TYPE);
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-cache');
  if (!headers.has('X-Accel-Buffering')) headers.set('X-Accel-Buffering', 'no');
  const responseInit: ResponseInit = { headers };
  if (init.status !== undefined) responseInit.status = init.status;
  return [body, responseInit];
}

function isIterable(value: unknown): value is AsyncIterable<unknown> | Iterable<unknown> {
  return typeof value === 'object' && value !== null && (Symbol.asyncIterator in value || Symbol.iterator in value);
}
