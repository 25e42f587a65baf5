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
export function concatBytes(chunks, total) {
    if (chunks.length === 1)
        return chunks[0];
    total ??= chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
    const out = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
        out.set(chunk, offset);
        offset += chunk.byteLength;
    }
    return out;
}
/**
 * A pull-based `ReadableStream` over an async iterable: each read pulls one chunk, and cancelling
 * the stream calls the iterator's `return()`.
 *
 * @example
 * ```ts
 * const stream = streamFromIterable(file.chunks());
 * ```
 */
export function streamFromIterable(source) {
    let iterator;
    return new ReadableStream({
        async pull(controller) {
            iterator ??= source[Symbol.asyncIterator]();
            const next = await iterator.next();
            if (next.done)
                controller.close();
            else
                controller.enqueue(next.value);
        },
        async cancel() {
            await iterator?.return?.();
        },
    });
}
//# sourceMappingURL=bytes.js.map