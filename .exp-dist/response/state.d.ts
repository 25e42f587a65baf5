/**
 * What a `Response` holds, and the header list it serves. Most responses carry no header but
 * Content-Type and the Content-Length of a known body and are served without anyone reading
 * `res.headers`: for those no `Headers` object is built at all, the list is made from the two
 * kept values.
 * @module
 */
import type { HeaderList, TextBody } from '../gateway.js';
import { Headers } from '../datastructures/headers.js';
import type { BodyInit } from './body.js';
/**
 * The default Content-Type of a response, as in Werkzeug.
 *
 * @example
 * ```ts
 * new Response('hi').contentType === DEFAULT_CONTENT_TYPE; // true
 * ```
 */
export declare const DEFAULT_CONTENT_TYPE = "text/plain; charset=utf-8";
/** What a `Response` holds (see the note on its one private field in `response.ts`). */
export declare class ResponseState {
    body: BodyInit;
    known: TextBody | Uint8Array | undefined;
    statusCode: number;
    status: string;
    onClose: Array<() => void> | undefined;
    headers: Headers | undefined;
    plainType: string;
    constructor(body: BodyInit, known: TextBody | Uint8Array | undefined);
}
/** Builds the `Headers` object the first time someone asks for `res.headers`. */
export declare function buildHeaders(state: ResponseState): Headers;
/** The header list to serve: from `headers`, or straight from the two kept values. */
export declare function headerList(state: ResponseState): HeaderList;
/** Runs the close callbacks once; the first error is rethrown after all of them ran. */
export declare function runOnClose(state: ResponseState): void;
/** The headers without those a 1xx, 204 or 304 must not carry. */
export declare function dropBodyHeaders(headers: Array<[string, string]>, code: number): Array<[string, string]>;
//# sourceMappingURL=state.d.ts.map