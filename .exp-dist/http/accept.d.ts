/**
 * Content negotiation: the `Accept`, `Accept-Language`, `Accept-Charset` and `Accept-Encoding`
 * request headers (RFC 9110 section 12.5), parsed once into value classes that answer
 * `quality(offer)` and `bestMatch(offers)`.
 * @module
 */
import { Accept, type AcceptItem, type AcceptOptions } from './accept-base.js';
export * from './accept-base.js';
export * from './accept-language.js';
export * from './accept-charset.js';
/**
 * The `Accept` header: media ranges such as `text/html`, `text/*`, `*\/*`, with parameters.
 * A range matches an offer when type and subtype match (or are wildcards) and every parameter of
 * the range appears in the offer with the same value (RFC 9110 section 12.5.1).
 *
 * @example
 * ```ts
 * const accept = parseAccept('text/html, application/json;q=0.9, *\/*;q=0.1');
 * accept.bestMatch(['application/json', 'text/html']); // 'text/html'
 * accept.acceptJson;                                   // true
 * ```
 */
export declare class MIMEAccept extends Accept {
    protected normalize(value: string): string | undefined;
    protected specificity(value: string, params: Record<string, string>): number;
    protected matches(offer: string, item: AcceptItem): boolean;
    /** True when the client accepts HTML (or XHTML). */
    get acceptHtml(): boolean;
    /** True when the client accepts XHTML or XML. */
    get acceptXhtml(): boolean;
    /** True when the client accepts JSON. */
    get acceptJson(): boolean;
    toString(): string;
}
/**
 * Parses an `Accept` header; `undefined`/`null` means the header was absent (everything acceptable).
 *
 * @example
 * ```ts
 * parseAccept('text/html;q=0.9, application/json').bestMatch(['text/html', 'application/json']);
 * // 'application/json'
 * ```
 */
export declare function parseAccept(header: string | null | undefined, options?: AcceptOptions): MIMEAccept;
//# sourceMappingURL=accept.d.ts.map