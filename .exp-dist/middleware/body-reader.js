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
export function openBody(body) {
    const iterator = Symbol.asyncIterator in body
        ? body[Symbol.asyncIterator]()
        : body[Symbol.iterator]();
    let closed = false;
    return {
        async next() {
            // Rule 8.2: never next() after return().
            if (closed)
                return { done: true, value: undefined };
            return iterator.next();
        },
        async close() {
            if (closed)
                return;
            closed = true;
            await iterator.return?.();
        },
    };
}
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
export function closingIterable(generator, reader) {
    let started = false;
    return {
        [Symbol.asyncIterator]() {
            return this;
        },
        next() {
            started = true;
            return generator.next();
        },
        async return() {
            const wasStarted = started;
            started = true;
            await generator.return(undefined);
            if (!wasStarted)
                await reader.close();
            return { done: true, value: undefined };
        },
    };
}
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
export function readerToStream(reader, first = []) {
    const pending = [...first];
    return new ReadableStream({
        async pull(controller) {
            const buffered = pending.shift();
            if (buffered) {
                controller.enqueue(buffered);
                return;
            }
            try {
                for (;;) {
                    const { done, value } = await reader.next();
                    if (done) {
                        // Finish the response first; cleanup (callOnClose) must not delay it (rule 8.3).
                        controller.close();
                        await reader.close().catch(() => undefined);
                        return;
                    }
                    if (value.byteLength > 0) {
                        controller.enqueue(value);
                        return;
                    }
                }
            }
            catch (error) {
                await reader.close().catch(() => undefined);
                controller.error(error);
            }
        },
        async cancel() {
            pending.length = 0;
            await reader.close();
        },
    }, { highWaterMark: 0 });
}
//# sourceMappingURL=body-reader.js.map