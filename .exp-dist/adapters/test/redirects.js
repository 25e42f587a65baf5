/**
 * Which request a browser sends after a redirect (Fetch standard, "HTTP-redirect fetch").
 * @module
 */
import { headerPairs } from '../../request/create-environ.js';
const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);
// Headers that describe the request body; dropped with it (Fetch: "request-body-header name").
const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location']);
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
export function nextHop(hop, response) {
    const code = response.statusCode;
    const location = response.headers.get('Location');
    if (!REDIRECT_CODES.has(code) || location === undefined)
        return undefined;
    let target;
    try {
        target = new URL(location, hop.url);
    }
    catch {
        return undefined;
    }
    const current = new URL(hop.url);
    if ((target.protocol !== 'http:' && target.protocol !== 'https:') || target.host !== current.host)
        return undefined;
    target.hash = '';
    let method = hop.method;
    let keepBody = true;
    if ((code === 303 && method !== 'GET' && method !== 'HEAD') || ((code === 301 || code === 302) && method === 'POST')) {
        method = 'GET';
        keepBody = false;
    }
    const init = { ...hop.init, method, query: undefined };
    if (init.scriptName && !target.pathname.startsWith(init.scriptName))
        init.scriptName = undefined;
    if (!keepBody) {
        init.body = undefined;
        init.json = undefined;
        init.form = undefined;
        if (init.headers !== undefined)
            init.headers = withoutBodyHeaders(init.headers);
    }
    else if (isOneShot(init.body)) {
        throw new Error(`tsgi test client: cannot resend a streamed request body after a ${code} redirect to ${target.href}; send a string, bytes or an array of chunks`);
    }
    return { method, url: target.href, init };
}
function withoutBodyHeaders(headers) {
    return headerPairs(headers).filter(([name]) => !BODY_HEADERS.has(name.toLowerCase()));
}
/** True for a body that can be read only once: an iterator, a generator or a stream. */
function isOneShot(body) {
    if (body === null || typeof body !== 'object')
        return false;
    if (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream)
        return true;
    const asyncIterable = body;
    if (typeof asyncIterable[Symbol.asyncIterator] === 'function')
        return asyncIterable[Symbol.asyncIterator]() === body;
    const iterable = body;
    if (typeof iterable[Symbol.iterator] === 'function' && !ArrayBuffer.isView(body))
        return iterable[Symbol.iterator]() === body;
    return false;
}
//# sourceMappingURL=redirects.js.map