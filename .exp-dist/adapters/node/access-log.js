/**
 * Access log lines in Common Log Format with the duration appended:
 * `127.0.0.1 - - [10/Oct/2000:13:55:36 +0000] "GET /path HTTP/1.1" 200 123 0.4ms`.
 * @module
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
let cachedSecond = -1;
let cachedDate = '';
function pad(n) {
    return n < 10 ? `0${n}` : String(n);
}
/** The CLF timestamp for `now`, cached per second because every request asks for it. */
function clfDate(now) {
    const second = Math.floor(now / 1000);
    if (second !== cachedSecond) {
        const d = new Date(second * 1000);
        cachedSecond = second;
        cachedDate =
            `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:` +
                `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
    }
    return cachedDate;
}
/**
 * Formats one access log line.
 *
 * @example
 * ```ts
 * formatAccessLog({ remoteAddr: '127.0.0.1', method: 'GET', target: '/', protocol: 'HTTP/1.1',
 *   status: 200, bytes: 5, durationMs: 0.42 });
 * // '127.0.0.1 - - [07/Jan/2026:10:00:00 +0000] "GET / HTTP/1.1" 200 5 0.4ms'
 * ```
 */
export function formatAccessLog(entry, now = Date.now()) {
    // The target is client-controlled: escape quotes and control characters so a line stays a line.
    const target = /["\\\x00-\x1f\x7f]/.test(entry.target) ? JSON.stringify(entry.target).slice(1, -1) : entry.target;
    const bytes = entry.bytes > 0 ? String(entry.bytes) : '-';
    const ms = entry.durationMs < 10 ? entry.durationMs.toFixed(1) : Math.round(entry.durationMs).toString();
    return `${entry.remoteAddr || '-'} - - [${clfDate(now)}] "${entry.method} ${target} ${entry.protocol}" ${entry.status} ${bytes} ${ms}ms`;
}
//# sourceMappingURL=access-log.js.map