/**
 * Parses `Retry-After` into a `Date` (seconds are added to `now`), or `null` when absent or
 * malformed.
 *
 * @example
 * ```ts
 * parseRetryAfter('120', Date.UTC(2024, 0, 1))?.toISOString(); // '2024-01-01T00:02:00.000Z'
 * parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT')?.getTime();  // 1445412480000
 * ```
 */
export declare function parseRetryAfter(header: string | null | undefined, now?: number): Date | null;
/**
 * Formats `Retry-After`: a number of seconds (rounded up, at least 0) or a `Date`.
 *
 * @example
 * ```ts
 * formatRetryAfter(30.2);                       // '31'
 * formatRetryAfter(new Date(Date.UTC(2015, 9, 21, 7, 28))); // 'Wed, 21 Oct 2015 07:28:00 GMT'
 * ```
 */
export declare function formatRetryAfter(value: number | Date): string;
//# sourceMappingURL=retry-after.d.ts.map