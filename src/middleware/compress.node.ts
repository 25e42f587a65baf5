/**
 * Node codecs for `compress`: brotli, gzip, deflate (and zstd where `node:zlib` has it) with levels.
 * Node-only; exported from `tsgi/node`.
 * @module
 */
import type { Duplex } from 'node:stream';
import { compress, COMPRESS_OPTIONS, type CodecFactory, type CompressOptions } from './compress.js';
import type { App } from '../gateway.js';
import { optionsChecker } from '../options.js';
import { nodeStream, nodeZlib } from '../node-builtins.node.js';

const checkOptions = optionsChecker<CompressOptions>('compressNode', COMPRESS_OPTIONS);

function web(stream: Duplex): ReadableWritablePair<Uint8Array, Uint8Array> {
  return nodeStream().Duplex.toWeb(stream) as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;
}

/**
 * `node:zlib` codecs by content-coding. Brotli defaults to quality 4 (quality 11, zlib's default,
 * is meant for precompressed files and is far too slow per request); gzip and deflate to level 6.
 *
 * @example
 * ```ts
 * compress(app, { codecs: nodeCodecs() });
 * ```
 */
export function nodeCodecs(): Record<string, CodecFactory> {
  const zlib = nodeZlib();
  const codecs: Record<string, CodecFactory> = {
    br: (level) =>
      web(
        zlib.createBrotliCompress({
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: level ?? 4 },
        }),
      ),
    gzip: (level) => web(zlib.createGzip({ level: level ?? 6 })),
    deflate: (level) => web(zlib.createDeflate({ level: level ?? 6 })),
  };
  const zstd = (zlib as unknown as { createZstdCompress?: (options?: object) => Duplex }).createZstdCompress;
  if (typeof zstd === 'function') codecs.zstd = () => web(zstd());
  return codecs;
}

/**
 * `compress` with `node:zlib` codecs: brotli on Node and a `level` that applies.
 *
 * @example
 * ```ts
 * import { compressNode } from 'tsgi/node';
 * serve(compressNode(app, { level: 5 }), { port: 8000 });
 * ```
 */
export function compressNode(app: App, options: CompressOptions = {}): App {
  checkOptions(options);
  return compress(app, { codecs: nodeCodecs(), ...options });
}
