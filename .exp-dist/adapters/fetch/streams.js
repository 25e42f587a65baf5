/**
 * Bridges between tsgi bodies and Web `ReadableStream`s. Body to stream lives in
 * `middleware/body-reader.ts` (compress needs it too); this file adds the request direction.
 * @module
 */
export { openBody, readerToStream } from '../../middleware/body-reader.js';
/**
 * An async iterable over a `ReadableStream` of bytes, for `tsgi.input`. Stopping early (a `break`,
 * or `return()`) cancels the stream so the runtime can stop reading from the client.
 *
 * @example
 * ```ts
 * environ['tsgi.input'] = streamToIterable(request.body);
 * ```
 */
export function streamToIterable(stream) {
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
            }
            finally {
                if (!done)
                    await reader.cancel().catch(() => undefined);
                reader.releaseLock();
            }
        },
    };
}
//# sourceMappingURL=streams.js.map