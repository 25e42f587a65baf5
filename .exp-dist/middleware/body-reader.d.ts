/**
 * Pulling a tsgi body chunk by chunk with exactly-once cleanup, shared by the middleware that
 * rewrite bodies and by the Fetch adapter.
 * @module
 */
import type { Body } from '../gateway.js';
/**
 * An async iterator over a body with a `close()` that calls the body iterator's `return()` exactly
 * once however many times it is asked (spec rule 8.1: after `done`, after an error, or when the
 * body is abandoned; cancel, error and a late abort may all ask).
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
    /** Ends the body: calls the iterator's `return()` the first time, does nothing after. */
    close(): Promise<void>;
}
/**
 * Opens a body (sync or async iterable) for pulling, one chunk per `next()`. The caller MUST call
 * `close()` when it is done with the body, whatever the reason.
 *
 * @example
 * ```ts
 * const reader = openBody(await app(environ, startResponse));
 * try { for (let s = await reader.next(); !s.done; s = await reader.next()) send(s.value); }
 * finally { await reader.close(); }
 * ```
 */
export declare function openBody(body: Body): BodyReader;
/**
 * Wraps a generator that consumes `reader` so that `return()` closes the reader even when the
 * generator never started (spec rule 11.2: a consumer may abandon the body before its first pull,
 * and a generator that never ran never reaches its `finally`). The generator must close the reader
 * itself in a `finally` block.
 *
 * @example
 * ```ts
 * return closingIterable(transform(reader), reader);
 * ```
 */
export declare function closingIterable(generator: AsyncGenerator<Uint8Array, void, undefined>, reader: BodyReader): AsyncIterableIterator<Uint8Array>;
/**
 * A pull-based `ReadableStream` over a body reader: the next chunk is pulled only when the consumer
 * asks for one (high-water mark 0), empty chunks are skipped, and cancelling the stream closes the
 * body exactly once. `first` holds chunks already pulled (to learn the headers), sent before the rest.
 *
 * @example
 * ```ts
 * new globalThis.Response(readerToStream(openBody(body)));
 * ```
 */
export declare function readerToStream(reader: BodyReader, first?: Uint8Array[]): ReadableStream<Uint8Array>;
//# sourceMappingURL=body-reader.d.ts.map