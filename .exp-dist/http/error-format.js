/**
 * Picks the body format of an error page from the request's Accept header.
 * @module
 */
import { parseAccept } from './accept.js';
const OFFERS = ['text/html', 'application/json', 'text/plain'];
const FORMATS = {
    'text/html': 'html',
    'application/json': 'json',
    'text/plain': 'text',
};
/**
 * The error page format the client prefers; HTML when it says nothing or accepts anything.
 *
 * @example
 * ```ts
 * bestErrorFormat('application/json'); // 'json'
 * bestErrorFormat(undefined);          // 'html'
 * ```
 */
export function bestErrorFormat(accept) {
    if (!accept)
        return 'html';
    const best = parseAccept(accept).bestMatch(OFFERS);
    return best === undefined ? 'html' : FORMATS[best];
}
//# sourceMappingURL=error-format.js.map