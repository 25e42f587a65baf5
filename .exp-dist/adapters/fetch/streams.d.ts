/**
 * Bridges between tsgi bodies and Web `ReadableStream`s. Body to stream lives in
 * `middleware/body-reader.ts` (compress needs it too); this file adds the request direction.
 * @module
 */
export { openBody, readerToStream, type BodyReader } from '../../middleware/body-reader.js';
/**
 * An async iterable over a `ReadableStream` of bytes, for `tsgi.input`. Stopping early (a `break`,
 * or `return()`) cancels the stream so the runtime can stop reading from the client.
 *
 * @example
 * ```ts
 * environ['tsgi.input'] = streamToIterable(request.body);
 * ```
 */
export declare function streamToIterable(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array>;
//# sourceMappingURL=streams.d.ts.map