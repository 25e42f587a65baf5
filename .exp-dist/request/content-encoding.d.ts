/** Turns an encoded stream into a decoded one. */
export type BodyDecoder = (input: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array>;
/** Options of `decodeContentEncoding`. */
export interface ContentEncodingOptions {
    /**
     * Which encodings are accepted: `false` (the default) refuses every encoded body with 415,
     * `true` accepts every encoding a decoder is known for, a list accepts those named.
     */
    accept?: boolean | readonly string[];
    /** Most decoded bytes; crossing it is a 413 at once. Default: no limit here. */
    maxDecodedLength?: number;
    /** Decoders by encoding name, added to (or replacing) the built-in `gzip` and `deflate`. */
    decoders?: Readonly<Record<string, BodyDecoder>>;
}
/**
 * A decoder built on the Web `DecompressionStream`, for a format the runtime supports.
 *
 * @example
 * ```ts
 * for await (const chunk of webDecoder('gzip')(compressedChunks)) use(chunk);
 * ```
 */
export declare function webDecoder(format: 'gzip' | 'deflate' | 'deflate-raw'): BodyDecoder;
/**
 * The decoded body for a `Content-Encoding` header value (`undefined`, `''` and `identity` pass the
 * input through). Encodings are undone in reverse order of the header (`gzip, br` is br first).
 * A 415 (with an `Accept-Encoding` header listing what is accepted) when an encoding is not
 * accepted or has no decoder; a 400 when the data is corrupt; a 413 past `maxDecodedLength`.
 *
 * @example
 * ```ts
 * const body = decodeContentEncoding(environ['tsgi.input'], environ.HTTP_CONTENT_ENCODING, {
 *   accept: ['gzip'], maxDecodedLength: 16 * 2 ** 20,
 * });
 * ```
 */
export declare function decodeContentEncoding(input: AsyncIterable<Uint8Array>, header: string | undefined, options?: ContentEncodingOptions): AsyncIterable<Uint8Array>;
//# sourceMappingURL=content-encoding.d.ts.map