/**
 * A parsed `Cache-Control` header. Directive names are case-insensitive and kept lowercase; the
 * first occurrence of a repeated directive wins (RFC 9111 section 4.2.1); unknown directives are
 * kept and written back. Every change calls `onChange`, which is how `res.cacheControl` writes
 * itself back to the response header. One class serves both sides: the request directives
 * (`maxStale`, `minFresh`, `onlyIfCached`) and the response ones are all here.
 *
 * @example
 * ```ts
 * const cc = parseCacheControl('public, max-age=60');
 * cc.maxAge;          // 60
 * cc.maxAge = 300;
 * cc.noCache = ['Set-Cookie'];
 * String(cc);         // 'public, max-age=300, no-cache="Set-Cookie"'
 * ```
 */
export declare class CacheControl implements Iterable<[string, string | null]> {
    #private;
    /** True when the header was present. */
    readonly provided: boolean;
    /** Called after every change with this object. */
    onChange: ((cacheControl: CacheControl) => void) | undefined;
    constructor(header?: string | null, onChange?: (cacheControl: CacheControl) => void);
    /** The raw value of a directive: a string, `null` when present without a value, `undefined` when absent. */
    get(name: string): string | null | undefined;
    /** True when the directive is present. */
    has(name: string): boolean;
    /** Sets a directive (`null`: without a value); names must be tokens. */
    set(name: string, value?: string | number | null): this;
    /** Removes a directive; returns whether it was there. */
    delete(name: string): boolean;
    /** Number of directives. */
    get size(): number;
    [Symbol.iterator](): IterableIterator<[string, string | null]>;
    /** `max-age`, seconds; undefined when absent or not a number. */
    get maxAge(): number | undefined;
    set maxAge(value: number | undefined);
    /** `s-maxage` (shared caches), seconds. */
    get sMaxage(): number | undefined;
    set sMaxage(value: number | undefined);
    /** `stale-while-revalidate` (RFC 5861), seconds. */
    get staleWhileRevalidate(): number | undefined;
    set staleWhileRevalidate(value: number | undefined);
    /** `stale-if-error` (RFC 5861), seconds. */
    get staleIfError(): number | undefined;
    set staleIfError(value: number | undefined);
    /** `min-fresh` (request), seconds. */
    get minFresh(): number | undefined;
    set minFresh(value: number | undefined);
    /** `max-stale` (request): seconds, `true` for any staleness (no value), undefined when absent. */
    get maxStale(): number | true | undefined;
    set maxStale(value: number | true | undefined);
    /** `no-cache`: `true`, the field names it lists, or `false` when absent. */
    get noCache(): boolean | string[];
    set noCache(value: boolean | readonly string[]);
    /** `private`: `true`, the field names it lists, or `false` when absent. */
    get private(): boolean | string[];
    set private(value: boolean | readonly string[]);
    /** `no-store`. */
    get noStore(): boolean;
    set noStore(value: boolean);
    /** `public`. */
    get public(): boolean;
    set public(value: boolean);
    /** `must-revalidate`. */
    get mustRevalidate(): boolean;
    set mustRevalidate(value: boolean);
    /** `proxy-revalidate`. */
    get proxyRevalidate(): boolean;
    set proxyRevalidate(value: boolean);
    /** `no-transform`. */
    get noTransform(): boolean;
    set noTransform(value: boolean);
    /** `immutable` (RFC 8246). */
    get immutable(): boolean;
    set immutable(value: boolean);
    /** `only-if-cached` (request). */
    get onlyIfCached(): boolean;
    set onlyIfCached(value: boolean);
    /** `must-understand`. */
    get mustUnderstand(): boolean;
    set mustUnderstand(value: boolean);
    /**
     * The header value, directives in insertion order. Field-name lists (`no-cache`, `private`) are
     * always quoted, as RFC 9111 asks; other values only when they are not tokens.
     */
    toString(): string;
}
/**
 * Parses a `Cache-Control` header (request or response); `onChange` is called after each change.
 *
 * @example
 * ```ts
 * parseCacheControl('no-cache, max-stale').maxStale; // true
 * parseCacheControl(undefined).provided;             // false
 * ```
 */
export declare function parseCacheControl(header: string | null | undefined, onChange?: (cacheControl: CacheControl) => void): CacheControl;
//# sourceMappingURL=cache-control.d.ts.map