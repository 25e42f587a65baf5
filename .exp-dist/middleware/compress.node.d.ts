import { type CodecFactory, type CompressOptions } from './compress.js';
import type { App } from '../gateway.js';
/**
 * `node:zlib` codecs by content-coding. Brotli defaults to quality 4 (quality 11, zlib's default,
 * is meant for precompressed files and is far too slow per request); gzip and deflate to level 6.
 *
 * @example
 * ```ts
 * compress(app, { codecs: nodeCodecs() });
 * ```
 */
export declare function nodeCodecs(): Record<string, CodecFactory>;
/**
 * `compress` with `node:zlib` codecs: brotli on Node and a `level` that applies.
 *
 * @example
 * ```ts
 * import { compressNode } from 'tsgi/node';
 * serve(compressNode(app, { level: 5 }), { port: 8000 });
 * ```
 */
export declare function compressNode(app: App, options?: CompressOptions): App;
//# sourceMappingURL=compress.node.d.ts.map