/**
 * Reading `tsgi.input` under the request's limits: capped at Content-Length, a short body is a 400,
 * a body past the limit is a 413 raised as soon as the limit is crossed.
 * @module
 */
import { HTTPException, RequestEntityTooLarge } from '../errors.js';
import { BufferedInput } from '../gateway.js';
/**
 * The declared Content-Length: `undefined` when absent, a 400 when it is not a plain decimal
 * number (a negative, signed, hex or list value is how request smuggling starts).
 *
 * @example
 * ```ts
 * declaredLength('42'); // 42
 * declaredLength('4,2'); // throws BadRequest
 * ```
 */
export declare function declaredLength(header: string | undefined): number | undefined;
/**
 * Wraps the raw input so it yields at most `declared` bytes, throws a 400 when it ends before,
 * and a 413 once more than `limit` bytes have been read. Reading stops as soon as a rule is broken.
 *
 * @example
 * ```ts
 * for await (const chunk of limitedInput(environ['tsgi.input'], 12, 1024)) use(chunk);
 * ```
 */
export declare function limitedInput(input: AsyncIterable<Uint8Array>, declared: number | undefined, limit: number): AsyncGenerator<Uint8Array, void, undefined>;
/**
 * Reads the whole input into one `Uint8Array` under the same rules as `limitedInput`, without a
 * generator in between (this is every buffered reader's path, so every form and JSON request's).
 *
 * @example
 * ```ts
 * const bytes = await readLimited(environ['tsgi.input'], 12, 1024);
 * ```
 */
export declare function readLimited(input: AsyncIterable<Uint8Array>, declared: number | undefined, limit: number): Promise<Uint8Array>;
/**
 * `readLimited` for a body already in memory (spec rule 4.8): the same rules, answered at once,
 * without a promise per chunk. Throws the HTTP error instead of rejecting.
 *
 * @example
 * ```ts
 * const bytes = readBuffered(new BufferedInput([chunk]), chunk.byteLength, 1024);
 * ```
 */
export declare function readBuffered(input: BufferedInput, declared: number | undefined, limit: number): Uint8Array;
/**
 * The error for a failed body read: an `HTTPException` as it is, anything else (a reset
 * connection) as a 400 with the original as `cause`.
 *
 * @example
 * ```ts
 * try { await iterator.next(); } catch (error) { throw readFailure(error); }
 * ```
 */
export declare function readFailure(error: unknown): HTTPException;
/** The 413 for a body over `limit` bytes. */
export declare function tooLarge(limit: number): RequestEntityTooLarge;
//# sourceMappingURL=read-body.d.ts.map