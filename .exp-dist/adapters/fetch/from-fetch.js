/**
 * `fromFetchHandler`: runs any Fetch handler (a Hono or itty-router app, a Workers `fetch`) as a
 * tsgi app, so it can sit behind tsgi middleware and be driven by the tsgi test client.
 * @module
 */
import { headerName } from '../../gateway.js';
import { STATUS_PHRASES } from '../../http/status.js';
import { quotePath } from '../../http/url.js';
import { streamToIterable } from './streams.js';
/**
 * Turns a Fetch handler into a tsgi app: the environ becomes a Web `Request` (its body streamed
 * from `tsgi.input`, its signal aborted when the server abandons the response), and the Web
 * `Response` becomes `startResponse` plus its body chunks, pulled one at a time.
 *
 * @example
 * ```ts
 * import { Hono } from 'hono';
 * const hono = new Hono().get('/hello', (c) => c.text('hi'));
 * const app = dispatcher(notFound, { '/hono': fromFetchHandler(hono.fetch) });
 * ```
 */
export function fromFetchHandler(handler, options = {}) {
    const fullPath = options.path === 'full';
    return async (environ, startResponse) => {
        const abort = new AbortController();
        const request = toWebRequest(environ, fullPath, abort.signal);
        const context = { environ };
        if (typeof environ.REMOTE_ADDR === 'string')
            context.remoteAddr = environ.REMOTE_ADDR;
        const response = await handler(request, context);
        const code = response.status;
        const phrase = response.statusText || STATUS_PHRASES[code] || 'Unknown';
        startResponse(`${code} ${phrase}`, responseHeaders(response.headers));
        if (!response.body)
            return [];
        return responseChunks(response.body, abort);
    };
}
/**
 * The Web `Request` an environ describes.
 *
 * @example
 * ```ts
 * const request = toWebRequest(environ);
 * request.url; // 'http://localhost/path?x=1'
 * ```
 */
export function toWebRequest(environ, fullPath = false, signal) {
    const scheme = environ['tsgi.url_scheme'] || 'http';
    const path = (fullPath ? environ.SCRIPT_NAME : '') + (environ.PATH_INFO || '/');
    const query = environ.QUERY_STRING ? `?${environ.QUERY_STRING}` : '';
    const url = `${scheme}://${hostOf(environ)}${quotePath(path.startsWith('/') ? path : `/${path}`)}${query}`;
    const headers = new globalThis.Headers();
    for (const key of Object.keys(environ)) {
        const name = headerName(key);
        const value = environ[key];
        if (name === undefined || typeof value !== 'string')
            continue;
        try {
            headers.append(name, value);
        }
        catch {
            // A value the Fetch Headers class refuses (it came from elsewhere than HTTP): leave it out.
        }
    }
    const method = environ.REQUEST_METHOD;
    const hasBody = method !== 'GET' && method !== 'HEAD';
    const init = { method, headers, signal };
    if (hasBody) {
        init.body = iterableToStream(environ['tsgi.input']);
        // Required by Node and Deno for a streamed request body.
        init.duplex = 'half';
    }
    return new globalThis.Request(url, init);
}
function hostOf(environ) {
    const host = environ.HTTP_HOST;
    if (typeof host === 'string' && host !== '')
        return host;
    const scheme = environ['tsgi.url_scheme'];
    const port = environ.SERVER_PORT;
    const defaultPort = scheme === 'https' ? '443' : '80';
    return port && port !== defaultPort ? `${environ.SERVER_NAME}:${port}` : environ.SERVER_NAME;
}
function responseHeaders(headers) {
    const list = [];
    for (const [name, value] of headers) {
        // Iteration may join Set-Cookie values with commas; getSetCookie() keeps them apart.
        if (name !== 'set-cookie')
            list.push([name, value]);
    }
    for (const cookie of headers.getSetCookie())
        list.push(['set-cookie', cookie]);
    return list;
}
/** A pull-based stream over `tsgi.input`, so the handler reads the client only as fast as it needs. */
function iterableToStream(input) {
    let iterator;
    return new ReadableStream({
        async pull(controller) {
            iterator ??= input[Symbol.asyncIterator]();
            const { done, value } = await iterator.next();
            if (done)
                controller.close();
            else
                controller.enqueue(value);
        },
        async cancel() {
            await iterator?.return?.();
        },
    }, { highWaterMark: 0 });
}
/**
 * The response body as chunks. `return()` (rule 8.1: the server calls it exactly once, after the end
 * too) cancels the stream and aborts the request signal unless the body already ended, including
 * when nothing was read yet.
 */
function responseChunks(body, abort) {
    let reader;
    let finished = false;
    return {
        [Symbol.asyncIterator]() {
            return this;
        },
        async next() {
            if (finished)
                return { done: true, value: undefined };
            reader ??= body.getReader();
            try {
                const result = await reader.read();
                if (result.done)
                    finished = true;
                return result.done ? { done: true, value: undefined } : { done: false, value: result.value };
            }
            catch (error) {
                finished = true;
                abort.abort(error);
                throw error;
            }
        },
        async return() {
            if (!finished) {
                finished = true;
                abort.abort();
                await (reader ? reader.cancel() : body.cancel()).catch(() => undefined);
            }
            return { done: true, value: undefined };
        },
    };
}
//# sourceMappingURL=from-fetch.js.map