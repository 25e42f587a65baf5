/**
 * Parameters of the `Content-Disposition` and `Content-Type` headers of a multipart part, parsed
 * the way browsers really send them (quoted or bare values, unescaped Windows paths, RFC 2231 /
 * RFC 5987 `name*=charset''percent-encoded` values and `name*0*` continuations).
 * @module
 */
/** A header value split into its leading token and its parameters (names lower-cased). */
export interface ParsedOptions {
    /** The value before the first `;`, trimmed and lower-cased (`form-data`, `image/png`). */
    value: string;
    /** Parameters by lower-cased name; extended (`name*`) values are already decoded. */
    params: Map<string, string>;
}
/**
 * Splits `form-data; name="a"; filename*=UTF-8''%E2%82%AC.txt` into its value and parameters.
 * Never throws: parameters that cannot be read are skipped.
 *
 * @example
 * ```ts
 * parseOptions('form-data; name="file"; filename="a b.txt"');
 * // { value: 'form-data', params: Map { 'name' => 'file', 'filename' => 'a b.txt' } }
 * ```
 */
export declare function parseOptions(header: string): ParsedOptions;
//# sourceMappingURL=params.d.ts.map