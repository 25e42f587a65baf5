/**
 * Reading a request body under its limits, with read failures (the client went away) answered as
 * a 400 instead of a raw stream error.
 * @module
 */
import { limitedInput, readFailure } from '../read-body.js';

// Moved to read-body.ts so that every body reader answers a failed read with a 400.
export { readFailure } from '../read-body.js';

/** Options of `limitInput`. */
export interface LimitInputOptions {
  /** Most bytes that may be read; crossing it is a 413 at once. */
  maxContentLength: number;
  /** The declared `Content-Length`, when there is one: a shorter body is a 400. */
  contentLength?: number | undefined;
}

/**
 * The chunks of `input`, at most `contentLength` bytes of them: a 413 as soon as more than
 * `maxContentLength` bytes arrived (chunked bodies too), a 400 when the body ends before its
 * `Content-Length`, and a 400 when reading fails. Stopping early closes `input`.
 *
 * @example
 * ```ts
 * for await (const chunk of limitInput(environ['tsgi.input'], { maxContentLength: 1 << 20 })) use(chunk);
 * ```
 */
export function limitInput(
  input: AsyncIterable<Uint8Array>,
  options: LimitInputOptions,
): AsyncGenerator<Uint8Array, void, undefined> {
  return limitedInput(guardInput(input), options.contentLength, options.maxContentLength);
}

/**
 * Passes chunks through; an error from the input that is not an `HTTPException` becomes a 400
 * (with the original error as `cause`).
 *
 * @example
 * ```ts
 * for await (const chunk of guardInput(socketBody)) use(chunk);
 * ```
 */
export async function* guardInput(input: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array, void, undefined> {
  const iterator = input[Symbol.asyncIterator]();
  let open = true;
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await iterator.next();
      } catch (error) {
        open = false; // a failed iterator is already closed
        throw readFailure(error);
      }
      if (next.done) {
        open = false;
        return;
      }
      yield next.value;
    }
  } finally {
    if (open) await iterator.return?.();
  }
}
