/**
 * Conditional and range responses (RFC 9110 sections 13 and 14): 304, 412, 206 (single range and
 * `multipart/byteranges`) and 416, on buffered bodies and on bodies that can slice themselves
 * (files) without being read whole.
 * @module
 */
import type { Environ } from '../gateway.js';
import { type ETags } from '../http/etag.js';
import { type IfRange, type Range } from '../http/range.js';
import type { Response } from './response.js';
/**
 * A body that knows its size and can produce any byte slice on its own, such as a file: ranges
 * are then served by reading only the requested bytes. It is also an ordinary async iterable of
 * the whole content, so it can be a `Response` body as it is.
 *
 * @example
 * ```ts
 * const body: RangeableBody = {
 *   size: data.byteLength,
 *   slice: (start, end) => [data.subarray(start, end)],
 *   async *[Symbol.asyncIterator]() { yield data; },
 * };
 * ```
 */
export interface RangeableBody extends AsyncIterable<Uint8Array> {
    /** Total size in bytes. */
    readonly size: number;
    /** The bytes `[start, end)`, as chunks. */
    slice(start: number, end: number): AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}
/**
 * True when `body` implements {@link RangeableBody}.
 *
 * @example
 * ```ts
 * isRangeableBody(new Uint8Array(3)); // false
 * ```
 */
export declare function isRangeableBody(body: unknown): body is RangeableBody;
/** What conditional handling reads from the request; a `Request` has all of it. */
export interface ConditionalRequest {
    readonly method: string;
    readonly ifMatch: ETags;
    readonly ifNoneMatch: ETags;
    readonly ifModifiedSince: Date | null;
    readonly ifUnmodifiedSince: Date | null;
    readonly ifRange: IfRange | null;
    readonly range: Range | null;
}
/**
 * Reads the conditional headers straight from an environ (for callers without a `Request`).
 *
 * @example
 * ```ts
 * conditionalRequest({ ...environ, HTTP_IF_NONE_MATCH: '"v1"' }).ifNoneMatch.containsWeak('v1'); // true
 * ```
 */
export declare function conditionalRequest(environ: Environ): ConditionalRequest;
/** Options for `makeConditional`. */
export interface ConditionalOptions {
    /**
     * Serve `Range` requests and send `Accept-Ranges` (`true` means `bytes`). Off by default, as in
     * Werkzeug: ranges of a body the application did not mean to slice are a surprise.
     */
    acceptRanges?: boolean | string;
    /**
     * The complete length of the representation, when the body does not tell (a stream). Ranges of a
     * body that can neither slice itself nor be sliced in memory are ignored.
     */
    completeLength?: number;
}
/**
 * Makes `res` answer `req`'s conditional and range headers, in place, and returns it. Order
 * (RFC 9110 section 13.2.2): `If-Match` (strong; `*` matches) else `If-Unmodified-Since` → 412;
 * `If-None-Match` (weak) else `If-Modified-Since` → 304 for GET/HEAD, 412 for other methods; then,
 * for GET/HEAD with `acceptRanges`, `Range` (ignored when `If-Range` no longer matches): one range
 * → 206 with `Content-Range`, several → 206 `multipart/byteranges`, none satisfiable → 416 with
 * `Content-Range: bytes *\/length`, malformed or abusive → the full 200. Only 2xx responses are
 * touched (ranges only for 200).
 *
 * @example
 * ```ts
 * const res = new Response(bytes, { mimetype: 'video/mp4' });
 * res.setEtag('v1');
 * await makeConditional(res, req, { acceptRanges: true }); // 304, 412, 206, 416 or 200
 * ```
 */
export declare function makeConditional<R extends Response>(res: R, request: ConditionalRequest | Environ, options?: ConditionalOptions): Promise<R>;
//# sourceMappingURL=conditional.d.ts.map