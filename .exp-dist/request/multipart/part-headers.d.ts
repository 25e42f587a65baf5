/** What the parser needs to know about a part, read from its headers. */
export interface PartInfo {
    /** The header fields as sent (names as sent, values trimmed). */
    headers: Array<[string, string]>;
    /** The `name` parameter of `Content-Disposition`. */
    name: string;
    /** The `filename` (or decoded `filename*`) parameter; `undefined` for a text field. */
    filename: string | undefined;
    /** The `Content-Type` header, when sent. */
    contentType: string | undefined;
    /** The lower-cased media type of `Content-Type`, `''` when absent. */
    mimetype: string;
    /** The parameters of `Content-Type` (`charset`, ...). */
    mimetypeParams: Record<string, string>;
}
/**
 * Parses a part's raw header block. Lines may end in CRLF or LF; obsolete folded lines are joined;
 * bytes are read as UTF-8 (what browsers send for non-ASCII file names), or Latin-1 when they are
 * not valid UTF-8. Throws `BadRequest` for a line that is not a header, a control character, or a
 * missing `Content-Disposition` or `name`.
 *
 * @example
 * ```ts
 * const info = parsePartHeaders(new TextEncoder().encode('Content-Disposition: form-data; name="a"\r\n\r\n'));
 * info.name; // 'a'
 * ```
 */
export declare function parsePartHeaders(block: Uint8Array): PartInfo;
//# sourceMappingURL=part-headers.d.ts.map