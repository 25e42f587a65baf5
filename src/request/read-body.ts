/**
 * Reading `tsgi.input` under the request's limits: capped at Content-Length, a short body is a 400,
 * a body past the limit is a 413 raised as soon as the limit is crossed.
 * @module
 */
import { BadRequest, HTTPException, RequestEntityTooLarge } from '../errors.js';
import { concatBytes } from '../datastructures/bytes.js';

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
export function declaredLength(header: string | undefined): number | undefined {
  if (header === undefined || header === '') return undefined;
  const value = header.trim();
  if (!/^\d{1,16}$/.test(value)) throw new BadRequest(`Invalid Content-Length header: ${JSON.stringify(header.slice(0, 40))}.`);
  return Number(value);
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
export async function* limitedInput(
  input: AsyncIterable<Uint8Array>,
  declared: number | undefined,
  limit: number,
): AsyncGenerator<Uint8Array, void, undefined> {
  if (declared !== undefined && declared > limit) throw tooLarge(limit);
  if (declared === 0) return;
  let total = 0;
  // The input fails when the client goes away mid-body (the node adapter's ClientDisconnected):
  // that is the client's doing, so it becomes a 400 here for every reader, not a 500.
  try {
    for await (const raw of input) {
      let chunk = raw;
      if (declared !== undefined && total + chunk.byteLength >= declared) {
        chunk = chunk.subarray(0, declared - total);
        total = declared;
        if (chunk.byteLength) yield chunk;
        return;
      }
      total += chunk.byteLength;
      if (total > limit) throw tooLarge(limit);
      if (chunk.byteLength) yield chunk;
    }
  } catch (error) {
    throw readFailure(error);
  }
  if (declared !== undefined && total < declared) {
    throw new BadRequest(`The request body ended after ${total} of the ${declared} bytes its Content-Length announced.`);
  }
}

/**
 * Reads the whole (limited) input into one `Uint8Array`.
 *
 * @example
 * ```ts
 * const bytes = await readAll(limitedInput(input, declared, 1 << 20));
 * ```
 */
export async function readAll(input: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of input) {
    chunks.push(chunk);
    total += chunk.byteLength;
  }
  return chunks.length === 0 ? new Uint8Array(0) : concatBytes(chunks, total);
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
export function readFailure(error: unknown): HTTPException {
  if (error instanceof HTTPException) return error;
  return new BadRequest('The request body could not be read to its end (the client may have gone away).', { cause: error });
}

/** The 413 for a body over `limit` bytes. */
export function tooLarge(limit: number): RequestEntityTooLarge {
  return new RequestEntityTooLarge(`The request body is larger than the limit of ${limit} bytes.`);
}
