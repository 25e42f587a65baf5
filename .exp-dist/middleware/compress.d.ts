/**
 * `compress`: gzip, deflate, brotli and zstd response compression negotiated by `Accept-Encoding`,
 * streamed with back-pressure, using only Web APIs (`CompressionStream`).
 * @module
 */
import type { App } from '../gateway.js';
/** Makes one compressing transform per response; `level` is passed on where the codec has one. */
export type CodecFactory = (level?: number) => ReadableWritablePair<Uint8Array, Uint8Array>;
/** Options for `compress`. */
export interface CompressOptions {
    /** Bodies smaller than this many bytes are sent as they are. Default 1024. */
    threshold?: number;
    /** Compression level, for codecs that take one (`node:zlib` ones do; `CompressionStream` has none). */
    level?: number;
    /**
     * Content-codings to offer, most preferred first, among those the codecs provide. Default:
     * `['zstd', 'br', 'gzip', 'deflate']`. The client's q-values decide; this order breaks ties.
     */
    encodings?: string[];
    /** The codecs by content-coding; default `webCodecs()` (what this runtime's `CompressionStream` has). */
    codecs?: Record<string, CodecFactory>;
    /** Which media types to compress; default `isCompressible`. */
    filter?: (mimetype: string) => boolean;
}
/**
 * The codecs this runtime's `CompressionStream` supports, by content-coding: `gzip` and `deflate`
 * everywhere, `br` on Bun and Deno, `zstd` on Bun (feature-detected once, no runtime sniffing).
 *
 * @example
 * ```ts
 * Object.keys(webCodecs()); // on Node 20: ['gzip', 'deflate']
 * ```
 */
export declare function webCodecs(): Record<string, CodecFactory>;
/**
 * True for media types worth compressing: text (except `text/event-stream`, whose events must not
 * wait in a compressor's buffer), JSON, XML, JavaScript, SVG, WASM, uncompressed fonts. Images,
 * video, audio, archives and `application/octet-stream` are already compressed or unknown.
 *
 * @example
 * ```ts
 * isCompressible('application/json'); // true
 * isCompressible('image/png'); // false
 * ```
 */
export declare function isCompressible(mimetype: string): boolean;
/**
 * Compresses responses for clients that accept it. The coding is the client's best-rated
 * (`Accept-Encoding` q-values) among the codecs available, ties going to `encodings` order.
 * Responses are left alone for HEAD, 1xx/204/206/304, a `Content-Encoding` or `Content-Range`
 * already set, `Cache-Control: no-transform`, types that do not compress (`filter`), and bodies
 * under `threshold` bytes (known from `Content-Length`, or by holding at most `threshold` bytes
 * before deciding). Compressed responses lose `Content-Length`, get `Vary: Accept-Encoding` and a
 * weak ETag. The body streams through the codec one chunk at a time: the app is pulled only as
 * fast as the client reads, so memory stays bounded for any body size.
 *
 * `CompressionStream` has gzip and deflate everywhere, brotli on Bun and Deno, zstd on Bun. On
 * Node, use `compressNode` from `tsgi/node` for brotli and levels.
 *
 * @example
 * ```ts
 * const app = compress(site, { threshold: 512 });
 * ```
 */
export declare function compress(app: App, options?: CompressOptions): App;
//# sourceMappingURL=compress.d.ts.map