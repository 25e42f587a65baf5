/**
 * Set-like list headers: `Vary`, `Allow`, `Content-Language`, `Access-Control-Allow-Methods`,
 * `Access-Control-Allow-Headers`, `Access-Control-Expose-Headers`...
 * @module
 */
import { parseList } from './grammar.js';
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
export class HeaderSet {
    /** Called after every change with this set. */
    onChange;
    #items = new Map();
    constructor(items = [], onChange) {
        for (const item of items)
            this.#insert(item);
        this.onChange = onChange;
    }
    #insert(item) {
        const value = item.trim();
        if (value === '')
            return false;
        if (/[\r\n\0,]/.test(value))
            throw new TypeError(`invalid header list item: ${JSON.stringify(item)}`);
        const key = value.toLowerCase();
        if (this.#items.has(key))
            return false;
        this.#items.set(key, value);
        return true;
    }
    /** Adds items (case-insensitively unique); returns this. */
    add(...items) {
        let changed = false;
        for (const item of items)
            changed = this.#insert(item) || changed;
        if (changed)
            this.onChange?.(this);
        return this;
    }
    /** Removes an item (any case); returns whether it was there. */
    delete(item) {
        const removed = this.#items.delete(item.trim().toLowerCase());
        if (removed)
            this.onChange?.(this);
        return removed;
    }
    /** True when the item is present, compared case-insensitively. */
    has(item) {
        return this.#items.has(item.trim().toLowerCase());
    }
    /** Removes every item. */
    clear() {
        if (this.#items.size === 0)
            return;
        this.#items.clear();
        this.onChange?.(this);
    }
    /** Replaces the content with `items`. */
    replace(items) {
        this.#items.clear();
        for (const item of items)
            this.#insert(item);
        this.onChange?.(this);
        return this;
    }
    /** Number of items. */
    get size() {
        return this.#items.size;
    }
    /** The items in order, as first spelled. */
    [Symbol.iterator]() {
        return this.#items.values();
    }
    /** The items as an array. */
    toArray() {
        return [...this.#items.values()];
    }
    /** The header value: items joined by `, ` (empty string when empty). */
    toString() {
        return this.toArray().join(', ');
    }
}
/**
 * Parses a set-like list header into a `HeaderSet` (at most 100 items by default).
 *
 * @example
 * ```ts
 * parseHeaderSet('GET, HEAD, get').toArray(); // ['GET', 'HEAD']
 * ```
 */
export function parseHeaderSet(header, onChange, options) {
    const items = parseList(header, options).filter((item) => !/[\r\n\0,]/.test(item));
    return new HeaderSet(items, onChange);
}
//# sourceMappingURL=header-set.js.map