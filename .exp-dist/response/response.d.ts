/**
 * The Response: status, headers and body, and itself an App that serves them.
 * @module
 */
import { type Body, type Environ, type StartResponse } from '../gateway.js';
import { Headers, type HeadersInit } from '../datastructures/headers.js';
import { type CookieOptions } from '../http/cookies.js';
import { type BodyInit } from './body.js';
import { type ConditionalOptions, type ConditionalRequest } from './conditional.js';
import { ResponseHeaderAccessors } from './header-accessors.js';
import { type EntityTag } from '../http/etag.js';
export type { BodyInit } from './body.js';
export { DEFAULT_CONTENT_TYPE } from './state.js';
/** Options for `new Response(body, init)`. */
export interface ResponseInit {
    /** A status code (`404`) or a full status line (`'404 Not Found'`). Default 200. */
    status?: number | string;
    /** Initial headers. */
    headers?: HeadersInit | Headers | null;
    /** The media type; `charset=utf-8` is added for text types. Ignored when `contentType` is given. */
    mimetype?: string;
    /** The full Content-Type value, used as given. */
    contentType?: string;
}
/** A `Response` can be called like any App. */
export interface Response {
    (environ: Environ, startResponse: StartResponse): Body | Promise<Body>;
}
/**
 * An HTTP response. It **is** an App: `res(environ, startResponse)` serves it, so a handler can
 * return it and any server or middleware can run it.
 *
 * @example
 * ```ts
 * const res = new Response('<h1>Hi</h1>', { mimetype: 'text/html' });
 * res.setCookie('seen', '1', { httpOnly: true });
 * typeof res === 'function'; // true
 * ```
 */
export declare class Response extends ResponseHeaderAccessors {
    #private;
    constructor(body?: BodyInit, init?: ResponseInit);
    /** The headers; changes show up when the response is served. */
    get headers(): Headers;
    set headers(headers: Headers);
    /**
     * A JSON response: `value` serialized with `JSON.stringify`, `Content-Type: application/json`.
     *
     * @example
     * ```ts
     * return Response.json({ ok: true }, { status: 201 });
     * ```
     */
    static json(value: unknown, init?: ResponseInit): Response;
    /** The status line, such as `'404 Not Found'`; settable from a line or a code. */
    get status(): string;
    set status(value: number | string);
    /** The status code, kept in step with `status`. */
    get statusCode(): number;
    set statusCode(code: number);
    /** True for 200-299, as in the Fetch API. */
    get ok(): boolean;
    /** The body as given (string, bytes, iterable, stream...). Setting it updates Content-Length. */
    get body(): BodyInit;
    set body(body: BodyInit);
    /** True when the body is a stream or iterator that can be read only once. */
    get isStreamed(): boolean;
    /** The full Content-Type header, or `undefined`. */
    get contentType(): string | undefined;
    set contentType(value: string | undefined);
    /** The media type without parameters, lower-cased; setting it adds `charset=utf-8` to text types. */
    get mimetype(): string;
    set mimetype(value: string);
    /** The Content-Type parameters (`charset`, `boundary`...). */
    get mimetypeParams(): Record<string, string>;
    /** The charset of the body: the Content-Type's, else `utf-8`. */
    get charset(): string;
    /** The Content-Length header as a number, or `undefined`. */
    get contentLength(): number | undefined;
    set contentLength(value: number | undefined);
    /** The Location header. */
    get location(): string | undefined;
    set location(value: string | undefined);
    /**
     * Adds a `Set-Cookie` header. Names, values and attributes are validated (a `TypeError` for
     * invalid ones); the value is percent-encoded.
     *
     * @example
     * ```ts
     * res.setCookie('session', id, { httpOnly: true, secure: true, sameSite: 'lax', maxAge: 3600 });
     * ```
     */
    setCookie(name: string, value: string, options?: CookieOptions): void;
    /**
     * Adds a `Set-Cookie` header that deletes the cookie; give the `path` and `domain` it was set with.
     *
     * @example
     * ```ts
     * res.deleteCookie('session', { path: '/' });
     * ```
     */
    deleteCookie(name: string, options?: Omit<CookieOptions, 'maxAge' | 'expires'>): void;
    /**
     * Sets the ETag header from an unquoted tag.
     *
     * @example
     * ```ts
     * res.setEtag('v42');       // ETag: "v42"
     * res.setEtag('v42', true); // ETag: W/"v42"
     * ```
     */
    setEtag(tag: string, weak?: boolean): void;
    /** The ETag as `{ tag, weak }`, or undefined. */
    getEtag(): EntityTag | undefined;
    /**
     * Sets the ETag to a hash of the body (SHA-1 via Web Crypto) unless one is set. A streamed body
     * is read into memory first, so prefer `setEtag` with a version or mtime for large files.
     *
     * @example
     * ```ts
     * await res.addEtag();
     * ```
     */
    addEtag(overwrite?: boolean, weak?: boolean): Promise<void>;
    /**
     * Answers the request's conditional and Range headers in place (304, 412, 206, 416); see
     * `makeConditional` in `response/conditional.ts` for the exact order. Returns this response.
     *
     * @example
     * ```ts
     * res.setEtag('v1');
     * return res.makeConditional(req, { acceptRanges: true });
     * ```
     */
    makeConditional(request: ConditionalRequest | Environ, options?: ConditionalOptions): Promise<this>;
    /**
     * Runs `fn` once when the server is done with the body: after the last chunk, on an error, or
     * when the client goes away. Use it to release files, locks or connections.
     *
     * @example
     * ```ts
     * const handle = await open(path);
     * res.callOnClose(() => handle.close());
     * ```
     */
    callOnClose(fn: () => void): void;
    /** The whole body as bytes (a streamed body is read once and kept). */
    bytes(): Promise<Uint8Array>;
    /** The whole body decoded as text with the response's charset. */
    text(): Promise<string>;
    /** The whole body parsed as JSON. */
    json<T = unknown>(): Promise<T>;
    /**
     * Serves the response through the protocol: calls `startResponse` and returns the body. HEAD
     * requests and 1xx/204/304 statuses get no body (HEAD keeps Content-Length); a 304 drops the
     * representation headers. Close callbacks run once when the server finishes the body.
     */
    serve(environ: Environ, startResponse: StartResponse): Body;
    /** A short description for logs and the console. */
    toString(): string;
}
//# sourceMappingURL=response.d.ts.map