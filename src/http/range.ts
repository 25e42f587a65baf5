/**
 * Range requests (RFC 9110 section 14): `Range`, `Content-Range` and `If-Range`.
 * @module
 */
import { parseHttpDate, formatHttpDate } from './dates.js';
import { unquoteEtag, type EntityTag } from './etag.js';
import { MAX_LIST_ITEMS } from './grammar.js';

/** One range of a `Range` header: `first-last`, `first-` (open) or `-suffix` (the last bytes). */
export type RangeSpec =
  | { readonly start: number; readonly end?: number }
  | { readonly suffix: number };

/** How a `Range` applies to a representation of a given length (see {@link Range.resolve}). */
export type RangeResolution =
  /** Serve these `[start, stop)` slices with 206 (one: a plain body; several: multipart/byteranges). */
  | { readonly status: 206; readonly ranges: ReadonlyArray<readonly [number, number]> }
  /** Nothing in the set overlaps the representation: 416 with `Content-Range: bytes *\/length`. */
  | { readonly status: 416 }
  /** The set is abusive (overlapping ranges, more bytes than the representation): ignore it, send 200. */
  | { readonly status: 200 };

/** Options for {@link parseRange}. */
export interface RangeOptions {
  /** More ranges than this make the whole header ignored. Default 100 (DESIGN section 5). */
  maxRanges?: number;
}

const DIGITS = /^\d{1,15}$/; // 15 digits stays below 2^53: no precision games

/**
 * A parsed `Range` header.
 *
 * @example
 * ```ts
 * const range = parseRange('bytes=0-4')!;
 * range.rangeForLength(10);   // [0, 5]
 * String(range.toContentRange(10)); // 'bytes 0-4/10'
 * parseRange('bytes=-3')!.rangeForLength(10); // [7, 10]
 * ```
 */
export class Range {
  constructor(
    /** The range unit, lowercase (`bytes`). */
    readonly units: string,
    /** The ranges as sent. */
    readonly ranges: readonly RangeSpec[],
  ) {}

  /**
   * Resolves the set against a representation of `length` bytes: drops ranges that start past the
   * end, clamps ends, then answers 206 with the slices, 416 when none is left, or 200 (ignore the
   * header) when the slices overlap or add up to more than the representation, as RFC 9110
   * section 14.2 allows against range-based denial of service. Non-`bytes` units are ignored (200).
   *
   * @example
   * ```ts
   * parseRange('bytes=0-1,4-5')!.resolve(10); // { status: 206, ranges: [[0, 2], [4, 6]] }
   * parseRange('bytes=20-')!.resolve(10);     // { status: 416 }
   * parseRange('bytes=-5,0-9')!.resolve(10);  // { status: 200 }
   * ```
   */
  resolve(length: number): RangeResolution {
    if (this.units !== 'bytes') return { status: 200 };
    const slices: Array<[number, number]> = [];
    for (const spec of this.ranges) {
      const slice = sliceFor(spec, length);
      if (slice) slices.push(slice);
    }
    if (slices.length === 0) return { status: 416 };
    if (slices.length > 1) {
      const sorted = slices.slice().sort((a, b) => a[0] - b[0]);
      let total = 0;
      for (let i = 0; i < sorted.length; i++) {
        if (i > 0 && sorted[i][0] < sorted[i - 1][1]) return { status: 200 };
        total += sorted[i][1] - sorted[i][0];
      }
      if (total > length) return { status: 200 };
    }
    return { status: 206, ranges: slices };
  }

  /**
   * The `[start, stop)` slice for a single-range header, or `null` when the header holds several
   * ranges, another unit, or a range that cannot be satisfied.
   *
   * @example
   * ```ts
   * parseRange('bytes=5-')!.rangeForLength(8); // [5, 8]
   * parseRange('bytes=9-')!.rangeForLength(8); // null
   * ```
   */
  rangeForLength(length: number): [number, number] | null {
    if (this.units !== 'bytes' || this.ranges.length !== 1) return null;
    return sliceFor(this.ranges[0], length);
  }

  /**
   * The `Content-Range` of a single-range response, or `null` when `rangeForLength` is null.
   *
   * @example
   * ```ts
   * String(parseRange('bytes=0-4')!.toContentRange(10)); // 'bytes 0-4/10'
   * ```
   */
  toContentRange(length: number): ContentRange | null {
    const slice = this.rangeForLength(length);
    return slice ? new ContentRange(this.units, slice[0], slice[1], length) : null;
  }

  /** The header again, e.g. `bytes=0-4,-3`. */
  toString(): string {
    const parts = this.ranges.map((spec) =>
      'suffix' in spec ? `-${spec.suffix}` : `${spec.start}-${spec.end === undefined ? '' : spec.end}`,
    );
    return `${this.units}=${parts.join(',')}`;
  }
}

function sliceFor(spec: RangeSpec, length: number): [number, number] | null {
  if ('suffix' in spec) {
    if (spec.suffix === 0 || length === 0) return null;
    return [Math.max(0, length - spec.suffix), length];
  }
  if (spec.start >= length) return null;
  const stop = spec.end === undefined ? length : Math.min(spec.end + 1, length);
  return [spec.start, stop];
}

/**
 * Parses a `Range` header, or returns `null` when it should be ignored: missing, malformed (an
 * item that is not `a-b`, `a-` or `-n`, or with `a > b`), with more than `maxRanges` ranges, or
 * listing closed ranges that overlap (`bytes=0-0,0-0,...`). Empty list items are skipped as RFC
 * 9110 section 5.6.1 asks. Linear time, never throws.
 *
 * @example
 * ```ts
 * parseRange('bytes=0-4, -6, 10-')?.ranges; // [{ start: 0, end: 4 }, { suffix: 6 }, { start: 10 }]
 * parseRange('bytes=5-1');                  // null
 * ```
 */
export function parseRange(header: string | null | undefined, options: RangeOptions = {}): Range | null {
  if (!header) return null;
  const maxRanges = options.maxRanges ?? MAX_LIST_ITEMS;
  const eq = header.indexOf('=');
  if (eq === -1) return null;
  const units = header.slice(0, eq).trim().toLowerCase();
  if (!/^[!#$%&'*+\-.^_`|~0-9a-z]+$/.test(units)) return null;
  const ranges: RangeSpec[] = [];
  const closed: Array<[number, number]> = [];
  let start = eq + 1;
  while (start <= header.length) {
    let comma = header.indexOf(',', start);
    if (comma === -1) comma = header.length;
    const item = header.slice(start, comma).trim();
    start = comma + 1;
    if (item === '') continue;
    if (ranges.length === maxRanges) return null;
    const dash = item.indexOf('-');
    if (dash === -1) return null;
    const first = item.slice(0, dash).trim();
    const last = item.slice(dash + 1).trim();
    if (first === '') {
      if (!DIGITS.test(last)) return null;
      ranges.push({ suffix: Number(last) });
      continue;
    }
    if (!DIGITS.test(first)) return null;
    const from = Number(first);
    if (last === '') {
      ranges.push({ start: from });
      continue;
    }
    if (!DIGITS.test(last)) return null;
    const to = Number(last);
    if (to < from) return null;
    ranges.push({ start: from, end: to });
    closed.push([from, to]);
  }
  if (ranges.length === 0) return null;
  if (closed.length > 1) {
    closed.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < closed.length; i++) if (closed[i][0] <= closed[i - 1][1]) return null;
  }
  return new Range(units, ranges);
}

/**
 * A `Content-Range` value: `bytes 0-4/10` (a satisfied range; `stop` is exclusive), `bytes *\/10`
 * (unsatisfied) or `bytes 0-4/*` (unknown length).
 *
 * @example
 * ```ts
 * String(new ContentRange('bytes', 0, 5, 10));                  // 'bytes 0-4/10'
 * String(new ContentRange('bytes', undefined, undefined, 10));  // 'bytes *\/10'
 * parseContentRange('bytes 0-4/10')?.stop;                      // 5
 * ```
 */
export class ContentRange {
  constructor(
    /** The range unit. */
    public units: string,
    /** First byte, or undefined for `*`. */
    public start: number | undefined,
    /** One past the last byte, or undefined for `*`. */
    public stop: number | undefined,
    /** Complete length, or undefined when unknown (`*`). */
    public length: number | undefined,
  ) {}

  /** The header value. */
  toString(): string {
    const range = this.start === undefined || this.stop === undefined ? '*' : `${this.start}-${this.stop - 1}`;
    return `${this.units} ${range}/${this.length === undefined ? '*' : this.length}`;
  }
}

/**
 * Parses a `Content-Range` header, or `null` when it is malformed or inconsistent (last before
 * first, last past the length, `*` without a length). Never throws.
 *
 * @example
 * ```ts
 * parseContentRange('bytes *\/10');   // ContentRange { units: 'bytes', start: undefined, stop: undefined, length: 10 }
 * parseContentRange('bytes 5-1/10'); // null
 * ```
 */
export function parseContentRange(header: string | null | undefined): ContentRange | null {
  if (!header || header.length > 200) return null;
  const match = /^\s*([!#$%&'*+\-.^_`|~0-9A-Za-z]+)\s+(?:(\d{1,15})-(\d{1,15})|\*)\/(\d{1,15}|\*)\s*$/.exec(header);
  if (!match) return null;
  const length = match[4] === '*' ? undefined : Number(match[4]);
  if (match[2] === undefined) {
    return length === undefined ? null : new ContentRange(match[1], undefined, undefined, length);
  }
  const start = Number(match[2]);
  const last = Number(match[3]);
  if (last < start || (length !== undefined && last >= length)) return null;
  return new ContentRange(match[1], start, last + 1, length);
}

/**
 * The `If-Range` validator: an entity tag or a date.
 *
 * @example
 * ```ts
 * parseIfRange('"abc"')?.matches({ etag: 'abc' }); // true
 * parseIfRange('W/"abc"')?.matches({ etag: 'abc' }); // false (weak tags never match)
 * ```
 */
export class IfRange {
  constructor(
    /** The entity tag, when the validator is one. */
    readonly etag?: EntityTag,
    /** The date, when the validator is one. */
    readonly date?: Date,
  ) {}

  /**
   * True when the current representation still matches the validator, so the range may be served
   * (RFC 9110 section 13.1.5): an entity tag must match strongly, a date must equal `Last-Modified`
   * to the second.
   */
  matches(current: { etag?: string | EntityTag; lastModified?: Date | null }): boolean {
    if (this.etag) {
      if (this.etag.weak || current.etag === undefined) return false;
      const etag = typeof current.etag === 'string' ? unquoteEtag(current.etag) : current.etag;
      return !etag.weak && etag.tag === this.etag.tag;
    }
    if (this.date && current.lastModified) {
      return Math.floor(this.date.getTime() / 1000) === Math.floor(current.lastModified.getTime() / 1000);
    }
    return false;
  }

  /** The header again. */
  toString(): string {
    if (this.etag) return this.etag.weak ? `W/"${this.etag.tag}"` : `"${this.etag.tag}"`;
    return this.date ? formatHttpDate(this.date) : '';
  }
}

/**
 * Parses `If-Range`: a quoted entity tag or an HTTP date; `null` when absent or empty. A value that
 * is neither gives an `IfRange` with no validator, which matches nothing: the client asked for a
 * range only of some version, and a validator we cannot read is not this one (RFC 9110 13.1.5),
 * so the Range is ignored rather than served from what may be another version.
 *
 * @example
 * ```ts
 * parseIfRange('Sun, 06 Nov 1994 08:49:37 GMT')?.date?.toISOString(); // '1994-11-06T08:49:37.000Z'
 * parseIfRange('unquoted')?.matches({ etag: 'unquoted' }); // false
 * ```
 */
export function parseIfRange(header: string | null | undefined): IfRange | null {
  const text = header?.trim();
  if (!text) return null;
  if (text.startsWith('"') || text.startsWith('W/"')) {
    if (text.length < 2 || !text.endsWith('"') || (text.startsWith('W/') && text.length < 4)) return new IfRange();
    return new IfRange(unquoteEtag(text));
  }
  const date = parseHttpDate(text);
  return date ? new IfRange(undefined, date) : new IfRange();
}
