import type { ClientRequestInit } from './client.js';
import type { TestResponse } from './test-response.js';
/** One request of a redirect chain. */
export interface Hop {
    method: string;
    /** Absolute URL. */
    url: string;
    init: ClientRequestInit & {
        method: string;
    };
}
/**
 * The request to send after `response`, or `undefined` when it is not a redirect to follow: not a
 * 301/302/303/307/308, no `Location`, or a `Location` on another host or scheme than http(s).
 * 303 turns every method but HEAD into GET; 301 and 302 turn POST into GET; both drop the body.
 * 307 and 308 keep method and body.
 *
 * @example
 * ```ts
 * nextHop({ method: 'POST', url: 'http://localhost/form', init: { method: 'POST', form: { a: '1' } } }, res303);
 * // { method: 'GET', url: 'http://localhost/done', init: { method: 'GET' } }
 * ```
 */
export declare function nextHop(hop: Hop, response: TestResponse): Hop | undefined;
//# sourceMappingURL=redirects.d.ts.map