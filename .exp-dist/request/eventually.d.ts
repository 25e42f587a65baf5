/**
 * Values that are there at once or later. The body readers of `Request` answer without a promise
 * per step when the body is already in memory (spec rule 4.8), and promise otherwise.
 * @module
 */
/** A value or the promise of one: body readers answer at once when the body is already here. */
export type Eventually<T> = T | Promise<T>;
/**
 * Applies `fn` now to a value, or later to a promised one.
 *
 * @example
 * ```ts
 * after(3, (n) => n + 1); // 4, at once
 * ```
 */
export declare function after<T, U>(value: Eventually<T>, fn: (value: T) => Eventually<U>): Eventually<U>;
/**
 * The public face of a reader: always a promise, with a throw turned into a rejection.
 *
 * @example
 * ```ts
 * await settle(() => 4); // 4
 * ```
 */
export declare function settle<T>(read: () => Eventually<T>): Promise<T>;
//# sourceMappingURL=eventually.d.ts.map