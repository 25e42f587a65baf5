/** One parsed item of an Accept-style header. */
export interface AcceptItem {
    /** The value as normalized for matching: lowercase, parameters kept for media types. */
    readonly value: string;
    /** The quality, 0 to 1 (`q=0` means "not acceptable"). */
    readonly quality: number;
    /** Media-type parameters (before `q`), lowercase names and values; empty for other headers. */
    readonly params: Readonly<Record<string, string>>;
}
/** Options for the Accept parsers. */
export interface AcceptOptions {
    /** Items past this count are ignored. Default 100 (DESIGN section 5). */
    maxItems?: number;
}
/** An item with what matching needs: its specificity and header position. */
export interface AcceptEntry extends AcceptItem {
    readonly specificity: number;
    readonly index: number;
}
/**
 * A parsed Accept-style header. Iterating yields `[value, quality]` pairs by preference (highest
 * quality first, then the more specific, then header order). `provided` is false when the request
 * had no such header: then every offer is acceptable with quality 1 and `bestMatch` returns the
 * first offer.
 *
 * @example
 * ```ts
 * const accept = parseLanguageAccept('de-AT, de;q=0.9, en;q=0.5');
 * accept.bestMatch(['en', 'de']);  // 'de'
 * accept.quality('en');             // 0.5
 * [...accept];                      // [['de-at', 1], ['de', 0.9], ['en', 0.5]]
 * ```
 */
export declare class Accept implements Iterable<[string, number]> {
    #private;
    /** True when the header was present (even if empty or unparsable). */
    readonly provided: boolean;
    /** Items by preference (quality, then specificity, then header order). */
    readonly items: readonly AcceptItem[];
    constructor(header: string | null | undefined, options?: AcceptOptions);
    /** The value used for matching, or `undefined` when the item is invalid. */
    protected normalize(value: string, _params: Record<string, string>): string | undefined;
    /** How specific an item is; a more specific item's quality overrides a wildcard's. */
    protected specificity(value: string, _params: Record<string, string>): number;
    /** True when the client's `item` covers the server's `offer`. */
    protected matches(offer: string, item: AcceptItem): boolean;
    /** The quality the most specific matching item gives `offer`, or undefined when none matches. */
    protected lookup(offer: string, match: (offer: string, item: AcceptItem) => boolean): AcceptEntry | undefined;
    /**
     * The quality the client gives `offer`: that of the most specific matching item, 0 when nothing
     * matches, 1 when the header was absent.
     *
     * @example
     * ```ts
     * parseAccept('text/*;q=0.5, text/html').quality('text/plain'); // 0.5
     * ```
     */
    quality(offer: string): number;
    /** True when `offer` is acceptable (quality above 0). */
    accepts(offer: string): boolean;
    /**
     * The offer the client likes best: the highest quality, then the one matched by the more
     * specific item, then the first in `offers`. Offers with quality 0 are never chosen. Without the
     * header, the first offer. `defaultValue` (or `undefined`) when nothing is acceptable.
     *
     * @example
     * ```ts
     * parseAccept('application/json, text/html;q=0.9').bestMatch(['text/html', 'application/json']);
     * // 'application/json'
     * ```
     */
    bestMatch<T extends string>(offers: Iterable<T>): T | undefined;
    bestMatch<T extends string, D>(offers: Iterable<T>, defaultValue: D): T | D;
    /** `bestMatch` with a given matching rule; undefined when nothing is acceptable. */
    protected bestBy<T extends string>(offers: readonly T[], match: (offer: string, item: AcceptItem) => boolean, rank?: (offer: string) => number): T | undefined;
    /** The client's favourite value, or undefined when there is none. */
    get best(): string | undefined;
    /** Number of items parsed. */
    get size(): number;
    /** The values by preference. */
    values(): IterableIterator<string>;
    [Symbol.iterator](): IterableIterator<[string, number]>;
    /**
     * The header again, by preference.
     *
     * @example
     * ```ts
     * String(parseAccept('text/html;q=0.5, application/json')); // 'application/json, text/html;q=0.5'
     * ```
     */
    toString(): string;
}
//# sourceMappingURL=accept-base.d.ts.map