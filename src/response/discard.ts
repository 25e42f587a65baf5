/**
 * Bodies that will never be sent: a HEAD answer, a 304, a 412. Their source may hold an upstream
 * connection or a file handle, so it is closed (cancelled, `return()`ed) rather than left to the
 * garbage collector.
 * @module
 */
import type { BodyInit } from './body.js';
import { isReadableStream } from './body.js';

/**
 * Closes a body source that will not be sent: a `ReadableStream` is cancelled, an iterator's
 * `return()` is called. An iterable that is not its own iterator (a `FileBody`, an async generator
 * function's result before its first pull) gets a fresh iterator closed at once, which opens
 * nothing. Strings, bytes and locked streams (someone else is reading them) are left alone.
 *
 * @example
 * ```ts
 * await discardBody(upstream.body); // the upstream fetch is cancelled
 * ```
 */
export async function discardBody(body: BodyInit): Promise<void> {
  if (body == null || typeof body !== 'object' || body instanceof Uint8Array || body instanceof ArrayBuffer) return;
  if (isReadableStream(body)) {
    if (!body.locked) await body.cancel();
    return;
  }
  if (Symbol.asyncIterator in body) {
    await (body as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator]().return?.();
    return;
  }
  (body as Iterable<Uint8Array | string>)[Symbol.iterator]().return?.();
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * An empty body standing in for `source`, which will not be sent: at its end or its `return()`,
 * whichever comes first, `source` is closed ({@link discardBody}) and then `onClose` runs, each
 * exactly once. Close errors reach the server as errors of the body.
 *
 * @example
 * ```ts
 * return method === 'HEAD' ? unsentBody(stream, () => {}) : stream;
 * ```
 */
export function unsentBody(source: BodyInit, onClose: () => void): AsyncIterableIterator<Uint8Array> {
  let closing: Promise<void> | undefined;
  // A close error is reported once: by next() when the end came first, else by return().
  let reported = false;
  const close = async (): Promise<IteratorReturnResult<undefined>> => {
    closing ??= discardBody(source).finally(onClose);
    try {
      await closing;
    } catch (error) {
      if (!reported) {
        reported = true;
        throw error;
      }
    }
    return DONE;
  };
  const iterator: AsyncIterableIterator<Uint8Array> = {
    next: close,
    return: close,
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
