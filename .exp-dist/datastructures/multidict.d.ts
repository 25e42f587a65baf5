/**
 * An ordered multi-value mapping with `URLSearchParams` names.
 * @module
 */
/** Anything a `MultiDict` can be built from. */
export type MultiDictInit<V> = Iterable<readonly [string, V]> | Record<string, V | readonly V[]> | MultiDict<V>;
/**
 * An ordered mapping from keys to one or more values: query arguments, form fields, files.
 * `get` returns the first value, `getAll` every value, iteration yields every pair in order.
 *
 * @example
 * ```ts
 * const args = new MultiDict([['tag', 'a'], ['tag', 'b'], ['page', '2']]);
 * args.get('tag');    // 'a'
 * args.getAll('tag'); // ['a', 'b']
 * [...args];          // [['tag', 'a'], ['tag', 'b'], ['page', '2']]
 * ```
 */
export declare class MultiDict<V = string> implements Iterable<[string, V]> {
    #private;
    constructor(init?: MultiDictInit<V> | null);
    /** Number of pairs (not of distinct keys). */
    get size(): number;
    /** The first value for `key`, or `undefined`. */
    get(key: string): V | undefined;
    /** Every value for `key`, in order; an empty array when there is none. */
    getAll(key: string): V[];
    /** True when at least one value is stored for `key`. */
    has(key: string): boolean;
    /** Adds a value after the existing ones. */
    append(key: string, value: V): void;
    /** Replaces every value for `key` with one value, kept at the position of the first. */
    set(key: string, value: V): void;
    /** Removes every value for `key`. */
    delete(key: string): void;
    /** The distinct keys, in order of first appearance. */
    keys(): IterableIterator<string>;
    /** Every value, in order. */
    values(): IterableIterator<V>;
    /** Every `[key, value]` pair (a copy each), in order. */
    entries(): IterableIterator<[string, V]>;
    [Symbol.iterator](): IterableIterator<[string, V]>;
    /** Calls `fn` for each pair, in order. */
    forEach(fn: (value: V, key: string, dict: this) => void): void;
    /** A plain object with the first value of each key; it inherits nothing, so any key is safe. */
    toObject(): Record<string, V>;
    /** A plain object with every value of each key as an array. */
    toLists(): Record<string, V[]>;
    /**
     * A plain object with each key's value, or an array of its values when it has several: the
     * shape of Node's `querystring.parse` and Express's `req.query`, handy to echo or log. It
     * inherits nothing, so any key is safe.
     *
     * @example
     * ```ts
     * new MultiDict([['a', '1'], ['c', '3'], ['c', '4']]).toRecord(); // { a: '1', c: ['3', '4'] }
     * ```
     */
    toRecord(): Record<string, V | V[]>;
    /** JSON form: the first value of each key, like `toObject()`. */
    toJSON(): Record<string, V>;
    /** A shallow copy. */
    copy(): MultiDict<V>;
}
/**
 * A `MultiDict` that takes ownership of `pairs` (no copy): for parsers that build the array and
 * hand it over. The caller must not touch the array afterwards.
 */
export declare function multiDictFromPairs<V>(pairs: Array<[string, V]>): MultiDict<V>;
//# sourceMappingURL=multidict.d.ts.map