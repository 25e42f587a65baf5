/** A parsed `Content-Disposition`. */
export interface ContentDisposition {
    /** `inline`, `attachment` or `form-data`, lowercase. */
    type: string;
    /** The file name: from `filename*` when present and decodable, else `filename`. */
    filename?: string;
    /** Every parameter by lowercase name, `filename*` decoded into `filename`. */
    params: Record<string, string>;
}
/** Options for {@link formatContentDisposition}. */
export interface ContentDispositionOptions {
    /** `attachment` (download) or `inline` (display). Default `attachment`. */
    type?: 'attachment' | 'inline' | 'form-data';
    /** Other parameters (`name` for form-data). */
    params?: Record<string, string>;
}
/**
 * Builds a `Content-Disposition` value. A file name that is not plain printable ASCII is sent
 * twice: an ASCII fallback in `filename=` (for old clients) and the exact name in
 * `filename*=UTF-8''...` (which every current browser prefers). Path separators are replaced so a
 * client never sees directories; CR, LF and NUL throw a `TypeError`.
 *
 * @example
 * ```ts
 * formatContentDisposition('report.pdf');            // 'attachment; filename="report.pdf"'
 * formatContentDisposition('résumé €.pdf', { type: 'inline' });
 * // 'inline; filename="resume _.pdf"; filename*=UTF-8\'\'r%C3%A9sum%C3%A9%20%E2%82%AC.pdf'
 * ```
 */
export declare function formatContentDisposition(filename?: string, options?: ContentDispositionOptions): string;
/**
 * Parses a `Content-Disposition` header; `filename*` (RFC 8187) wins over `filename`. `null` when
 * absent or without a disposition type. Never throws.
 *
 * @example
 * ```ts
 * parseContentDisposition("attachment; filename=\"a.txt\"; filename*=UTF-8''%E2%82%AC.txt")?.filename; // '€.txt'
 * ```
 */
export declare function parseContentDisposition(header: string | null | undefined): ContentDisposition | null;
//# sourceMappingURL=content-disposition.d.ts.map