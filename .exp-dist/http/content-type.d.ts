/** A parsed Content-Type: the lower-case media type and its parameters. */
export interface ParsedContentType {
    mimetype: string;
    params: Record<string, string>;
}
/**
 * Parses a Content-Type value with the `content-type` package; a value it rejects still yields
 * its lower-case media type (the part before `;`) with no parameters, so client input never throws.
 *
 * @example
 * ```ts
 * parseContentType('text/HTML; charset="utf-8"'); // { mimetype: 'text/html', params: { charset: 'utf-8' } }
 * ```
 */
export declare function parseContentType(value: string | undefined): ParsedContentType;
/**
 * The media type alone, lower-cased, without parsing parameters (cheap, for hot paths).
 *
 * @example
 * ```ts
 * mimetypeOf('application/json; charset=utf-8'); // 'application/json'
 * ```
 */
export declare function mimetypeOf(value: string | undefined): string;
/**
 * True for media types that carry text and so get `charset=utf-8` added when tsgi sets them.
 *
 * @example
 * ```ts
 * needsCharset('text/html'); // true
 * needsCharset('application/json'); // false (JSON is always UTF-8, RFC 8259)
 * ```
 */
export declare function needsCharset(mimetype: string): boolean;
/**
 * The Content-Type value tsgi writes for a media type: `charset=utf-8` added where it belongs.
 *
 * @example
 * ```ts
 * contentTypeFor('text/html'); // 'text/html; charset=utf-8'
 * ```
 */
export declare function contentTypeFor(mimetype: string, charset?: string): string;
/**
 * True for JSON media types: `application/json` and any `+json` suffix type.
 *
 * @example
 * ```ts
 * isJsonMimetype('application/problem+json'); // true
 * ```
 */
export declare function isJsonMimetype(mimetype: string): boolean;
//# sourceMappingURL=content-type.d.ts.map