/**
 * Bridges between tsgi bodies and Web `ReadableStream`s. Body to stream lives in
 * `middleware/body-reader.ts` (compress needs it too); this file adds the request direction.
 * @module
 */
export { openBody, readerToStream, type BodyReader } from '../../middleware/body-reader.js';

/**
 * `tsgi.input` for a Fetch `Request` that has a body: `request.body` (a stream the runtime makes
 * when it is first asked for) is read only when the app iterates the input, as `streamToIterable`.
 *
 * @example
 * ```ts
 * environ['tsgi.input'] = new RequestInput(request);
 * for await (const chunk of environ['tsgi.input']) use(chunk);
 * ```
 */
export class RequestInput implements AsyncIterable<Uint8Array> {
  readonly #request: Request;

  constructor(request: Request) {
    this.#request = request;
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    const body = this.#request.body;
    const chunks: AsyncIterable<Uint8Array> = body === null ? EMPTY : streamToIterable(body);
    return chunks[Symbol.asyncIterator]();
  }
}

const EMPTY: AsyncIterable<Uint8Array> = {
  async *[Symbol.asyncIterator]() {
    // A body that the runtime reports as gone: nothing to read.
  },
};

/**
 * An input whose first read throws `error`: the body could not be read (the client went away
 * mid-body), which readers turn into a 400 (spec rule 4.6).
 *
 * @example
 * ```ts
 * environ['tsgi.input'] = failedInput(new Error('connection reset'));
 * ```
 */
export function failedInput(error: unknown): AsyncIterable<Uint8Array> {
  return {
    // eslint-disable-next-line require-yield
    async *[Symbol.asyncIterator]() {
      throw error;
    },
  };
}

/**
 * An async iterable over a `ReadableStream` of bytes, for `tsgi.input`. Stopping early (a `break`,
 * or `return()`) cancels the stream so the runtime can stop reading from the client.
 *
 * @example
 * ```ts
 * environ['tsgi.input'] = streamToIterable(request.body);
 * ```
 */
export function streamToIterable(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
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
      } finally {
        if (!done) await reader.cancel().catch(() => undefined);
        reader.releaseLock();
      }
    },
  };
}
