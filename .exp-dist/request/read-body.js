/**
 * Reading `tsgi.input` under the request's limits: capped at Content-Length, a short body is a 400,
 * a body past the limit is a 413 raised as soon as the limit is crossed.
 * @module
 */
import { BadRequest, HTTPException, RequestEntityTooLarge } from '../errors.js';
import { concatBytes } from '../datastructures/bytes.js';
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
export function declaredLength(header) {
    if (header === undefined || header === '')
        return undefined;
    const value = header.trim();
    if (!isDecimal(value))
        throw new BadRequest(`Invalid Content-Length header: ${JSON.stringify(header.slice(0, 40))}.`);
    return Number(value);
}
/** 1 to 16 ASCII digits: `/^\d{1,16}$/` without the regular expression, on every body's path. */
function isDecimal(value) {
    const length = value.length;
    if (length === 0 || length > 16)
        return false;
    for (let i = 0; i < length; i++) {
        const code = value.charCodeAt(i);
        if (code < 48 || code > 57)
            return false;
    }
    return true;
}
/**
 * Wraps the raw input so it yields at most `declared` bytes, throws a 400 when it ends before,
 * and a 413 once more than `limit` bytes have been read. Reading stops as soon as a rule is broken.
 *
 * @example
 * ```ts
 * for await (const chunk of limitedInput(environ['tsgi.input'], 12, 1024)) use(chunk);
 * ```
 */
export async function* limitedInput(input, declared, limit) {
    const guard = new LengthGuard(declared, limit);
    if (guard.done)
        return;
    // The input fails when the client goes away mid-body (the node adapter's ClientDisconnected):
    // that is the client's doing, so it becomes a 400 here for every reader, not a 500.
    try {
        for await (const raw of input) {
            const chunk = guard.take(raw);
            if (chunk.byteLength)
                yield chunk;
            if (guard.done)
                return;
        }
    }
    catch (error) {
        throw readFailure(error);
    }
    guard.finish();
}
/**
 * Reads the whole input into one `Uint8Array` under the same rules as `limitedInput`, without a
 * generator in between (this is every buffered reader's path, so every form and JSON request's).
 *
 * @example
 * ```ts
 * const bytes = await readLimited(environ['tsgi.input'], 12, 1024);
 * ```
 */
export async function readLimited(input, declared, limit) {
    if (input instanceof BufferedInput)
        return readBuffered(input, declared, limit);
    const guard = new LengthGuard(declared, limit);
    if (guard.done)
        return new Uint8Array(0);
    const chunks = [];
    let size = 0;
    const iterator = input[Symbol.asyncIterator]();
    try {
        for (;;) {
            const step = await iterator.next();
            if (step.done)
                break;
            const chunk = guard.take(step.value);
            if (chunk.byteLength) {
                chunks.push(chunk);
                size += chunk.byteLength;
            }
            if (guard.done) {
                await iterator.return?.();
                break;
            }
        }
    }
    catch (error) {
        // Stop the source as for-await would (a 413 mid-body leaves the rest unread).
        void Promise.resolve(iterator.return?.()).catch(() => { });
        throw readFailure(error);
    }
    guard.finish();
    return chunks.length === 0 ? new Uint8Array(0) : concatBytes(chunks, size);
}
/**
 * `readLimited` for a body already in memory (spec rule 4.8): the same rules, answered at once,
 * without a promise per chunk. Throws the HTTP error instead of rejecting.
 *
 * @example
 * ```ts
 * const bytes = readBuffered(new BufferedInput([chunk]), chunk.byteLength, 1024);
 * ```
 */
export function readBuffered(input, declared, limit) {
    const guard = new LengthGuard(declared, limit);
    const chunks = [];
    let size = 0;
    for (const raw of input.chunks) {
        if (guard.done)
            break;
        const chunk = guard.take(raw);
        if (chunk.byteLength) {
            chunks.push(chunk);
            size += chunk.byteLength;
        }
    }
    guard.finish();
    return concatBytes(chunks, size);
}
/** Counts body bytes against the declared length and the limit, chunk by chunk. */
class LengthGuard {
    #total = 0;
    #declared;
    #limit;
    /** True once the declared length has been read (nothing more is wanted). */
    done;
    constructor(declared, limit) {
        if (declared !== undefined && declared > limit)
            throw tooLarge(limit);
        this.#declared = declared;
        this.#limit = limit;
        this.done = declared === 0;
    }
    /** The part of `chunk` that belongs to the body; a 413 once past the limit. */
    take(chunk) {
        const declared = this.#declared;
        if (declared !== undefined && this.#total + chunk.byteLength >= declared) {
            const wanted = declared - this.#total;
            if (chunk.byteLength > wanted)
                chunk = chunk.subarray(0, wanted);
            this.#total = declared;
            this.done = true;
            return chunk;
        }
        this.#total += chunk.byteLength;
        if (this.#total > this.#limit)
            throw tooLarge(this.#limit);
        return chunk;
    }
    /** A 400 when the input ended before the declared length. */
    finish() {
        const declared = this.#declared;
        if (declared !== undefined && this.#total < declared) {
            throw new BadRequest(`The request body ended after ${this.#total} of the ${declared} bytes its Content-Length announced.`);
        }
    }
}
/**
 * The error for a failed body read: an `HTTPException` as it is, anything else (a reset
 * connection) as a 400 with the original as `cause`.
 *
 * @example
 * ```ts
 * try { await iterator.next(); } catch (error) { throw readFailure(error); }
 * ```
 */
export function readFailure(error) {
    if (error instanceof HTTPException)
        return error;
    return new BadRequest('The request body could not be read to its end (the client may have gone away).', { cause: error });
}
/** The 413 for a body over `limit` bytes. */
export function tooLarge(limit) {
    return new RequestEntityTooLarge(`The request body is larger than the limit of ${limit} bytes.`);
}
//# sourceMappingURL=read-body.js.map