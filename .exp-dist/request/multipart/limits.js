/**
 * The limits that bound what a multipart body may cost, with the defaults of DESIGN.md section 5.
 * @module
 */
/**
 * The defaults: 16 MiB body, 500,000-byte text fields, 1000 parts, 100 files, files limited only by
 * the body limit, 16 KiB of headers per part, 16 KiB of preamble.
 *
 * @example
 * ```ts
 * DEFAULT_MULTIPART_LIMITS.maxFormParts; // 1000
 * ```
 */
export const DEFAULT_MULTIPART_LIMITS = Object.freeze({
    maxContentLength: 16 * 1024 * 1024,
    maxFormMemorySize: 500_000,
    maxFormParts: 1000,
    maxFiles: 100,
    maxFileSize: Infinity,
    maxPartHeaderSize: 16 * 1024,
    maxPreambleSize: 16 * 1024,
});
/**
 * The defaults overridden by the given values (`undefined` and `null` keep the default).
 *
 * @example
 * ```ts
 * resolveLimits({ maxFiles: 1 }).maxFormParts; // 1000
 * ```
 */
export function resolveLimits(overrides) {
    const limits = { ...DEFAULT_MULTIPART_LIMITS };
    if (overrides) {
        for (const key of Object.keys(limits)) {
            const value = overrides[key];
            if (value != null) {
                if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
                    throw new TypeError(`multipart limit ${key} must be a non-negative number, got ${String(value)}`);
                }
                limits[key] = value;
            }
        }
    }
    return limits;
}
/** Formats a byte count for messages: `16 MiB`, `500000 bytes`. */
export function formatBytes(n) {
    if (n >= 1024 * 1024 && n % (1024 * 1024) === 0)
        return `${n / (1024 * 1024)} MiB`;
    if (n >= 1024 && n % 1024 === 0)
        return `${n / 1024} KiB`;
    return `${n} bytes`;
}
//# sourceMappingURL=limits.js.map