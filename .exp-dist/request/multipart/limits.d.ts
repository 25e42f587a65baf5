/**
 * The limits that bound what a multipart body may cost, with the defaults of DESIGN.md section 5.
 * @module
 */
/**
 * Limits applied while a multipart body is read. Each is checked as the bytes arrive, so a breach
 * is answered (413, or 431 for part headers) without reading the rest of the body.
 *
 * @example
 * ```ts
 * const limits: MultipartLimits = { ...DEFAULT_MULTIPART_LIMITS, maxFiles: 5, maxFileSize: 10 * 2 ** 20 };
 * ```
 */
export interface MultipartLimits {
    /** Bytes read from the body in total (after Content-Encoding decoding). */
    maxContentLength: number;
    /** Bytes of one text field, counted across chunks. */
    maxFormMemorySize: number;
    /** Parts (fields and files together). */
    maxFormParts: number;
    /** File parts (parts with a `filename`). */
    maxFiles: number;
    /** Bytes of one file. */
    maxFileSize: number;
    /** Bytes of the header block of one part (431 when exceeded). */
    maxPartHeaderSize: number;
    /** Bytes before the first boundary. */
    maxPreambleSize: number;
}
/**
 * The defaults: 16 MiB body, 500,000-byte text fields, 1000 parts, 100 files, files limited only by
 * the body limit, 16 KiB of headers per part, 16 KiB of preamble.
 *
 * @example
 * ```ts
 * DEFAULT_MULTIPART_LIMITS.maxFormParts; // 1000
 * ```
 */
export declare const DEFAULT_MULTIPART_LIMITS: Readonly<MultipartLimits>;
/**
 * The defaults overridden by the given values (`undefined` and `null` keep the default).
 *
 * @example
 * ```ts
 * resolveLimits({ maxFiles: 1 }).maxFormParts; // 1000
 * ```
 */
export declare function resolveLimits(overrides: Partial<MultipartLimits> | undefined): MultipartLimits;
/** Formats a byte count for messages: `16 MiB`, `500000 bytes`. */
export declare function formatBytes(n: number): string;
//# sourceMappingURL=limits.d.ts.map