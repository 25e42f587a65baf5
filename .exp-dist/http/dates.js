/**
 * HTTP dates (RFC 9110 section 5.6.7): parsing the three formats recipients must accept and
 * formatting the one senders must use.
 * @module
 */
const MONTHS = {
    jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};
// Every pattern is anchored and made of bounded pieces, so matching is linear (inputs are also
// capped at MAX_DATE_LENGTH before any regex runs).
const WEEKDAY = '(?:[A-Za-z]{3,9},?\\s+)?';
const TIME = '(\\d{2}):(\\d{2})(?::(\\d{2}))?'; // seconds are optional in RFC 5322, which some clients follow
const ZONE = '(?:\\s+(GMT|UTC|UT|Z|[+-]\\d{4}))?';
/** IMF-fixdate / RFC 1123: `Sun, 06 Nov 1994 08:49:37 GMT` (weekday optional, 1-digit day allowed). */
const RFC1123 = new RegExp(`^${WEEKDAY}(\\d{1,2})\\s+([A-Za-z]{3})\\s+(\\d{4})\\s+${TIME}${ZONE}$`, 'i');
/** RFC 850: `Sunday, 06-Nov-94 08:49:37 GMT`. */
const RFC850 = new RegExp(`^${WEEKDAY}(\\d{1,2})-([A-Za-z]{3})-(\\d{2}|\\d{4})\\s+${TIME}${ZONE}$`, 'i');
/** asctime: `Sun Nov  6 08:49:37 1994`. */
const ASCTIME = new RegExp(`^${WEEKDAY}([A-Za-z]{3})\\s+(\\d{1,2})\\s+${TIME}\\s+(\\d{4})$`);
/** Longer values are not dates: refusing them up front bounds the work. */
const MAX_DATE_LENGTH = 64;
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
export function parseHttpDate(value, now = Date.now()) {
    if (typeof value !== 'string' || value.length > MAX_DATE_LENGTH)
        return null;
    const text = value.trim();
    let match = RFC1123.exec(text);
    if (match)
        return build(match[3], match[2], match[1], match[4], match[5], match[6], match[7], now);
    match = RFC850.exec(text);
    if (match)
        return build(match[3], match[2], match[1], match[4], match[5], match[6], match[7], now);
    match = ASCTIME.exec(text);
    if (match)
        return build(match[6], match[1], match[2], match[3], match[4], match[5], undefined, now);
    return null;
}
function build(yearText, monthText, dayText, hourText, minuteText, secondText, zone, now) {
    const month = MONTHS[monthText.toLowerCase()];
    if (month === undefined)
        return null;
    let year = Number(yearText);
    if (yearText.length === 2) {
        const current = new Date(now).getUTCFullYear();
        year += Math.floor(current / 100) * 100;
        if (year > current + 50)
            year -= 100;
    }
    const day = Number(dayText);
    const hour = Number(hourText);
    const minute = Number(minuteText);
    const second = secondText === undefined ? 0 : Number(secondText);
    if (day < 1 || hour > 23 || minute > 59 || second > 59)
        return null;
    let time = Date.UTC(year, month, day, hour, minute, second);
    // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear puts them back.
    if (year < 100)
        time = new Date(time).setUTCFullYear(year);
    const date = new Date(time);
    if (date.getUTCDate() !== day)
        return null; // 31 Feb and friends roll over: refuse them
    if (zone && (zone[0] === '+' || zone[0] === '-')) {
        const hours = Number(zone.slice(1, 3));
        const minutes = Number(zone.slice(3, 5));
        if (hours > 23 || minutes > 59)
            return null;
        const offset = (hours * 60 + minutes) * 60_000;
        return new Date(zone[0] === '+' ? time - offset : time + offset);
    }
    return date;
}
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
export function formatHttpDate(date) {
    const time = typeof date === 'number' ? date : date.getTime();
    if (!Number.isFinite(time))
        throw new TypeError(`invalid date: ${String(date)}`);
    const d = new Date(time);
    const year = d.getUTCFullYear();
    if (year < 0 || year > 9999)
        throw new TypeError(`date out of the HTTP range: ${d.toISOString()}`);
    // toUTCString gives exactly IMF-fixdate for years 0-9999 in every runtime we target.
    return d.toUTCString();
}
//# sourceMappingURL=dates.js.map