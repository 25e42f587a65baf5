import { type EntityTag } from './etag.js';
/** One range of a `Range` header: `first-last`, `first-` (open) or `-suffix` (the last bytes). */
export type RangeSpec = {
    readonly start: number;
    readonly end?: number;
} | {
    readonly suffix: number;
};
/** How a `Range` applies to a representation of a given length (see {@link Range.resolve}). */
export type RangeResolution = 
/** Serve these `[start, stop)` slices with 206 (one: a plain body; several: multipart/byteranges). */
{
    readonly status: 206;
    readonly ranges: ReadonlyArray<readonly [number, number]>;
}
/** Nothing in the set overlaps the representation: 416 with `Content-Range: bytes *\/length`. */
 | {
    readonly status: 416;
}
/** The set is abusive (overlapping ranges, more bytes than the representation): ignore it, send 200. */
 | {
    readonly status: 200;
};
/** Options for {@link parseRange}. */
export interface RangeOptions {
    /** More ranges than this make the whole header ignored. Default 100 (DESIGN section 5). */
    maxRanges?: number;
}
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
export declare class Range {
    /** The range unit, lowercase (`bytes`). */
    readonly units: string;
    /** The ranges as sent. */
    readonly ranges: readonly RangeSpec[];
    constructor(
    /** The range unit, lowercase (`bytes`). */
    units: string, 
    /** The ranges as sent. */
    ranges: readonly RangeSpec[]);
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
    resolve(length: number): RangeResolution;
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
    rangeForLength(length: number): [number, number] | null;
    /**
     * The `Content-Range` of a single-range response, or `null` when `rangeForLength` is null.
     *
     * @example
     * ```ts
     * String(parseRange('bytes=0-4')!.toContentRange(10)); // 'bytes 0-4/10'
     * ```
     */
    toContentRange(length: number): ContentRange | null;
    /** The header again, e.g. `bytes=0-4,-3`. */
    toString(): string;
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
export declare function parseRange(header: string | null | undefined, options?: RangeOptions): Range | null;
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
export declare class ContentRange {
    /** The range unit. */
    units: string;
    /** First byte, or undefined for `*`. */
    start: number | undefined;
    /** One past the last byte, or undefined for `*`. */
    stop: number | undefined;
    /** Complete length, or undefined when unknown (`*`). */
    length: number | undefined;
    constructor(
    /** The range unit. */
    units: string, 
    /** First byte, or undefined for `*`. */
    start: number | undefined, 
    /** One past the last byte, or undefined for `*`. */
    stop: number | undefined, 
    /** Complete length, or undefined when unknown (`*`). */
    length: number | undefined);
    /** The header value. */
    toString(): string;
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
export declare function parseContentRange(header: string | null | undefined): ContentRange | null;
/**
 * The `If-Range` validator: an entity tag or a date.
 *
 * @example
 * ```ts
 * parseIfRange('"abc"')?.matches({ etag: 'abc' }); // true
 * parseIfRange('W/"abc"')?.matches({ etag: 'abc' }); // false (weak tags never match)
 * ```
 */
export declare class IfRange {
    /** The entity tag, when the validator is one. */
    readonly etag?: EntityTag | undefined;
    /** The date, when the validator is one. */
    readonly date?: Date | undefined;
    constructor(
    /** The entity tag, when the validator is one. */
    etag?: EntityTag | undefined, 
    /** The date, when the validator is one. */
    date?: Date | undefined);
    /**
     * True when the current representation still matches the validator, so the range may be served
     * (RFC 9110 section 13.1.5): an entity tag must match strongly, a date must equal `Last-Modified`
     * to the second.
     */
    matches(current: {
        etag?: string | EntityTag;
        lastModified?: Date | null;
    }): boolean;
    /** The header again. */
    toString(): string;
}
/**
 * Parses `If-Range`: a quoted entity tag or an HTTP date; `null` when absent or neither.
 *
 * @example
 * ```ts
 * parseIfRange('Sun, 06 Nov 1994 08:49:37 GMT')?.date?.toISOString(); // '1994-11-06T08:49:37.000Z'
 * ```
 */
export declare function parseIfRange(header: string | null | undefined): IfRange | null;
//# sourceMappingURL=range.d.ts.map