/**
 * Response body sources and the iterator a server pulls from, which runs close callbacks once.
 * @module
 */
import { TextBody } from '../gateway.js';
import { encodeUtf8 } from '../http/utf8.js';
import { concatBytes } from '../datastructures/bytes.js';
/** The bytes of a body whose length is known without reading a stream, else `undefined`. */
export function knownBytes(body) {
    if (body == null)
        return new Uint8Array(0);
    if (typeof body === 'string')
        return encodeUtf8(body);
    if (body instanceof Uint8Array)
        return body;
    if (body instanceof ArrayBuffer)
        return new Uint8Array(body);
    return undefined;
}
/**
 * What a `Response` keeps of a body whose length is known without reading a stream: a string as
 * a `TextBody` (encoded only if something asks for bytes), other fixed bodies as bytes;
 * `undefined` for streams.
 */
export function knownBody(body) {
    return typeof body === 'string' ? new TextBody(body) : knownBytes(body);
}
function toBytes(chunk) {
    if (typeof chunk === 'string')
        return encodeUtf8(chunk);
    if (chunk instanceof Uint8Array)
        return chunk;
    throw new TypeError(`response body chunks must be Uint8Array or string, got ${typeof chunk}`);
}
const DONE = { done: true, value: undefined };
/**
 * Wraps a streaming body source in an async iterator that encodes string chunks and calls
 * `onClose` exactly once: at the end of the body, on an error, or when the server calls
 * `return()` (the client went away), also when that happens before the first chunk.
 */
export function closingBody(source, onClose) {
    let closed = false;
    const close = () => {
        if (closed)
            return;
        closed = true;
        onClose();
    };
    // A ReadableStream is read through its reader (not every runtime makes it async-iterable);
    // cancelling it is its `return()`.
    if (isReadableStream(source))
        source = readerIterable(source);
    if (Symbol.asyncIterator in source) {
        let inner;
        const iterator = {
            async next() {
                if (closed)
                    return DONE;
                inner ??= source[Symbol.asyncIterator]();
                try {
                    const step = await inner.next();
                    if (step.done) {
                        close();
                        return DONE;
                    }
                    return { done: false, value: toBytes(step.value) };
                }
                catch (error) {
                    close();
                    throw error;
                }
            },
            async return() {
                if (!closed) {
                    try {
                        // Also when no chunk was pulled yet: a stream's source is cancelled all the same.
                        inner ??= source[Symbol.asyncIterator]();
                        await inner.return?.();
                    }
                    finally {
                        close();
                    }
                }
                return DONE;
            },
            [Symbol.asyncIterator]() {
                return iterator;
            },
        };
        return iterator;
    }
    let inner;
    const iterator = {
        next() {
            if (closed)
                return DONE;
            inner ??= source[Symbol.iterator]();
            try {
                const step = inner.next();
                if (step.done) {
                    close();
                    return DONE;
                }
                return { done: false, value: toBytes(step.value) };
            }
            catch (error) {
                close();
                throw error;
            }
        },
        return() {
            if (!closed) {
                try {
                    inner?.return?.();
                }
                finally {
                    close();
                }
            }
            return DONE;
        },
        [Symbol.iterator]() {
            return iterator;
        },
    };
    return iterator;
}
function readerIterable(stream) {
    return {
        [Symbol.asyncIterator]() {
            const reader = stream.getReader();
            return {
                next: () => reader.read(),
                async return() {
                    try {
                        await reader.cancel();
                    }
                    catch {
                        // The stream is gone either way.
                    }
                    return DONE;
                },
            };
        },
    };
}
/**
 * A one-chunk (or empty) body whose `return()`/end runs `onClose` once.
 */
export function closingBytes(bytes, onClose) {
    return closingBody(bytes && bytes.byteLength ? [bytes] : [], onClose);
}
/** Reads a whole streaming body source into one `Uint8Array`. */
export async function collectBody(source) {
    const chunks = [];
    const body = closingBody(source, () => { });
    if (Symbol.asyncIterator in body)
        for await (const chunk of body)
            chunks.push(chunk);
    else
        for (const chunk of body)
            chunks.push(chunk);
    return concatBytes(chunks);
}
/** True for a Web `ReadableStream`. */
export function isReadableStream(value) {
    return typeof value === 'object' && value !== null && typeof value.getReader === 'function';
}
//# sourceMappingURL=body.js.map