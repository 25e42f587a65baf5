/**
 * The `Retry-After` header (RFC 9110 section 10.2.3): seconds or an HTTP date.
 * @module
 */
import { formatHttpDate, parseHttpDate } from './dates.js';
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
export function parseRetryAfter(header, now = Date.now()) {
    if (!header)
        return null;
    const text = header.trim();
    if (/^\d{1,10}$/.test(text))
        return new Date(now + Number(text) * 1000);
    return parseHttpDate(text);
}
/**
 * Formats `Retry-After`: a number of seconds (rounded up, at least 0) or a `Date`.
 *
 * @example
 * ```ts
 * formatRetryAfter(30.2);                       // '31'
 * formatRetryAfter(new Date(Date.UTC(2015, 9, 21, 7, 28))); // 'Wed, 21 Oct 2015 07:28:00 GMT'
 * ```
 */
export function formatRetryAfter(value) {
    if (value instanceof Date)
        return formatHttpDate(value);
    if (!Number.isFinite(value))
        throw new TypeError(`invalid Retry-After seconds: ${value}`);
    return String(Math.max(0, Math.ceil(value)));
}
//# sourceMappingURL=retry-after.js.map