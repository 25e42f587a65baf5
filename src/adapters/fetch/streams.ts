/**
 * Bridges between tsgi bodies (iterables of byte chunks) and Web `ReadableStream`s, both ways,
 * with back-pressure and exactly-once cleanup.
 * @module
 */
import type { Body } from '../../gateway.js';

/**
 * An async iterator over a body with a `close()` that calls the body iterator's `return()` at most
 * once, however many times it is asked (cancel, error and a late abort may all want to close it).
 *
 * @example
 * ```ts
 * const chunks = openBody([new Uint8Array([1])]);
 * await chunks.next(); // { done: false, value: Uint8Array [1] }
 * await chunks.close();
 * ```
 */
export interface BodyReader {
  next(): Promise<IteratorResult<Uint8Array>>;
  /** Abandons the body: calls the iterator's `return()` unless the body already finished or was closed. */
  close(): Promise<void>;
}

/**
 * Opens a body (sync or async iterable) for pulling, one chunk per `next()`.
 *
 * @example
 * ```ts
 * const reader = openBody(await app(environ, startResponse));
 * ```
 */
export function openBody(body: Body): BodyReader {
  const iterator: Iterator<Uint8Array> | AsyncIterator<Uint8Array> =
    Symbol.asyncIterator in body
      ? (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]()
      : (body as Iterable<Uint8Array>)[Symbol.iterator]();
  let finished = false;
  return {
    async next() {
      if (finished) return { done: true, value: undefined };
      try {
        const result = await iterator.next();
        if (result.done) finished = true;
        return result;
      } catch (error) {
        // An iterator that threw is finished by the language's own rules: no return() after it.
        finished = true;
        throw error;
      }
    },
    async close() {
      if (finished) return;
      finished = true;
      await iterator.return?.();
    },
  };
}

/**
 * A pull-based `ReadableStream` over a body reader: the next chunk is pulled only when the consumer
 * asks for one (high-water mark 0), and cancelling the stream closes the body exactly once.
 * `first` is a chunk already pulled (to learn the headers) that is sent before the rest.
 *
 * @example
 * ```ts
 * new globalThis.Response(readerToStream(openBody(body)));
 * ```
 */
export function readerToStream(reader: BodyReader, first?: Uint8Array): ReadableStream<Uint8Array> {
  let pending = first;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (pending) {
          controller.enqueue(pending);
          pending = undefined;
          return;
        }
        try {
          for (;;) {
            const { done, value } = await reader.next();
            if (done) {
              controller.close();
              return;
            }
            // Empty chunks carry nothing; skipping them keeps each pull meaningful.
            if (value.byteLength > 0) {
              controller.enqueue(value);
              return;
            }
          }
        } catch (error) {
          await reader.close().catch(() => undefined);
          controller.error(error);
        }
      },
      async cancel() {
        pending = undefined;
        await reader.close();
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * An async iterable over a `ReadableStream` of bytes, for `tsgi.input`. Stopping early (a `break`,
 * or `return()`) cancels the stream so the runtime can stop reading from the client.
 *
 * @example
 * ```ts
 * environ['tsgi.input'] = streamToIterable(request.body);
 * ```
 */
export function streamToIterable(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  return {
    async *[Symbol.asyncIterator]() {
      const reader = stream.getReader();
      let done = false;
      try {
        for (;;) {
          const result = await reader.read();
          if (result.done) {
            done = true;
            return;
          }
          yield result.value;
        }
      } finally {
        if (!done) await reader.cancel().catch(() => undefined);
        reader.releaseLock();
      }
    },
  };
}
