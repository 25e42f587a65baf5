/**
 * Set-like list headers: `Vary`, `Allow`, `Content-Language`, `Access-Control-Allow-Methods`,
 * `Access-Control-Allow-Headers`, `Access-Control-Expose-Headers`...
 * @module
 */
import { type ListOptions } from './grammar.js';
/**
 * An ordered, case-insensitive set of header list items. Adding an item already present (in any
 * case) keeps the first spelling; every change calls `onChange`, which is how the response writes
 * `res.vary` and friends back to its headers.
 *
 * @example
 * ```ts
 * const vary = parseHeaderSet('Accept-Encoding');
 * vary.add('accept-encoding'); // already there
 * vary.add('Cookie');
 * String(vary);                // 'Accept-Encoding, Cookie'
 * vary.has('COOKIE');          // true
 * ```
 */
export declare class HeaderSet implements Iterable<string> {
    #private;
    /** Called after every change with this set. */
    onChange: ((set: HeaderSet) => void) | undefined;
    constructor(items?: Iterable<string>, onChange?: (set: HeaderSet) => void);
    /** Adds items (case-insensitively unique); returns this. */
    add(...items: string[]): this;
    /** Removes an item (any case); returns whether it was there. */
    delete(item: string): boolean;
    /** True when the item is present, compared case-insensitively. */
    has(item: string): boolean;
    /** Removes every item. */
    clear(): void;
    /** Replaces the content with `items`. */
    replace(items: Iterable<string>): this;
    /** Number of items. */
    get size(): number;
    /** The items in order, as first spelled. */
    [Symbol.iterator](): IterableIterator<string>;
    /** The items as an array. */
    toArray(): string[];
    /** The header value: items joined by `, ` (empty string when empty). */
    toString(): string;
}
/**
 * Parses a set-like list header into a `HeaderSet` (at most 100 items by default).
 *
 * @example
 * ```ts
 * parseHeaderSet('GET, HEAD, get').toArray(); // ['GET', 'HEAD']
 * ```
 */
export declare function parseHeaderSet(header: string | null | undefined, onChange?: (set: HeaderSet) => void, options?: ListOptions): HeaderSet;
//# sourceMappingURL=header-set.d.ts.map