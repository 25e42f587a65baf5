/**
 * Access log lines in Common Log Format with the duration appended:
 * `127.0.0.1 - - [10/Oct/2000:13:55:36 +0000] "GET /path HTTP/1.1" 200 123 0.4ms`.
 * @module
 */
/** What one access log line reports. */
export interface AccessLogEntry {
    remoteAddr: string;
    method: string;
    target: string;
    protocol: string;
    status: number;
    /** Body bytes sent. */
    bytes: number;
    /** Milliseconds from the request's arrival to the end of the response. */
    durationMs: number;
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
export declare function formatAccessLog(entry: AccessLogEntry, now?: number): string;
//# sourceMappingURL=access-log.d.ts.map