/**
 * Throws `BadRequest` unless `boundary` is 1 to 70 printable ASCII characters not ending in a space.
 *
 * @example
 * ```ts
 * assertBoundary('----WebKitFormBoundaryjdSFhcARk8fyGNy6'); // fine
 * assertBoundary('');                                       // throws BadRequest
 * ```
 */
export declare function assertBoundary(boundary: string): void;
/**
 * The boundary of a `multipart/form-data` `Content-Type` header. Throws `BadRequest` when the
 * parameter is missing or invalid.
 *
 * @example
 * ```ts
 * boundaryOf('multipart/form-data; boundary="abc"'); // 'abc'
 * ```
 */
export declare function boundaryOf(contentType: string): string;
//# sourceMappingURL=boundary.d.ts.map