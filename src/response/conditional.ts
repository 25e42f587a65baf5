/**
 * Conditional and range responses (RFC 9110 sections 13 and 14): 304, 412, 206 (single range and
 * `multipart/byteranges`) and 416, on buffered bodies and on bodies that can slice themselves
 * (files) without being read whole.
 * @module
 */
import type { Environ } from '../gateway.js';
import { parseHttpDate } from '../http/dates.js';
import { parseEtags, unquoteEtag, type ETags } from '../http/etag.js';
import { ContentRange, parseIfRange, parseRange, type IfRange, type Range } from '../http/range.js';
import { knownBytes, type BodyInit } from './body.js';
import { discardBody } from './discard.js';
import type { Response } from './response.js';

/**
 * A body that knows its size and can produce any byte slice on its own, such as a file: ranges
 * are then served by reading only the requested bytes. It is also an ordinary async iterable of
 * the whole content, so it can be a `Response` body as it is. A slice must not need the body
 * itself: once a range answers the request, the body is closed (`return()` on its iterator).
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
export function isRangeableBody(body: unknown): body is RangeableBody {
  if (body === null || typeof body !== 'object') return false;
  const candidate = body as Partial<RangeableBody>;
  return (
    typeof candidate.size === 'number' &&
    typeof candidate.slice === 'function' &&
    typeof (candidate as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function'
  );
}

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
export function conditionalRequest(environ: Environ): ConditionalRequest {
  return {
    method: environ.REQUEST_METHOD.toUpperCase(),
    ifMatch: parseEtags(environ.HTTP_IF_MATCH),
    ifNoneMatch: parseEtags(environ.HTTP_IF_NONE_MATCH),
    ifModifiedSince: parseHttpDate(environ.HTTP_IF_MODIFIED_SINCE),
    ifUnmodifiedSince: parseHttpDate(environ.HTTP_IF_UNMODIFIED_SINCE),
    ifRange: parseIfRange(environ.HTTP_IF_RANGE),
    range: parseRange(environ.HTTP_RANGE),
  };
}

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

const isSafe = (method: string): boolean => method === 'GET' || method === 'HEAD';

/** Seconds precision: HTTP dates have no milliseconds. */
const seconds = (date: Date): number => Math.floor(date.getTime() / 1000);

function lastModifiedOf(res: Response): Date | null {
  return parseHttpDate(res.headers.get('Last-Modified'));
}

/**
 * Evaluates the preconditions in RFC 9110 section 13.2.2 order and returns the status they
 * call for: 412, 304, or undefined to go on.
 */
function evaluatePreconditions(res: Response, req: ConditionalRequest): 304 | 412 | undefined {
  const etagHeader = res.headers.get('ETag');
  const etag = etagHeader === undefined ? undefined : unquoteEtag(etagHeader);
  const lastModified = lastModifiedOf(res);
  // Step 1-2: If-Match (strong), else If-Unmodified-Since.
  if (!req.ifMatch.isEmpty) {
    // `*` matches any current representation: this response (a 2xx) is one.
    const matches = req.ifMatch.star || (etag !== undefined && !etag.weak && req.ifMatch.contains(etag.tag));
    if (!matches) return 412;
  } else if (req.ifUnmodifiedSince && lastModified) {
    if (seconds(lastModified) > seconds(req.ifUnmodifiedSince)) return 412;
  }
  // Step 3-4: If-None-Match (weak), else If-Modified-Since (GET/HEAD only).
  if (!req.ifNoneMatch.isEmpty) {
    const matches = req.ifNoneMatch.star || (etag !== undefined && req.ifNoneMatch.containsWeak(etag.tag));
    if (matches) return isSafe(req.method) ? 304 : 412;
  } else if (req.ifModifiedSince && lastModified && isSafe(req.method)) {
    if (seconds(lastModified) <= seconds(req.ifModifiedSince)) return 304;
  }
  return undefined;
}

// What describes the bytes of a body that a 412 no longer carries (its Content-Length becomes 0).
const REPRESENTATION_HEADERS = [
  'Content-Type',
  'Content-Encoding',
  'Content-Language',
  'Content-Range',
  'Content-MD5',
  'Content-Disposition',
];

/** Sets a new body and closes the old one, which will never be sent (a no-op for bytes and strings). */
async function replaceBody(res: Response, body: BodyInit): Promise<void> {
  const old = res.body;
  res.body = body;
  await discardBody(old);
}

const encoder = new TextEncoder();

function randomBoundary(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return `tsgi-${hex}`;
}

/** Where the bytes of the representation come from. */
type Source = { length: number; slice(start: number, end: number): BodyInit };

function sourceOf(body: BodyInit, completeLength: number | undefined): Source | undefined {
  if (isRangeableBody(body)) {
    const length = completeLength ?? body.size;
    return { length, slice: (start, end) => body.slice(start, end) as BodyInit };
  }
  const bytes = knownBytes(body);
  if (bytes !== undefined) {
    return { length: completeLength ?? bytes.byteLength, slice: (start, end) => bytes.subarray(start, end) };
  }
  return undefined;
}

async function* chunksOf(body: BodyInit): AsyncGenerator<Uint8Array> {
  if (body instanceof Uint8Array) {
    yield body;
    return;
  }
  for await (const chunk of body as AsyncIterable<Uint8Array> | Iterable<Uint8Array>) yield chunk;
}

/** A `multipart/byteranges` body (RFC 9110 section 14.6) and its exact length. */
function multipartBody(
  source: Source,
  ranges: ReadonlyArray<readonly [number, number]>,
  contentType: string | undefined,
  boundary: string,
): { body: AsyncIterable<Uint8Array>; length: number } {
  const heads = ranges.map(([start, stop], index) =>
    encoder.encode(
      `${index === 0 ? '' : '\r\n'}--${boundary}\r\n` +
        (contentType ? `Content-Type: ${contentType}\r\n` : '') +
        `Content-Range: ${new ContentRange('bytes', start, stop, source.length)}\r\n\r\n`,
    ),
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  let length = tail.byteLength;
  ranges.forEach(([start, stop], index) => (length += heads[index].byteLength + stop - start));
  async function* parts(): AsyncGenerator<Uint8Array> {
    for (let index = 0; index < ranges.length; index++) {
      yield heads[index];
      yield* chunksOf(source.slice(ranges[index][0], ranges[index][1]));
    }
    yield tail;
  }
  return { body: parts(), length };
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
export async function makeConditional<R extends Response>(
  res: R,
  request: ConditionalRequest | Environ,
  options: ConditionalOptions = {},
): Promise<R> {
  const req: ConditionalRequest =
    typeof (request as Environ).REQUEST_METHOD === 'string' && !('ifMatch' in request)
      ? conditionalRequest(request as Environ)
      : (request as ConditionalRequest);
  const code = res.statusCode;
  if (code < 200 || code > 299) return res;
  const acceptRanges = options.acceptRanges === true ? 'bytes' : options.acceptRanges || undefined;
  if (acceptRanges !== undefined && !res.headers.has('Accept-Ranges')) res.headers.set('Accept-Ranges', acceptRanges);
  const outcome = evaluatePreconditions(res, req);
  if (outcome !== undefined) {
    res.status = outcome;
    // Neither carries the representation: a file behind the body is never opened, a stream is
    // cancelled now. A 304 keeps the headers (serving drops those it must not carry).
    const length = res.headers.get('Content-Length');
    await replaceBody(res, '');
    if (outcome === 304) res.headers.setOrDelete('Content-Length', length);
    else for (const name of REPRESENTATION_HEADERS) res.headers.delete(name);
    return res;
  }
  if (acceptRanges !== 'bytes' || code !== 200 || !isSafe(req.method) || !req.range) return res;
  if (req.ifRange) {
    const current = { etag: res.headers.get('ETag'), lastModified: lastModifiedOf(res) };
    if (!req.ifRange.matches(current)) return res;
  }
  const source = sourceOf(res.body, options.completeLength);
  if (!source || source.length === 0) return res;
  const resolution = req.range.resolve(source.length);
  if (resolution.status === 200) return res;
  if (resolution.status === 416) {
    res.status = 416;
    await replaceBody(res, '');
    res.headers.delete('Content-Type');
    res.headers.set('Content-Range', `bytes */${source.length}`);
    return res;
  }
  const { ranges } = resolution;
  res.status = 206;
  // The slices come from the source on their own (a file body opens the file again), so the body
  // they replace is closed now, as for 304, 412 and 416: a generator or stream behind it is released.
  if (ranges.length === 1) {
    const [start, stop] = ranges[0];
    await replaceBody(res, source.slice(start, stop));
    res.headers.set('Content-Range', String(new ContentRange('bytes', start, stop, source.length)));
    res.headers.set('Content-Length', String(stop - start));
    return res;
  }
  const boundary = randomBoundary();
  const multipart = multipartBody(source, ranges, res.headers.get('Content-Type'), boundary);
  await replaceBody(res, multipart.body);
  res.headers.set('Content-Type', `multipart/byteranges; boundary=${boundary}`);
  res.headers.set('Content-Length', String(multipart.length));
  res.headers.delete('Content-Range');
  return res;
}
