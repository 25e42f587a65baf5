/**
 * Status codes and their reason phrases (RFC 9110 section 15, plus the common registered extras).
 * @module
 */
/**
 * Reason phrases by status code.
 *
 * @example
 * ```ts
 * STATUS_PHRASES[404]; // 'Not Found'
 * ```
 */
export declare const STATUS_PHRASES: Readonly<Record<number, string>>;
/**
 * The status line for a code: `404` gives `'404 Not Found'`; unknown codes get `'Unknown'`.
 * Throws a `RangeError` for codes outside 100-999.
 *
 * @example
 * ```ts
 * statusLine(201); // '201 Created'
 * ```
 */
export declare function statusLine(code: number): string;
/**
 * Parses a status line such as `'404 Not Found'` into its code; throws a `TypeError` when the line
 * does not start with a three-digit code.
 *
 * @example
 * ```ts
 * parseStatusLine('418 I am a teapot'); // 418
 * ```
 */
export declare function parseStatusLine(status: string): number;
/**
 * True for statuses whose responses carry no body: 1xx, 204 and 304.
 *
 * @example
 * ```ts
 * isBodyless(304); // true
 * ```
 */
export declare function isBodyless(code: number): boolean;
//# sourceMappingURL=status.d.ts.map