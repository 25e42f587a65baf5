/**
 * `abort` and `exceptionFor`: from a status code to its exception class.
 * @module
 */
import { HTTPException } from './http-exception.js';
import {
  BadGateway, BadRequest, Conflict, ExpectationFailed, FailedDependency, Forbidden, GatewayTimeout, Gone,
  HTTPVersionNotSupported, ImATeapot, InternalServerError, LengthRequired, Locked, MisdirectedRequest,
  NetworkAuthenticationRequired, NotAcceptable, NotFound, NotImplemented, PaymentRequired, PreconditionFailed,
  PreconditionRequired, RequestEntityTooLarge, RequestHeaderFieldsTooLarge, RequestTimeout, RequestURITooLarge,
  UnavailableForLegalReasons, UnprocessableEntity, UnsupportedMediaType, type Simple,
} from './catalog.js';
import {
  MethodNotAllowed, ProxyAuthenticationRequired, RangeNotSatisfiable, ServiceUnavailable, TooManyRequests, Unauthorized,
} from './with-headers.js';

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
