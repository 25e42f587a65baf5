/**
 * Default cap on the items read from a list header (DESIGN section 5).
 *
 * @example
 * ```ts
 * splitList(hugeHeader).length <= MAX_LIST_ITEMS; // true
 * ```
 */
export declare const MAX_LIST_ITEMS = 100;
/**
 * True when `value` is an RFC 9110 token (the characters allowed unquoted in header values).
 *
 * @example
 * ```ts
 * isToken('gzip');      // true
 * isToken('two words'); // false
 * ```
 */
export declare function isToken(value: string): boolean;
/**
 * Quotes a header parameter value when it is not a token, escaping `"` and `\`.
 *
 * @example
 * ```ts
 * quoteHeaderValue('utf-8');        // 'utf-8'
 * quoteHeaderValue('say "hi"');     // '"say \\"hi\\""'
 * quoteHeaderValue('');             // '""'
 * ```
 */
export declare function quoteHeaderValue(value: string): string;
/**
 * Removes the surrounding quotes of a quoted string and its backslash escapes; any other value is
 * returned as it is.
 *
 * @example
 * ```ts
 * unquoteHeaderValue('"a \\"b\\""'); // 'a "b"'
 * unquoteHeaderValue('token');       // 'token'
 * ```
 */
export declare function unquoteHeaderValue(value: string): string;
/**
 * Splits a comma-separated list into its trimmed, non-empty items, keeping quoted strings (commas
 * inside quotes do not split) and their quotes. An item whose quote never closes is dropped.
 * Stops after `max` items, so a huge header costs no more than its first `max` items.
 *
 * @example
 * ```ts
 * splitList('a, "b, c" ,, d'); // ['a', '"b, c"', 'd']
 * ```
 */
export declare function splitList(value: string, max?: number): string[];
/** Options for the list parsers. */
export interface ListOptions {
    /** Items past this count are ignored. Default {@link MAX_LIST_ITEMS}. */
    max?: number;
}
/**
 * Parses a comma list header (`Vary`, `Allow`, `Connection`...) into its items, unquoting quoted
 * ones. At most `max` items are read.
 *
 * @example
 * ```ts
 * parseList('token, "quoted, value"'); // ['token', 'quoted, value']
 * ```
 */
export declare function parseList(value: string | null | undefined, options?: ListOptions): string[];
/**
 * Reads `;`-separated `key=value` parameters from `value`, starting at `start`, into `out` as
 * `[lowercase key, unquoted value]` pairs. Parameters without `=`, with a non-token key or with an
 * unterminated quoted value are skipped. Returns nothing; runs in one pass.
 *
 * @example
 * ```ts
 * const out: Array<[string, string]> = [];
 * scanParameters('text/html; Level="1"', 9, out); // out: [['level', '1']]
 * ```
 */
export declare function scanParameters(value: string, start: number, out: Array<[string, string]>): void;
/** The result of {@link parseOptionsHeader}. */
export interface OptionsHeader {
    /** The main value before the first `;`, trimmed (not lowercased). */
    value: string;
    /** The parameters by lowercase name (a null-prototype record). */
    params: Record<string, string>;
}
/**
 * Parses a `value; key=value; key2="quoted"` header (Content-Type, Content-Disposition...).
 * Parameter names are lowercased; RFC 8187 `key*=UTF-8''percent%20encoded` values are decoded and
 * win over the plain `key`. Never throws.
 *
 * @example
 * ```ts
 * parseOptionsHeader('text/html; charset="utf-8"');
 * // { value: 'text/html', params: { charset: 'utf-8' } }
 * parseOptionsHeader("attachment; filename*=UTF-8''%E2%82%AC.txt").params.filename; // '€.txt'
 * ```
 */
export declare function parseOptionsHeader(header: string | null | undefined): OptionsHeader;
/**
 * The index of `code` in `value` at or after `from`, skipping quoted strings; -1 when absent.
 *
 * @example
 * ```ts
 * indexOutsideQuotes('a="x;y"; b', 0x3b, 0); // 7
 * ```
 */
export declare function indexOutsideQuotes(value: string, code: number, from: number): number;
/**
 * Decodes an RFC 8187 ext-value (`charset'lang'percent-encoded`). UTF-8 and ISO-8859-1 (and ASCII)
 * are understood; anything else, or invalid UTF-8, gives `undefined`.
 *
 * @example
 * ```ts
 * decodeExtValue("UTF-8''%E2%82%AC%20rates"); // '€ rates'
 * ```
 */
export declare function decodeExtValue(value: string): string | undefined;
/**
 * Encodes a string as an RFC 8187 ext-value in UTF-8 (`UTF-8''...`), for `filename*` and friends.
 *
 * @example
 * ```ts
 * encodeExtValue('€ rates.pdf'); // "UTF-8''%E2%82%AC%20rates.pdf"
 * ```
 */
export declare function encodeExtValue(value: string): string;
/**
 * Parses a comma list of `key=value` items (`Cache-Control`, `Digest` auth parameters...) into a
 * null-prototype record; keys without a value map to `null`, the first of a repeated key wins,
 * keys keep their case. `key*=UTF-8''...` values are decoded.
 *
 * @example
 * ```ts
 * parseDictHeader('a=b, c="d, e", f'); // { a: 'b', c: 'd, e', f: null }
 * ```
 */
export declare function parseDictHeader(value: string | null | undefined, options?: ListOptions): Record<string, string | null>;
/**
 * Builds a `value; key=value` header, quoting values that are not tokens; `undefined` and `null`
 * parameters are skipped.
 *
 * @example
 * ```ts
 * dumpOptionsHeader('text/html', { charset: 'utf-8' }); // 'text/html; charset=utf-8'
 * ```
 */
export declare function dumpOptionsHeader(value: string, params: Record<string, string | number | null | undefined>): string;
/**
 * Builds a comma list header from items (quoted when needed) or from a record of `key=value`
 * pairs (`null` values give a bare key).
 *
 * @example
 * ```ts
 * dumpHeader(['foo', 'bar baz']);          // 'foo, "bar baz"'
 * dumpHeader({ 'max-age': 60, public: null }); // 'max-age=60, public'
 * ```
 */
export declare function dumpHeader(items: Iterable<string> | Record<string, string | number | null>): string;
//# sourceMappingURL=grammar.d.ts.map