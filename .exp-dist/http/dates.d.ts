/**
 * HTTP dates (RFC 9110 section 5.6.7): parsing the three formats recipients must accept and
 * formatting the one senders must use.
 * @module
 */
/**
 * Parses an HTTP date in IMF-fixdate (RFC 1123), RFC 850 or asctime format into a `Date`, or
 * `null` when the value is missing, malformed or names an impossible date (31 Feb, 25:00...).
 * The zone may be `GMT` (also `UTC`, `UT`, `Z`, or a numeric offset, which some clients send) or
 * absent (read as UTC). RFC 850 two-digit years more than 50 years in the future mean the past
 * century (RFC 9110 section 5.6.7). Never throws.
 *
 * @example
 * ```ts
 * parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')?.toISOString(); // '1994-11-06T08:49:37.000Z'
 * parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT');                // same instant
 * parseHttpDate('Sun Nov  6 08:49:37 1994');                      // same instant
 * parseHttpDate('yesterday');                                     // null
 * ```
 */
export declare function parseHttpDate(value: string | null | undefined, now?: number): Date | null;
/**
 * Formats a date as an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the only form senders may
 * use. Accepts a `Date` or a millisecond timestamp (as `Date.now()` gives); an invalid date is a
 * programming error and throws a `TypeError`.
 *
 * @example
 * ```ts
 * formatHttpDate(new Date(Date.UTC(1994, 10, 6, 8, 49, 37))); // 'Sun, 06 Nov 1994 08:49:37 GMT'
 * formatHttpDate(0);                                          // 'Thu, 01 Jan 1970 00:00:00 GMT'
 * ```
 */
export declare function formatHttpDate(date: Date | number): string;
//# sourceMappingURL=dates.d.ts.map