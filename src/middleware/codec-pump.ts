/**
 * Runs a body through a compressing transform with back-pressure that does not depend on the
 * transform's own: Node 20's `CompressionStream` (and `Duplex.toWeb(zlib)`) queue up to 16384
 * output chunks before they push back, so `pipeThrough` would pull a fast app far ahead of a slow
 * client. Here input is fed only while the consumer waits and no output is ready.
 * @module
 */
import type { BodyReader } from './body-reader.js';

/**
 * Yields the transformed body. The source is pulled one chunk at a time, only when the consumer has
 * asked for output, nothing is ready, and the previous write was accepted; output is read as soon
 * as the transform makes it, so the transform never stalls and never hoards. Memory stays within
 * about one input chunk and its output, whatever the body size. Closes `reader` exactly once.
 *
 * @example
 * ```ts
 * for await (const chunk of pumpThrough(openBody(body), [], new CompressionStream('gzip'))) send(chunk);
 * ```
 */
export async function* pumpThrough(
  reader: BodyReader,
  held: Uint8Array[],
  pair: ReadableWritablePair<Uint8Array, Uint8Array>,
): AsyncGenerator<Uint8Array, void, undefined> {
  const writer = pair.writable.getWriter();
  const output = pair.readable.getReader();
  const ready: Uint8Array[] = [];
  let outputDone = false;
  let failure: { error: unknown } | undefined;
  let writing = false;
  let inputDone = false;
  let finished = false;

  // One waiter at a time; an event with nobody waiting is remembered, so no wake-up is lost.
  let dirty = false;
  let wake: (() => void) | undefined;
  const signal = () => {
    dirty = true;
    wake?.();
  };
  const changed = () =>
    new Promise<void>((resolve) => {
      if (dirty) resolve();
      else wake = resolve;
    }).then(() => {
      dirty = false;
      wake = undefined;
    });

  const drain = (async () => {
    try {
      for (;;) {
        const { done, value } = await output.read();
        if (done) break;
        if (value.byteLength > 0) ready.push(value);
        signal();
      }
      outputDone = true;
    } catch (error) {
      failure ??= { error };
    }
    signal();
  })();

  const feed = async () => {
    writing = true;
    try {
      let chunk = held.shift();
      while (chunk === undefined || chunk.byteLength === 0) {
        const step = await reader.next();
        if (step.done) break;
        chunk = step.value;
      }
      if (chunk === undefined || chunk.byteLength === 0) {
        inputDone = true;
        await reader.close();
        await writer.close();
      } else {
        await writer.write(chunk);
      }
    } catch (error) {
      failure ??= { error };
    }
    writing = false;
    signal();
  };

  try {
    for (;;) {
      if (ready.length > 0) {
        yield ready.shift()!;
        continue;
      }
      if (failure) throw failure.error;
      if (outputDone) break;
      if (!writing && !inputDone) void feed();
      await changed();
    }
    finished = true;
  } finally {
    if (!finished) {
      await output.cancel().catch(() => undefined);
      await writer.abort().catch(() => undefined);
    }
    await drain;
    await reader.close();
  }
}
