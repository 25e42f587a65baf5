/**
 * Byte-array helpers shared by the body readers, the multipart parser and file storage.
 * @module
 */
/**
 * Joins chunks into one `Uint8Array` (returns the only chunk itself when there is one).
 *
 * @example
 * ```ts
 * concatBytes([new Uint8Array([1]), new Uint8Array([2, 3])]); // Uint8Array [1, 2, 3]
 * ```
 */
export declare function concatBytes(chunks: readonly Uint8Array[], total?: number): Uint8Array;
/**
 * A pull-based `ReadableStream` over an async iterable: each read pulls one chunk, and cancelling
 * the stream calls the iterator's `return()`.
 *
 * @example
 * ```ts
 * const stream = streamFromIterable(file.chunks());
 * ```
 */
export declare function streamFromIterable(source: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array>;
//# sourceMappingURL=bytes.d.ts.map