/**
 * `abortable(source, signal)`: a loop over a source that may wait forever ends as soon as the
 * signal aborts, and the source's `return()` is called.
 */
import { describe, expect, it } from 'vitest';
import { abortable } from '../../src/response/event-stream/abortable.js';

/** A hand-written subscription: next() waits for a push; return() releases it at once. */
function subscription() {
  let deliver: ((value: IteratorResult<string>) => void) | undefined;
  const log: string[] = [];
  const iterator: AsyncIterableIterator<string> = {
    next: () => new Promise((resolve) => (deliver = resolve)),
    async return() {
      log.push('return');
      deliver?.({ done: true, value: undefined });
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return { iterator, log, push: (value: string) => deliver?.({ done: false, value }) };
}

describe('abortable', () => {
  it('passes items through, then ends a loop waiting on the source as soon as the signal aborts', async () => {
    const source = subscription();
    const controller = new AbortController();
    const seen: string[] = [];
    const loop = (async () => {
      for await (const item of abortable(source.iterator, controller.signal)) seen.push(item);
    })();
    await new Promise((r) => setTimeout(r, 1));
    source.push('a');
    await new Promise((r) => setTimeout(r, 1));
    const at = performance.now();
    controller.abort();
    await loop;
    expect(performance.now() - at).toBeLessThan(50);
    expect(seen).toEqual(['a']);
    expect(source.log).toEqual(['return']);
  });

  it("ends at once even on an async generator, whose finally runs when its await settles", async () => {
    const controller = new AbortController();
    let finallyRan = false;
    let wake!: () => void;
    const gen = (async function* () {
      try {
        yield 1;
        await new Promise<void>((resolve) => (wake = resolve));
        yield 2;
      } finally {
        finallyRan = true;
      }
    })();
    const iterator = abortable(gen, controller.signal);
    expect(await iterator.next()).toEqual({ done: false, value: 1 });
    const pending = iterator.next();
    controller.abort();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(finallyRan).toBe(false); // JavaScript queues return() behind the pending await
    wake();
    await new Promise((r) => setTimeout(r, 1));
    expect(finallyRan).toBe(true);
  });

  it('calls return() once when the loop breaks, and at once for an aborted signal', async () => {
    let returns = 0;
    const counted = (items: number[]): Iterable<number> => ({
      [Symbol.iterator]() {
        const inner = items[Symbol.iterator]();
        return { next: () => inner.next(), return: () => (returns++, { done: true, value: undefined }) };
      },
    });
    for await (const item of abortable(counted([1, 2, 3]), new AbortController().signal)) if (item === 2) break;
    expect(returns).toBe(1);
    const iterator = abortable(counted([1]), AbortSignal.abort());
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    await iterator.return!();
    expect(returns).toBe(1); // nothing was opened, nothing to close
  });

  it('leaves no unhandled rejection when the abandoned pull fails later', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    let fail!: (error: Error) => void;
    const source: AsyncIterable<number> = {
      [Symbol.asyncIterator]: () => ({ next: () => new Promise((_, reject) => (fail = reject)) }),
    };
    const controller = new AbortController();
    const pending = abortable(source, controller.signal).next();
    controller.abort();
    expect(await pending).toEqual({ done: true, value: undefined });
    fail(new Error('late'));
    await new Promise((r) => setTimeout(r, 5));
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });
});
