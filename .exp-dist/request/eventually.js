/**
 * Values that are there at once or later. The body readers of `Request` answer without a promise
 * per step when the body is already in memory (spec rule 4.8), and promise otherwise.
 * @module
 */
/**
 * Applies `fn` now to a value, or later to a promised one.
 *
 * @example
 * ```ts
 * after(3, (n) => n + 1); // 4, at once
 * ```
 */
export function after(value, fn) {
    return value instanceof Promise ? value.then(fn) : fn(value);
}
/**
 * The public face of a reader: always a promise, with a throw turned into a rejection.
 *
 * @example
 * ```ts
 * await settle(() => 4); // 4
 * ```
 */
export function settle(read) {
    try {
        return Promise.resolve(read());
    }
    catch (error) {
        return Promise.reject(error);
    }
}
//# sourceMappingURL=eventually.js.map