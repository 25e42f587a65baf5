/**
 * An ordered multi-value mapping with `URLSearchParams` names.
 * @module
 */
/**
 * Plain objects that inherit nothing (no `Object.prototype` in their chain, so `__proto__` or
 * `constructor` are ordinary keys), built so V8 keeps them in fast mode: `Object.create(null)`
 * starts in dictionary mode, which makes every read and `JSON.stringify` slower.
 */
const SafeRecord = function SafeRecord() {
    // Instances get their keys from the caller.
};
SafeRecord.prototype = Object.freeze(Object.create(null));
// Set by MultiDict's static block: it alone can reach the private field.
let adopt;
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
export class MultiDict {
    #pairs = [];
    // Built on the first look-up, then kept in step: parsing a form or a query only appends, and
    // many are iterated or read once, so the index is paid for only when a key is looked up.
    #indexed;
    static {
        adopt = (pairs) => {
            const dict = new MultiDict();
            dict.#pairs = pairs;
            return dict;
        };
    }
    get #index() {
        if (this.#indexed === undefined) {
            const index = new Map();
            for (const [key, value] of this.#pairs) {
                const values = index.get(key);
                if (values)
                    values.push(value);
                else
                    index.set(key, [value]);
            }
            this.#indexed = index;
        }
        return this.#indexed;
    }
    constructor(init) {
        if (init == null)
            return;
        if (isIterable(init)) {
            for (const [key, value] of init)
                this.append(key, value);
            return;
        }
        for (const key of Object.keys(init)) {
            const value = init[key];
            if (Array.isArray(value))
                for (const item of value)
                    this.append(key, item);
            else
                this.append(key, value);
        }
    }
    /** Number of pairs (not of distinct keys). */
    get size() {
        return this.#pairs.length;
    }
    /** The first value for `key`, or `undefined`. */
    get(key) {
        return this.#index.get(key)?.[0];
    }
    /** Every value for `key`, in order; an empty array when there is none. */
    getAll(key) {
        return this.#index.get(key)?.slice() ?? [];
    }
    /** True when at least one value is stored for `key`. */
    has(key) {
        return this.#index.has(key);
    }
    /** Adds a value after the existing ones. */
    append(key, value) {
        this.#pairs.push([key, value]);
        const index = this.#indexed;
        if (index === undefined)
            return;
        const values = index.get(key);
        if (values)
            values.push(value);
        else
            index.set(key, [value]);
    }
    /** Replaces every value for `key` with one value, kept at the position of the first. */
    set(key, value) {
        if (!this.#index.has(key)) {
            this.append(key, value);
            return;
        }
        let seen = false;
        this.#pairs = this.#pairs.filter((pair) => {
            if (pair[0] !== key)
                return true;
            if (seen)
                return false;
            seen = true;
            pair[1] = value;
            return true;
        });
        this.#index.set(key, [value]);
    }
    /** Removes every value for `key`. */
    delete(key) {
        if (!this.#index.delete(key))
            return;
        this.#pairs = this.#pairs.filter((pair) => pair[0] !== key);
    }
    /** The distinct keys, in order of first appearance. */
    keys() {
        return this.#index.keys();
    }
    /** Every value, in order. */
    values() {
        return new PairIterator(this.#pairs, takeValue);
    }
    /** Every `[key, value]` pair (a copy each), in order. */
    entries() {
        return new PairIterator(this.#pairs, copyPair);
    }
    [Symbol.iterator]() {
        return this.entries();
    }
    /** Calls `fn` for each pair, in order. */
    forEach(fn) {
        for (const [key, value] of this.#pairs)
            fn(value, key, this);
    }
    /** A plain object with the first value of each key; it inherits nothing, so any key is safe. */
    toObject() {
        const out = new SafeRecord();
        for (const [key, values] of this.#index)
            out[key] = values[0];
        return out;
    }
    /** A plain object with every value of each key as an array. */
    toLists() {
        const out = new SafeRecord();
        for (const [key, values] of this.#index)
            out[key] = values.slice();
        return out;
    }
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
    toRecord() {
        const out = new SafeRecord();
        // Which keys hold an array we made: a value may itself be an array.
        let repeated;
        for (const [key, value] of this.#pairs) {
            if (!(key in out))
                out[key] = value;
            else if (repeated?.has(key))
                out[key].push(value);
            else {
                (repeated ??= new Set()).add(key);
                out[key] = [out[key], value];
            }
        }
        return out;
    }
    /** JSON form: the first value of each key, like `toObject()`. */
    toJSON() {
        return this.toObject();
    }
    /** A shallow copy. */
    copy() {
        return new MultiDict(this.#pairs);
    }
}
/**
 * A `MultiDict` that takes ownership of `pairs` (no copy): for parsers that build the array and
 * hand it over. The caller must not touch the array afterwards.
 */
export function multiDictFromPairs(pairs) {
    return adopt(pairs);
}
const takeValue = (pair) => pair[1];
const copyPair = (pair) => [pair[0], pair[1]];
/**
 * Walks the pairs as they are at each step (like an array iterator), mapping each one. A plain
 * class rather than a generator: iterating is on the hot path of every form and query, and a
 * generator costs twice as much per pair.
 */
class PairIterator {
    pairs;
    map;
    #index = 0;
    constructor(pairs, map) {
        this.pairs = pairs;
        this.map = map;
    }
    next() {
        const pairs = this.pairs;
        if (this.#index < pairs.length)
            return { done: false, value: this.map(pairs[this.#index++]) };
        this.#index = Infinity;
        return { done: true, value: undefined };
    }
    [Symbol.iterator]() {
        return this;
    }
}
function isIterable(value) {
    return typeof value[Symbol.iterator] === 'function';
}
//# sourceMappingURL=multidict.js.map