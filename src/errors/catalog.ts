/**
 * The exception classes of the statuses that need nothing but a description: one line each.
 * @module
 */
import { HTTPException, type HTTPExceptionOptions } from './http-exception.js';

/**
 * @internal An exception class for one status; its instances' `code` is that status, as a literal
 * type. `exceptionFor` returns one.
 */
export type Simple<C extends number = number> = new (
  description?: string,
  options?: HTTPExceptionOptions,
) => HTTPException & { readonly code: C };

/**
 * The base of an exception class for one status: `class NotFound extends simple(404) {}` is a
 * real class, so it is a value (`throw new NotFound()`) and a type (`let e: NotFound`), and its
 * `name` is its own. `code` is typed as the literal status, so TypeScript tells the classes apart
 * (`let e: NotFound = new Conflict()` is an error, although both have the same members).
 */
function simple<C extends number>(code: C): Simple<C> {
  return class extends HTTPException {
    declare readonly code: C;
    constructor(description?: string, options?: HTTPExceptionOptions) {
      super(code, description, options);
    }
  };
}

/**
 * 400: the request is malformed. Every parse failure in tsgi is one of these (or a more precise 4xx).
 *
 * @example
 * ```ts
 * throw new BadRequest('The "page" argument must be a number.');
 * ```
 */
export class BadRequest extends HTTPException {
  declare readonly code: 400;
  constructor(description?: string, options?: HTTPExceptionOptions) {
    super(400, description, options);
  }
}

/** 402 Payment Required. @example `throw new PaymentRequired('Your plan has run out.');` */
export class PaymentRequired extends simple(402) {}
/** 403 Forbidden. @example `throw new Forbidden();` */
export class Forbidden extends simple(403) {}
/** 404 Not Found. @example `throw new NotFound();` */
export class NotFound extends simple(404) {}
/** 406 Not Acceptable. @example `throw new NotAcceptable();` */
export class NotAcceptable extends simple(406) {}
/** 408 Request Timeout. @example `throw new RequestTimeout();` */
export class RequestTimeout extends simple(408) {}
/** 409 Conflict. @example `throw new Conflict('Name taken.');` */
export class Conflict extends simple(409) {}
/** 410 Gone. @example `throw new Gone();` */
export class Gone extends simple(410) {}
/** 411 Length Required. @example `throw new LengthRequired();` */
export class LengthRequired extends simple(411) {}
/** 412 Precondition Failed. @example `throw new PreconditionFailed();` */
export class PreconditionFailed extends simple(412) {}
/** 413 Content Too Large. @example `throw new RequestEntityTooLarge('Body over 1 MiB.');` */
export class RequestEntityTooLarge extends simple(413) {}
/** 414 URI Too Long. @example `throw new RequestURITooLarge();` */
export class RequestURITooLarge extends simple(414) {}
/** 415 Unsupported Media Type. @example `throw new UnsupportedMediaType('Send JSON.');` */
export class UnsupportedMediaType extends simple(415) {}
/** 417 Expectation Failed. @example `throw new ExpectationFailed();` */
export class ExpectationFailed extends simple(417) {}
/** 418 I'm a teapot. @example `throw new ImATeapot();` */
export class ImATeapot extends simple(418) {}
/** 421 Misdirected Request. @example `throw new MisdirectedRequest();` */
export class MisdirectedRequest extends simple(421) {}
/** 422 Unprocessable Content. @example `throw new UnprocessableEntity('Bad e-mail.');` */
export class UnprocessableEntity extends simple(422) {}
/** 423 Locked. @example `throw new Locked();` */
export class Locked extends simple(423) {}
/** 424 Failed Dependency. @example `throw new FailedDependency();` */
export class FailedDependency extends simple(424) {}
/** 428 Precondition Required. @example `throw new PreconditionRequired();` */
export class PreconditionRequired extends simple(428) {}
/** 431 Request Header Fields Too Large. @example `throw new RequestHeaderFieldsTooLarge();` */
export class RequestHeaderFieldsTooLarge extends simple(431) {}
/** 451 Unavailable For Legal Reasons. @example `throw new UnavailableForLegalReasons();` */
export class UnavailableForLegalReasons extends simple(451) {}
/** 500 Internal Server Error. @example `throw new InternalServerError();` */
export class InternalServerError extends simple(500) {}
/** 501 Not Implemented. @example `throw new NotImplemented();` */
export class NotImplemented extends simple(501) {}
/** 502 Bad Gateway. @example `throw new BadGateway();` */
export class BadGateway extends simple(502) {}
/** 504 Gateway Timeout. @example `throw new GatewayTimeout();` */
export class GatewayTimeout extends simple(504) {}
/** 505 HTTP Version Not Supported. @example `throw new HTTPVersionNotSupported();` */
export class HTTPVersionNotSupported extends simple(505) {}
/** 511 Network Authentication Required (a captive portal). @example `throw new NetworkAuthenticationRequired();` */
export class NetworkAuthenticationRequired extends simple(511) {}
