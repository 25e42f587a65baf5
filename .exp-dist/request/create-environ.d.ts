/**
 * `createEnviron(url, init)`: a complete, spec-conforming environ built from a URL, the way a
 * server would build it for that request. Used by the test client and `Request.blank`.
 * @module
 */
import { type Environ, type ErrorStream } from '../gateway.js';
import { type FormInit } from './encode-form.js';
export { decodePathInfo } from './decode-path.js';
/** Request headers: an object (array values repeat), pairs, or any `Headers` (tsgi's or the Web's). */
export type HeadersLike = Record<string, string | readonly string[]> | Iterable<readonly [string, string]>;
/** Query arguments to add to the URL's own: an object (array values repeat) or pairs (a `MultiDict`). */
export type QueryInit = Record<string, string | number | boolean | ReadonlyArray<string | number | boolean>> | Iterable<readonly [string, string | number | boolean]>;
/** A request body. Strings are sent as UTF-8; iterables are sent chunk by chunk without a length. */
export type RequestBodyInit = string | Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array> | Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>;
/** What `createEnviron` builds a request from. At most one of `body`, `json` and `form`. */
export interface EnvironInit {
    /** Default `GET`, or `POST` when a body, JSON or form is given. */
    method?: string;
    headers?: HeadersLike;
    /** Added after the URL's own query. */
    query?: QueryInit;
    body?: RequestBodyInit;
    /** Sent as JSON with `Content-Type: application/json` (unless the headers set one). */
    json?: unknown;
    /** Urlencoded when all values are text, `multipart/form-data` when any is a `Blob`/`File`. */
    form?: FormInit;
    /** Added to the `Cookie` header (values percent-encoded where needed). */
    cookies?: Record<string, string>;
    /** The mount point; the URL's path must start with it. It moves to `SCRIPT_NAME`. */
    scriptName?: string;
    /** `REMOTE_ADDR`, default `127.0.0.1`. */
    remoteAddr?: string;
    /** `tsgi.errors`, default the console. */
    errors?: ErrorStream;
    /** Extra or overriding environ keys, applied last; an `undefined` value removes the key. */
    environ?: Record<string, unknown>;
}
/**
 * Builds a full environ from a URL and options, as a server would for that request: path (decoded
 * as in rule 3.4 of `docs/spec.md`), query, host and scheme from the URL (relative URLs are taken
 * against `http://localhost/`), headers, body and cookies from `init`. `CONTENT_LENGTH` is set for
 * bodies of known length.
 *
 * @example
 * ```ts
 * const environ = createEnviron('/search?q=tsgi', { query: { tag: ['a', 'b'] }, cookies: { session: 'x' } });
 * environ.QUERY_STRING; // 'q=tsgi&tag=a&tag=b'
 * environ.HTTP_COOKIE;  // 'session=x'
 * const post = createEnviron('https://example.com/api', { json: { ok: true } });
 * post.CONTENT_TYPE;    // 'application/json'
 * ```
 */
export declare function createEnviron(url?: string | URL, init?: EnvironInit): Environ;
/**
 * Request headers as `[name, value]` pairs, in order, whatever form they were given in.
 *
 * @example
 * ```ts
 * headerPairs({ Accept: 'text/html', 'X-Tag': ['a', 'b'] }); // [['Accept', 'text/html'], ['X-Tag', 'a'], ['X-Tag', 'b']]
 * ```
 */
export declare function headerPairs(headers: HeadersLike): Array<[string, string]>;
//# sourceMappingURL=create-environ.d.ts.map