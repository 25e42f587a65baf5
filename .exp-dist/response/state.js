import { appendTrusted, Headers } from '../datastructures/headers.js';
/**
 * The default Content-Type of a response, as in Werkzeug.
 *
 * @example
 * ```ts
 * new Response('hi').contentType === DEFAULT_CONTENT_TYPE; // true
 * ```
 */
export const DEFAULT_CONTENT_TYPE = 'text/plain; charset=utf-8';
// Headers that describe the representation; RFC 9110 section 15.4.5 keeps them off a 304.
const NOT_MODIFIED_DROPPED = [
    'Content-Type',
    'Content-Length',
    'Content-Encoding',
    'Content-Language',
    'Content-Range',
    'Content-MD5',
    'Allow',
    'Last-Modified',
];
// Content-Type pairs shared by every response served with that type (rule 6.3: nobody changes a
// pair in place), bounded like the checked types they come from.
const TYPE_PAIRS = new Map();
function typePair(contentType) {
    let pair = TYPE_PAIRS.get(contentType);
    if (pair === undefined) {
        pair = ['Content-Type', contentType];
        if (TYPE_PAIRS.size < 256)
            TYPE_PAIRS.set(contentType, pair);
    }
    return pair;
}
/** What a `Response` holds (see the note on its one private field in `response.ts`). */
export class ResponseState {
    body;
    known;
    statusCode = 200;
    status = '200 OK';
    onClose = undefined;
    // Built only when someone reads `res.headers` (see the module note); until then `plainType` and
    // `known` stand for Content-Type and Content-Length.
    headers = undefined;
    plainType = DEFAULT_CONTENT_TYPE;
    constructor(body, 
    // The body when its length is known: text stays text until bytes are asked for.
    known) {
        this.body = body;
        this.known = known;
    }
}
/** Builds the `Headers` object the first time someone asks for `res.headers`. */
export function buildHeaders(state) {
    const headers = new Headers();
    appendTrusted(headers, 'Content-Type', state.plainType);
    const known = state.known;
    if (known !== undefined)
        appendTrusted(headers, 'Content-Length', String(known.byteLength));
    return (state.headers = headers);
}
/** The header list to serve: from `headers`, or straight from the two kept values. */
export function headerList(state) {
    if (state.headers !== undefined)
        return state.headers.toList();
    const known = state.known;
    const type = typePair(state.plainType);
    return known === undefined ? [type] : [type, ['Content-Length', String(known.byteLength)]];
}
/** Runs the close callbacks once; the first error is rethrown after all of them ran. */
export function runOnClose(state) {
    const callbacks = state.onClose;
    if (!callbacks)
        return;
    state.onClose = undefined;
    let failure;
    for (const fn of callbacks) {
        try {
            fn();
        }
        catch (error) {
            failure ??= error;
        }
    }
    if (failure !== undefined)
        throw failure;
}
/** The headers without those a 1xx, 204 or 304 must not carry. */
export function dropBodyHeaders(headers, code) {
    const dropped = code === 304 ? NOT_MODIFIED_DROPPED : ['Content-Length', 'Transfer-Encoding'];
    const lower = new Set(dropped.map((name) => name.toLowerCase()));
    return headers.filter(([name]) => !lower.has(name.toLowerCase()));
}
//# sourceMappingURL=state.js.map