/**
 * Decoding text fields in the charset they were sent in.
 * @module
 */
export declare function decoderFor(label: string): TextDecoder;
/**
 * True when `label` names a charset this runtime can decode.
 *
 * @example
 * ```ts
 * isKnownCharset('utf-8'); // true
 * ```
 */
export declare function isKnownCharset(label: string): boolean;
//# sourceMappingURL=text.d.ts.map