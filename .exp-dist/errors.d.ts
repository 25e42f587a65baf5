/**
 * HTTP errors as exceptions that know their own response, one class per 4xx/5xx status.
 * @module
 */
import type { Environ } from './gateway.js';
import { Response } from './response/response.js';
import { type HeadersInit } from './datastructures/headers.js';
/** Options every `HTTPException` takes. */
export interface HTTPExceptionOptions {
    /** Extra headers on the error response (`Retry-After`, `WWW-Authenticate`, ...). */
    headers?: HeadersInit;
    /** The error that caused this one, kept for logs and never shown to the client. */
    cause?: unknown;
}
/**
 * An HTTP error that is also its own response. Throw it from a handler wrapped by
 * `Request.application` (or call `getResponse()`) and the client gets the status and a short
 * body in HTML, JSON or plain text, whichever its `Accept` header prefers.
 *
 * @example
 * ```ts
 * throw new HTTPException(409, 'That name is taken.');
 * ```
 */
export declare class HTTPException extends Error {
    /** The status code. */
    readonly code: number;
    /** A sentence for the client saying what went wrong. */
    readonly description: string;
    /** Extra response headers. */
    readonly headers: HeadersInit | undefined;
    constructor(code: number, description?: string, options?: HTTPExceptionOptions);
    /** The reason phrase of the status ("Not Found"). */
    get phrase(): string;
    /**
     * The response for this error; the body format follows the request's `Accept` header when an
     * environ is given, and is HTML otherwise.
     */
    getResponse(environ?: Environ): Response;
}
type Simple = new (description?: string, options?: HTTPExceptionOptions) => HTTPException;
/**
 * 400: the request is malformed. Every parse failure in tsgi is one of these (or a more precise 4xx).
 *
 * @example
 * ```ts
 * throw new BadRequest('The "page" argument must be a number.');
 * ```
 */
export declare class BadRequest extends HTTPException {
    constructor(description?: string, options?: HTTPExceptionOptions);
}
/** Options for `Unauthorized`. */
export interface UnauthorizedOptions extends HTTPExceptionOptions {
    /** The challenge(s) sent as `WWW-Authenticate`, for example `'Basic realm="admin"'`. */
    wwwAuthenticate?: string | string[];
}
/**
 * 401: authentication is needed; carries the `WWW-Authenticate` challenge.
 *
 * @example
 * ```ts
 * throw new Unauthorized(undefined, { wwwAuthenticate: 'Basic realm="admin"' });
 * ```
 */
export declare class Unauthorized extends HTTPException {
    readonly wwwAuthenticate: string[];
    constructor(description?: string, options?: UnauthorizedOptions);
}
/**
 * 405: the method is not allowed; lists the allowed ones in `Allow`.
 *
 * @example
 * ```ts
 * throw new MethodNotAllowed(['GET', 'HEAD']);
 * ```
 */
export declare class MethodNotAllowed extends HTTPException {
    readonly validMethods: string[];
    constructor(validMethods?: string[], description?: string, options?: HTTPExceptionOptions);
}
/** Options for `RangeNotSatisfiable`. */
export interface RangeNotSatisfiableOptions extends HTTPExceptionOptions {
    /** The complete length of the resource, sent as `Content-Range: bytes *\/length`. */
    length?: number;
    /** The range unit, `bytes` by default. */
    units?: string;
}
/**
 * 416: the requested range cannot be served.
 *
 * @example
 * ```ts
 * throw new RangeNotSatisfiable(undefined, { length: 1024 });
 * ```
 */
export declare class RangeNotSatisfiable extends HTTPException {
    readonly length: number | undefined;
    constructor(description?: string, options?: RangeNotSatisfiableOptions);
}
/** Options for errors that tell the client when to come back. */
export interface RetryAfterOptions extends HTTPExceptionOptions {
    /** Seconds to wait, or the date to retry after; sent as `Retry-After`. */
    retryAfter?: number | Date;
}
/**
 * 429: rate limited; `retryAfter` becomes the `Retry-After` header.
 *
 * @example
 * ```ts
 * throw new TooManyRequests(undefined, { retryAfter: 30 });
 * ```
 */
export declare class TooManyRequests extends HTTPException {
    constructor(description?: string, options?: RetryAfterOptions);
}
/**
 * 503: temporarily unavailable; `retryAfter` becomes the `Retry-After` header.
 *
 * @example
 * ```ts
 * throw new ServiceUnavailable('Down for maintenance.', { retryAfter: 600 });
 * ```
 */
export declare class ServiceUnavailable extends HTTPException {
    constructor(description?: string, options?: RetryAfterOptions);
}
/** 403 Forbidden. @example `throw new Forbidden();` */
export declare const Forbidden: Simple;
/** 404 Not Found. @example `throw new NotFound();` */
export declare const NotFound: Simple;
/** 406 Not Acceptable. @example `throw new NotAcceptable();` */
export declare const NotAcceptable: Simple;
/** 408 Request Timeout. @example `throw new RequestTimeout();` */
export declare const RequestTimeout: Simple;
/** 409 Conflict. @example `throw new Conflict('Name taken.');` */
export declare const Conflict: Simple;
/** 410 Gone. @example `throw new Gone();` */
export declare const Gone: Simple;
/** 411 Length Required. @example `throw new LengthRequired();` */
export declare const LengthRequired: Simple;
/** 412 Precondition Failed. @example `throw new PreconditionFailed();` */
export declare const PreconditionFailed: Simple;
/** 413 Content Too Large. @example `throw new RequestEntityTooLarge('Body over 1 MiB.');` */
export declare const RequestEntityTooLarge: Simple;
/** 414 URI Too Long. @example `throw new RequestURITooLarge();` */
export declare const RequestURITooLarge: Simple;
/** 415 Unsupported Media Type. @example `throw new UnsupportedMediaType('Send JSON.');` */
export declare const UnsupportedMediaType: Simple;
/** 417 Expectation Failed. @example `throw new ExpectationFailed();` */
export declare const ExpectationFailed: Simple;
/** 418 I'm a teapot. @example `throw new ImATeapot();` */
export declare const ImATeapot: Simple;
/** 421 Misdirected Request. @example `throw new MisdirectedRequest();` */
export declare const MisdirectedRequest: Simple;
/** 422 Unprocessable Content. @example `throw new UnprocessableEntity('Bad e-mail.');` */
export declare const UnprocessableEntity: Simple;
/** 423 Locked. @example `throw new Locked();` */
export declare const Locked: Simple;
/** 424 Failed Dependency. @example `throw new FailedDependency();` */
export declare const FailedDependency: Simple;
/** 428 Precondition Required. @example `throw new PreconditionRequired();` */
export declare const PreconditionRequired: Simple;
/** 431 Request Header Fields Too Large. @example `throw new RequestHeaderFieldsTooLarge();` */
export declare const RequestHeaderFieldsTooLarge: Simple;
/** 451 Unavailable For Legal Reasons. @example `throw new UnavailableForLegalReasons();` */
export declare const UnavailableForLegalReasons: Simple;
/** 500 Internal Server Error. @example `throw new InternalServerError();` */
export declare const InternalServerError: Simple;
/** 501 Not Implemented. @example `throw new NotImplemented();` */
export declare const NotImplemented: Simple;
/** 502 Bad Gateway. @example `throw new BadGateway();` */
export declare const BadGateway: Simple;
/** 504 Gateway Timeout. @example `throw new GatewayTimeout();` */
export declare const GatewayTimeout: Simple;
/** 505 HTTP Version Not Supported. @example `throw new HTTPVersionNotSupported();` */
export declare const HTTPVersionNotSupported: Simple;
/** Instance types of the classes made by `simple`, so users can name them in type positions. */
export type Forbidden = HTTPException;
export type NotFound = HTTPException;
export type RequestEntityTooLarge = HTTPException;
export type UnsupportedMediaType = HTTPException;
/**
 * Throws the `HTTPException` for `code` (the specific subclass when there is one).
 *
 * @example
 * ```ts
 * if (!user) abort(404, 'No such user.');
 * ```
 */
export declare function abort(code: number, description?: string): never;
/**
 * The exception class for a status code, or `undefined` when tsgi has no subclass for it.
 *
 * @example
 * ```ts
 * exceptionFor(404) === NotFound; // true
 * ```
 */
export declare function exceptionFor(code: number): Simple | undefined;
export {};
//# sourceMappingURL=errors.d.ts.map