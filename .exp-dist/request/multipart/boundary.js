/**
 * The boundary of a `multipart/form-data` body: read from `Content-Type` and validated.
 * @module
 */
import { BadRequest } from '../../errors.js';
import { parseOptions } from './params.js';
// RFC 2046 section 5.1.1 allows 1 to 70 characters; we accept any printable ASCII that does not
// end in a space (as Werkzeug does), which covers every real client.
const BOUNDARY = /^[ -~]{0,69}[!-~]$/;
/**
 * Throws `BadRequest` unless `boundary` is 1 to 70 printable ASCII characters not ending in a space.
 *
 * @example
 * ```ts
 * assertBoundary('----WebKitFormBoundaryjdSFhcARk8fyGNy6'); // fine
 * assertBoundary('');                                       // throws BadRequest
 * ```
 */
export function assertBoundary(boundary) {
    if (BOUNDARY.test(boundary))
        return;
    if (boundary.length === 0)
        throw new BadRequest('The multipart boundary is empty.');
    if (boundary.length > 70) {
        throw new BadRequest(`The multipart boundary is ${boundary.length} characters long; at most 70 are allowed.`);
    }
    throw new BadRequest('The multipart boundary holds characters that are not allowed (only printable ASCII).');
}
/**
 * The boundary of a `multipart/form-data` `Content-Type` header. Throws `BadRequest` when the
 * parameter is missing or invalid.
 *
 * @example
 * ```ts
 * boundaryOf('multipart/form-data; boundary="abc"'); // 'abc'
 * ```
 */
export function boundaryOf(contentType) {
    const boundary = parseOptions(contentType).params.get('boundary');
    if (boundary === undefined) {
        throw new BadRequest('The multipart Content-Type has no boundary parameter.');
    }
    assertBoundary(boundary);
    return boundary;
}
//# sourceMappingURL=boundary.js.map