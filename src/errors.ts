/**
 * HTTP errors as exceptions that know their own response, one class per 4xx/5xx status.
 * @module
 */
import type { Environ } from './gateway.js';
import { STATUS_PHRASES } from './http/status.js';
import { escapeHtml } from './http/html.js';
import { bestErrorFormat } from './http/error-format.js';
import { Response } from './response/response.js';
import { Headers, type HeadersInit } from './datastructures/headers.js';

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
export class HTTPException extends Error {
  /** The status code. */
  readonly code: number;
  /** A sentence for the client saying what went wrong. */
  readonly description: string;
  /** Extra response headers. */
  readonly headers: HeadersInit | undefined;

  constructor(code: number, description?: string, options: HTTPExceptionOptions = {}) {
    const phrase = STATUS_PHRASES[code] ?? 'Unknown Error';
    super(`${code} ${phrase}${description ? `: ${description}` : ''}`, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.description = description ?? DEFAULT_DESCRIPTIONS[code] ?? phrase;
    this.headers = options.headers;
  }

  /** The reason phrase of the status ("Not Found"). */
  get phrase(): string {
    return STATUS_PHRASES[this.code] ?? 'Unknown Error';
  }

  /**
   * The response for this error; the body format follows the request's `Accept` header when an
   * environ is given, and is HTML otherwise.
   */
  getResponse(environ?: Environ): Response {
    const accept = typeof environ?.HTTP_ACCEPT === 'string' ? environ.HTTP_ACCEPT : undefined;
    const format = bestErrorFormat(accept);
    const { code, phrase, description } = this;
    let body: string;
    let mimetype: string;
    if (format === 'json') {
      body = JSON.stringify({ code, name: phrase, description });
      mimetype = 'application/json';
    } else if (format === 'text') {
      body = `${code} ${phrase}\n\n${description}\n`;
      mimetype = 'text/plain';
    } else {
      body =
        `<!doctype html>\n<html lang="en">\n<title>${code} ${escapeHtml(phrase)}</title>\n` +
        `<h1>${escapeHtml(phrase)}</h1>\n<p>${escapeHtml(description)}</p>\n`;
      mimetype = 'text/html';
    }
    return new Response(body, { status: code, headers: this.headers, mimetype });
  }
}

const DEFAULT_DESCRIPTIONS: Record<number, string> = {
  400: 'The browser (or proxy) sent a request that this server could not understand.',
  402: 'Payment is required to access this resource.',
  407: 'The client must first authenticate itself with the proxy.',
  401: 'The server could not verify that you are authorized to access the URL requested.',
  403: "You don't have the permission to access the requested resource.",
  404: 'The requested URL was not found on the server.',
  405: 'The method is not allowed for the requested URL.',
  406: 'The resource could not be given in a form the request accepts.',
  408: 'The server closed the connection because the request took too long.',
  409: 'The request conflicts with the current state of the resource.',
  410: 'The requested URL is no longer available on this server.',
  411: 'A request with this method requires a valid Content-Length header.',
  412: 'The precondition on the request for the URL failed positive evaluation.',
  413: 'The data value transmitted exceeds the capacity limit.',
  414: 'The length of the requested URL exceeds the capacity limit for this server.',
  415: 'The server does not support the media type transmitted in the request.',
  416: 'The server cannot provide the requested range.',
  417: 'The server could not meet the requirements of the Expect header.',
  418: 'This server is a teapot, not a coffee machine.',
  422: 'The request was well-formed but could not be processed.',
  429: 'This user has exceeded an allotted request count. Try again later.',
  431: 'One or more header fields exceeds the maximum size.',
  500: 'The server encountered an internal error and was unable to complete your request.',
  501: 'The server does not support the action requested by the browser.',
  502: 'The proxy server received an invalid response from an upstream server.',
  503: 'The server is temporarily unable to service your request. Please try again later.',
  504: 'The connection to an upstream server timed out.',
  505: 'The server does not support the HTTP protocol version used in the request.',
  511: 'The client needs to authenticate to gain network access.',
};

/** An exception class for one status; its instances' `code` is that status, as a literal type. */
type Simple<C extends number = number> = new (
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
export class Unauthorized extends HTTPException {
  declare readonly code: 401;
  readonly wwwAuthenticate: string[];
  constructor(description?: string, options: UnauthorizedOptions = {}) {
    const challenges = challengeList(options.wwwAuthenticate);
    super(401, description, { ...options, headers: withChallenges(options.headers, 'WWW-Authenticate', challenges) });
    this.wwwAuthenticate = challenges;
  }
}

/** Options for `ProxyAuthenticationRequired`. */
export interface ProxyAuthenticationRequiredOptions extends HTTPExceptionOptions {
  /** The challenge(s) sent as `Proxy-Authenticate`, for example `'Basic realm="proxy"'`. */
  proxyAuthenticate?: string | string[];
}

/**
 * 407: the proxy needs the client to authenticate; carries the `Proxy-Authenticate` challenge.
 *
 * @example
 * ```ts
 * throw new ProxyAuthenticationRequired(undefined, { proxyAuthenticate: 'Basic realm="proxy"' });
 * ```
 */
export class ProxyAuthenticationRequired extends HTTPException {
  declare readonly code: 407;
  readonly proxyAuthenticate: string[];
  constructor(description?: string, options: ProxyAuthenticationRequiredOptions = {}) {
    const challenges = challengeList(options.proxyAuthenticate);
    super(407, description, { ...options, headers: withChallenges(options.headers, 'Proxy-Authenticate', challenges) });
    this.proxyAuthenticate = challenges;
  }
}

function challengeList(challenges: string | string[] | undefined): string[] {
  return challenges === undefined ? [] : [challenges].flat();
}

/** `headers` with one `name` header per challenge appended. */
function withChallenges(headers: HeadersInit | undefined, name: string, challenges: string[]): Array<[string, string]> {
  const list: Array<[string, string]> = [...new Headers(headers)];
  for (const challenge of challenges) list.push([name, challenge]);
  return list;
}

/**
 * 405: the method is not allowed; lists the allowed ones in `Allow`.
 *
 * @example
 * ```ts
 * throw new MethodNotAllowed(['GET', 'HEAD']);
 * ```
 */
export class MethodNotAllowed extends HTTPException {
  declare readonly code: 405;
  readonly validMethods: string[];
  constructor(validMethods: string[] = [], description?: string, options: HTTPExceptionOptions = {}) {
    const headers: Array<[string, string]> = [...new Headers(options.headers)];
    if (validMethods.length) headers.push(['Allow', validMethods.join(', ')]);
    super(405, description, { ...options, headers });
    this.validMethods = validMethods;
  }
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
export class RangeNotSatisfiable extends HTTPException {
  declare readonly code: 416;
  readonly length: number | undefined;
  constructor(description?: string, options: RangeNotSatisfiableOptions = {}) {
    const headers: Array<[string, string]> = [...new Headers(options.headers)];
    if (options.length !== undefined) headers.push(['Content-Range', `${options.units ?? 'bytes'} */${options.length}`]);
    super(416, description, { ...options, headers });
    this.length = options.length;
  }
}

/** Options for errors that tell the client when to come back. */
export interface RetryAfterOptions extends HTTPExceptionOptions {
  /** Seconds to wait, or the date to retry after; sent as `Retry-After`. */
  retryAfter?: number | Date;
}

function retryHeaders(options: RetryAfterOptions): Array<[string, string]> {
  const headers: Array<[string, string]> = [...new Headers(options.headers)];
  const { retryAfter } = options;
  if (retryAfter instanceof Date) headers.push(['Retry-After', retryAfter.toUTCString()]);
  else if (retryAfter !== undefined) headers.push(['Retry-After', String(Math.max(0, Math.ceil(retryAfter)))]);
  return headers;
}

/**
 * 429: rate limited; `retryAfter` becomes the `Retry-After` header.
 *
 * @example
 * ```ts
 * throw new TooManyRequests(undefined, { retryAfter: 30 });
 * ```
 */
export class TooManyRequests extends HTTPException {
  declare readonly code: 429;
  constructor(description?: string, options: RetryAfterOptions = {}) {
    super(429, description, { ...options, headers: retryHeaders(options) });
  }
}

/**
 * 503: temporarily unavailable; `retryAfter` becomes the `Retry-After` header.
 *
 * @example
 * ```ts
 * throw new ServiceUnavailable('Down for maintenance.', { retryAfter: 600 });
 * ```
 */
export class ServiceUnavailable extends HTTPException {
  declare readonly code: 503;
  constructor(description?: string, options: RetryAfterOptions = {}) {
    super(503, description, { ...options, headers: retryHeaders(options) });
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

const BY_CODE = new Map<number, Simple>([
  [400, BadRequest],
  [401, Unauthorized],
  [402, PaymentRequired],
  [403, Forbidden],
  [404, NotFound],
  [405, MethodNotAllowed as unknown as Simple],
  [406, NotAcceptable],
  [407, ProxyAuthenticationRequired],
  [408, RequestTimeout],
  [409, Conflict],
  [410, Gone],
  [411, LengthRequired],
  [412, PreconditionFailed],
  [413, RequestEntityTooLarge],
  [414, RequestURITooLarge],
  [415, UnsupportedMediaType],
  [416, RangeNotSatisfiable],
  [417, ExpectationFailed],
  [418, ImATeapot],
  [421, MisdirectedRequest],
  [422, UnprocessableEntity],
  [423, Locked],
  [424, FailedDependency],
  [428, PreconditionRequired],
  [429, TooManyRequests],
  [431, RequestHeaderFieldsTooLarge],
  [451, UnavailableForLegalReasons],
  [500, InternalServerError],
  [501, NotImplemented],
  [502, BadGateway],
  [503, ServiceUnavailable],
  [504, GatewayTimeout],
  [505, HTTPVersionNotSupported],
  [511, NetworkAuthenticationRequired],
]);

/**
 * Throws the `HTTPException` for `code` (the specific subclass when there is one).
 *
 * @example
 * ```ts
 * if (!user) abort(404, 'No such user.');
 * ```
 */
export function abort(code: number, description?: string): never {
  if (code === 405) throw new MethodNotAllowed([], description);
  const cls = BY_CODE.get(code);
  throw cls ? new cls(description) : new HTTPException(code, description);
}

/**
 * The exception class for a status code, or `undefined` when tsgi has no subclass for it.
 *
 * @example
 * ```ts
 * exceptionFor(404) === NotFound; // true
 * ```
 */
export function exceptionFor(code: number): Simple | undefined {
  return BY_CODE.get(code);
}

