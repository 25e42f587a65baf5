/**
 * The `Accept-Charset` and `Accept-Encoding` headers. Re-exported by `accept.ts`.
 * @module
 */
import { Accept, type AcceptItem, type AcceptOptions } from './accept-base.js';
/**
 * The `Accept-Charset` header; charset names compare without case, dashes or underscores and through
 * common aliases, so `utf8` matches `UTF-8` and `latin1` matches `ISO-8859-1`.
 *
 * @example
 * ```ts
 * parseCharsetAccept('utf8, iso-8859-1;q=0.5').bestMatch(['ISO-8859-1', 'UTF-8']); // 'UTF-8'
 * ```
 */
export declare class CharsetAccept extends Accept {
    protected matches(offer: string, item: AcceptItem): boolean;
}
/**
 * The `Accept-Encoding` header. As RFC 9110 section 12.5.3 says, `identity` stays acceptable unless
 * the client excludes it (`identity;q=0`, or `*;q=0` without naming it), with the lowest quality so
 * any encoding the client names wins over it.
 *
 * @example
 * ```ts
 * const accept = parseEncodingAccept('br, gzip;q=0.8');
 * accept.bestMatch(['gzip', 'br', 'identity']); // 'br'
 * accept.quality('identity');                   // 0.001
 * ```
 */
export declare class EncodingAccept extends Accept {
    #private;
    quality(offer: string): number;
    bestMatch<T extends string>(offers: Iterable<T>): T | undefined;
    bestMatch<T extends string, D>(offers: Iterable<T>, defaultValue: D): T | D;
}
/**
 * Parses an `Accept-Charset` header.
 *
 * @example
 * ```ts
 * parseCharsetAccept('utf-8').accepts('UTF8'); // true
 * ```
 */
export declare function parseCharsetAccept(header: string | null | undefined, options?: AcceptOptions): CharsetAccept;
/**
 * Parses an `Accept-Encoding` header.
 *
 * @example
 * ```ts
 * parseEncodingAccept('gzip, deflate;q=0').accepts('deflate'); // false
 * ```
 */
export declare function parseEncodingAccept(header: string | null | undefined, options?: AcceptOptions): EncodingAccept;
//# sourceMappingURL=accept-charset.d.ts.map