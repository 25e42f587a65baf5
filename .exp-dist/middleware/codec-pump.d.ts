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
export declare function pumpThrough(reader: BodyReader, held: Uint8Array[], pair: ReadableWritablePair<Uint8Array, Uint8Array>): AsyncGenerator<Uint8Array, void, undefined>;
//# sourceMappingURL=codec-pump.d.ts.map