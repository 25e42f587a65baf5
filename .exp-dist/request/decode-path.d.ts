/**
 * Percent-decoding of request paths for `PATH_INFO` and `SCRIPT_NAME` (rule 3.4 of `docs/spec.md`).
 * @module
 */
/**
 * Percent-decodes a request path as UTF-8 (rule 3.4 of `docs/spec.md`): escapes that form valid
 * UTF-8 are decoded; any other escape, such as `%FF` or a truncated sequence, is left as it was.
 *
 * @example
 * ```ts
 * decodePathInfo('/caf%C3%A9/%FF'); // '/café/%FF'
 * ```
 */
export declare function decodePathInfo(path: string): string;
/**
 * Percent-decodes a URL path as UTF-8 for `PATH_INFO` and `SCRIPT_NAME`: the same result as
 * `decodePathInfo`, with the native decoder as the fast path since servers run it on every request.
 *
 * @example
 * ```ts
 * decodePath('/caf%C3%A9/%zz'); // '/café/%zz'
 * ```
 */
export declare function decodePath(raw: string): string;
//# sourceMappingURL=decode-path.d.ts.map