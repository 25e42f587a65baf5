/**
 * `readEventStream`: the events of a `text/event-stream` body, parsed as they arrive.
 * @module
 */
import { EventStreamParser, type ParsedEvent } from '../../http/sse-parse.js';

type Step = IteratorResult<ParsedEvent, undefined>;
const DONE: Step = { done: true, value: undefined };

/**
 * The events of an event-stream body, each yielded as soon as its closing blank line arrives:
 * `body` is an async iterable of byte chunks (a tsgi body, a test response's `chunks()`) or a
 * `ReadableStream` (a `fetch()` response's `body`). Decoded as UTF-8 (a leading BOM dropped) and
 * parsed as a browser's `EventSource` does (`EventStreamParser`); an unfinished last event is
 * dropped. Leaving the loop early cancels the body, which is how a client says it left.
 *
 * @example
 * ```ts
 * const res = await fetch('http://127.0.0.1:8000/feed');
 * for await (const event of readEventStream(res.body!)) {
 *   console.log(event.event, event.id, event.data);
 *   if (event.event === 'done') break; // cancels the response body
 * }
 * ```
 */
export function readEventStream(body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>): AsyncIterableIterator<ParsedEvent> {
  const chunks = chunkIterator(body);
  const decoder = new TextDecoder();
  const parser = new EventStreamParser();
  const ready: ParsedEvent[] = [];
  let ended = false;
  const iterator: AsyncIterableIterator<ParsedEvent> = {
    async next(): Promise<Step> {
      while (ready.length === 0) {
        if (ended) return DONE;
        const step = await chunks.next();
        if (step.done) {
          ended = true;
          ready.push(...parser.push(decoder.decode()));
          parser.end();
        } else {
          ready.push(...parser.push(decoder.decode(step.value, { stream: true })));
        }
      }
      return { done: false, value: ready.shift()! };
    },
    async return(): Promise<Step> {
      ready.length = 0;
      if (!ended) {
        ended = true;
        await chunks.return?.();
      }
      return DONE;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

function chunkIterator(body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>): AsyncIterator<Uint8Array> {
  if (Symbol.asyncIterator in body) return (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  // Not every runtime's ReadableStream is async-iterable: read it through its reader.
  const reader = (body as ReadableStream<Uint8Array>).getReader();
  return {
    next: () => reader.read() as Promise<IteratorResult<Uint8Array, undefined>>,
    async return() {
      await reader.cancel().catch(() => undefined);
      return { done: true, value: undefined };
    },
  };
}
