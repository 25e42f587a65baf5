/**
 * Parses a query string or urlencoded body into `[name, value]` pairs, in order, with repeats and
 * blank values kept: `+` is a space, `%XX` escapes are decoded as UTF-8, invalid escapes stay as
 * written and invalid UTF-8 becomes U+FFFD. The same result as `[...new URLSearchParams(text)]`
 * (a leading `?` aside, which this does not skip).
 *
 * @example
 * ```ts
 * parseUrlencoded('tag=a&tag=b+c&empty=&bad=%zz'); // [['tag','a'], ['tag','b c'], ['empty',''], ['bad','%zz']]
 * ```
 */
export declare function parseUrlencoded(text: string): Array<[string, string]>;
//# sourceMappingURL=urlencoded.d.ts.map