/** What the scanner reports, in order: for each part `partBegin`, `partData`*, `partEnd`. */
export interface ScanHandler {
    /** A part starts; `headerBlock` holds its raw header lines, blank line included. */
    partBegin(headerBlock: Uint8Array): void;
    /** Body bytes of the current part (a view into the input: copy it to keep it). */
    partData(chunk: Uint8Array): void;
    /** The current part ended at a delimiter. */
    partEnd(): void;
}
/** Limits the scanner itself enforces. */
export interface ScanLimits {
    maxPartHeaderSize: number;
    maxPreambleSize: number;
}
/**
 * Splits a multipart body into parts. Delimiters are `CRLF--boundary` or, as old IE sends,
 * `LF--boundary`, followed by optional spaces and tabs and a line break (`--` for the last one);
 * a boundary look-alike followed by anything else is part data, as in Werkzeug. The result does not
 * depend on how the body is chunked: bytes that might begin a delimiter are held back until the
 * next chunk decides.
 *
 * @example
 * ```ts
 * const scanner = new MultipartScanner('xyz', handler, { maxPartHeaderSize: 16384, maxPreambleSize: 16384 });
 * scanner.write(chunk);
 * scanner.end();
 * ```
 */
export declare class MultipartScanner {
    #private;
    constructor(boundary: string, handler: ScanHandler, limits: ScanLimits);
    /** True once the closing delimiter has been seen; later bytes are the ignored epilogue. */
    get done(): boolean;
    /** Feeds the next chunk of the body. Throws an `HTTPException` on malformed input or a limit. */
    write(chunk: Uint8Array): void;
    /** Marks the end of the body; throws `BadRequest` when it ended early. */
    end(): void;
}
//# sourceMappingURL=scanner.d.ts.map