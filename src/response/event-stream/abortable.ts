/**
 * `abortable`: iterate any (async) iterable until a signal aborts, even while the source is
 * waiting for its next item.
 * @module
 */

type Step<T> = IteratorResult<T, undefined>;

/**
 * Iterates `source` until `signal` aborts. Each `next()` races the source's `next()` against the
 * signal: when the signal aborts while the source is still waiting (an event bus with nothing to
 * say, a generator in an `await`), the loop ends at once and the source's `return()` is called so
 * it can release what it holds. An async generator runs its `finally` only once its pending `await`
 * settles (JavaScript queues `return()` behind it), so give generators the signal too; a
 * hand-written iterator's `return()` runs at once. Leaving the loop early (`break`, an error) also
 * calls the source's `return()`, once.
 *
 * @example
 * ```ts
 * for await (const message of abortable(bus.subscribe('news'), req.signal)) {
 *   await stream.send(message);
 * }
 * // The client left: the loop has ended and the subscription's return() has run.
 * ```
 */
export function abortable<T>(source: AsyncIterable<T> | Iterable<T>, signal: AbortSignal): AsyncIterableIterator<T> {
  let inner: AsyncIterator<T> | Iterator<T> | undefined;
  let finished = false;
  let pending = false;
  const open = () =>
    (inner ??=
      Symbol.asyncIterator in source
        ? (source as AsyncIterable<T>)[Symbol.asyncIterator]()
        : (source as Iterable<T>)[Symbol.iterator]());

  /** Closes the source once; does not wait for it while a `next()` is still pending there. */
  const finish = async (): Promise<Step<T>> => {
    if (finished) return { done: true, value: undefined };
    finished = true;
    const closing = inner?.return?.();
    if (closing !== undefined && typeof (closing as Promise<unknown>).then === 'function') {
      const settled = (closing as Promise<unknown>).then(undefined, () => undefined);
      if (!pending) await settled;
    }
    return { done: true, value: undefined };
  };

  const iterator: AsyncIterableIterator<T> = {
    async next(): Promise<Step<T>> {
      if (finished) return { done: true, value: undefined };
      if (signal.aborted) return finish();
      const source = open();
      let onAbort: (() => void) | undefined;
      const aborted = new Promise<'aborted'>((resolve) => {
        onAbort = () => resolve('aborted');
        signal.addEventListener('abort', onAbort, { once: true });
      });
      pending = true;
      try {
        const pull = Promise.resolve(source.next());
        // Abandoned on an abort, this pull may still fail later: that is no unhandled rejection.
        pull.catch(() => undefined);
        const step = await Promise.race([pull, aborted]);
        if (step === 'aborted') return await finish();
        pending = false;
        if (step.done) {
          finished = true;
          return { done: true, value: undefined };
        }
        return { done: false, value: step.value };
      } catch (error) {
        pending = false;
        finished = true;
        throw error;
      } finally {
        signal.removeEventListener('abort', onAbort!);
      }
    },
    return: () => finish(),
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
