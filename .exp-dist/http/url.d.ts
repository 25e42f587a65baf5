/**
 * Turns an IRI (or any string meant as a URL) into a URI: non-ASCII and unsafe characters are
 * percent-encoded as UTF-8, valid escapes are kept, a stray `%` becomes `%25`, and a non-ASCII
 * host is converted to punycode. Safe to call twice.
 *
 * @example
 * ```ts
 * iriToUri('/wiki/Ümlaut page'); // '/wiki/%C3%9Cmlaut%20page'
 * ```
 */
export declare function iriToUri(iri: string): string;
/**
 * Quotes a decoded path for use in a URL: like `iriToUri`, and also `?` and `#` (which would
 * otherwise start a query or fragment) and `%` (a decoded path has no escapes left).
 *
 * @example
 * ```ts
 * quotePath('/files/100% done?.txt'); // '/files/100%25%20done%3F.txt'
 * ```
 */
export declare function quotePath(path: string): string;
//# sourceMappingURL=url.d.ts.map