/** An entity tag without its quotes, and whether it is weak (`W/"..."`). */
export interface EntityTag {
    readonly tag: string;
    readonly weak: boolean;
}
/**
 * Quotes a tag for the `ETag` header, with `W/` when weak. Characters an entity tag cannot hold
 * (quotes, spaces, controls, non-Latin-1) throw a `TypeError`: the tag comes from the application.
 *
 * @example
 * ```ts
 * quoteEtag('abc');       // '"abc"'
 * quoteEtag('abc', true); // 'W/"abc"'
 * ```
 */
export declare function quoteEtag(tag: string, weak?: boolean): string;
/**
 * Splits an `ETag` value into the tag and its weakness. Lenient: an unquoted value is taken as the
 * tag itself (some servers send those). Never throws.
 *
 * @example
 * ```ts
 * unquoteEtag('W/"abc"'); // { tag: 'abc', weak: true }
 * unquoteEtag('"abc"');   // { tag: 'abc', weak: false }
 * ```
 */
export declare function unquoteEtag(value: string): EntityTag;
/**
 * The value of `If-Match` or `If-None-Match`: `*` or a list of strong and weak tags.
 * `contains` uses the strong comparison (for `If-Match` and `If-Range`), `containsWeak` the weak
 * one (for `If-None-Match`). An absent header is an empty set that contains nothing.
 *
 * @example
 * ```ts
 * const etags = parseEtags('"a", W/"b"');
 * etags.contains('a');      // true
 * etags.contains('b');      // false (weak tags never match strongly)
 * etags.containsWeak('b');  // true
 * parseEtags('*').contains('anything'); // true
 * ```
 */
export declare class ETags implements Iterable<EntityTag> {
    #private;
    /** True for `*`: any current representation matches. */
    readonly star: boolean;
    constructor(tags?: Iterable<EntityTag>, star?: boolean);
    /** True when the header was empty or absent (and not `*`). */
    get isEmpty(): boolean;
    /** Number of tags (0 for `*`). */
    get size(): number;
    /** Strong comparison: `tag` is listed as a strong tag, or the header is `*`. */
    contains(tag: string): boolean;
    /** Weak comparison: `tag` is listed strong or weak, or the header is `*`. */
    containsWeak(tag: string): boolean;
    /** True when `tag` is listed as a strong tag (`*` does not count). */
    isStrong(tag: string): boolean;
    /** True when `tag` is listed only as a weak tag. */
    isWeak(tag: string): boolean;
    /**
     * Compares a full `ETag` header value (`W/"x"` or `"x"`): weak values by the weak comparison,
     * strong ones by the strong comparison.
     */
    containsRaw(etag: string): boolean;
    /** The tags in header order. */
    [Symbol.iterator](): IterableIterator<EntityTag>;
    /**
     * The header again.
     *
     * @example
     * ```ts
     * String(parseEtags('W/"b",  "a"')); // 'W/"b", "a"'
     * ```
     */
    toString(): string;
}
/**
 * Parses an `If-Match` / `If-None-Match` header. Reads quoted tags (with `W/`), `*` (which wins
 * over anything else listed), and, leniently, unquoted tokens; at most `max` tags. Linear, never
 * throws.
 *
 * @example
 * ```ts
 * [...parseEtags('"a", W/"b"')]; // [{ tag: 'a', weak: false }, { tag: 'b', weak: true }]
 * ```
 */
export declare function parseEtags(header: string | null | undefined, options?: {
    max?: number;
}): ETags;
/**
 * A strong entity tag for some content: the hex SHA-1 of its bytes (as Werkzeug makes them),
 * computed with Web Crypto so it runs on every runtime. Strings are hashed as UTF-8.
 *
 * @example
 * ```ts
 * await generateEtag(new TextEncoder().encode('hello')); // 'aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d'
 * ```
 */
export declare function generateEtag(data: Uint8Array | ArrayBuffer | string): Promise<string>;
//# sourceMappingURL=etag.d.ts.map