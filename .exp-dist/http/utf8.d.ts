/**
 * UTF-8 encoding tuned for the short strings responses are usually made of.
 * @module
 */
/**
 * Encodes a string as UTF-8, byte for byte what `TextEncoder` gives (lone surrogates become U+FFFD).
 *
 * @example
 * ```ts
 * encodeUtf8('héllo'); // Uint8Array [104, 195, 169, 108, 108, 111]
 * ```
 */
export declare function encodeUtf8(text: string): Uint8Array;
/**
 * Decodes UTF-8 bytes to a string, what `new TextDecoder().decode(bytes)` gives (invalid bytes
 * become U+FFFD, a leading BOM is dropped), with short ASCII (a small form, a JSON body) read
 * without the call into the native decoder.
 *
 * @example
 * ```ts
 * decodeUtf8(new Uint8Array([104, 105])); // 'hi'
 * ```
 */
export declare function decodeUtf8(bytes: Uint8Array): string;
/**
 * The string with every lone UTF-16 surrogate replaced by U+FFFD, as `TextEncoder` does (the
 * standard `toWellFormed()`, which not every runtime we target has yet). `encodeURIComponent`
 * throws a `URIError` on a lone surrogate; strings from a raw environ or an app can hold one.
 *
 * @example
 * ```ts
 * wellFormed('a\uD800b'); // 'a\uFFFDb'
 * ```
 */
export declare function wellFormed(text: string): string;
/**
 * The length in bytes of a string's UTF-8 encoding (lone surrogates count as U+FFFD, 3 bytes, as
 * `TextEncoder` writes them), without encoding it.
 *
 * @example
 * ```ts
 * utf8Length('héllo'); // 6
 * utf8Length('😀');    // 4
 * ```
 */
export declare function utf8Length(text: string): number;
//# sourceMappingURL=utf8.d.ts.map