/**
 * HTTP errors as exceptions that know their own response, one class per 4xx/5xx status. The
 * pieces live in `errors/`: the base class (`http-exception.ts`), the statuses that carry a header
 * of their own (`with-headers.ts`), the one-line rest (`catalog.ts`) and `abort` (`abort.ts`).
 * @module
 */
export { HTTPException, type HTTPExceptionOptions } from './errors/http-exception.js';
export {
  MethodNotAllowed,
  ProxyAuthenticationRequired,
  RangeNotSatisfiable,
  ServiceUnavailable,
  TooManyRequests,
  Unauthorized,
  type ProxyAuthenticationRequiredOptions,
  type RangeNotSatisfiableOptions,
  type RetryAfterOptions,
  type UnauthorizedOptions,
} from './errors/with-headers.js';
export {
  BadGateway,
  BadRequest,
  Conflict,
  ExpectationFailed,
  FailedDependency,
  Forbidden,
  GatewayTimeout,
  Gone,
  HTTPVersionNotSupported,
  ImATeapot,
  InternalServerError,
  LengthRequired,
  Locked,
  MisdirectedRequest,
  NetworkAuthenticationRequired,
  NotAcceptable,
  NotFound,
  NotImplemented,
  PaymentRequired,
  PreconditionFailed,
  PreconditionRequired,
  RequestEntityTooLarge,
  RequestHeaderFieldsTooLarge,
  RequestTimeout,
  RequestURITooLarge,
  UnavailableForLegalReasons,
  UnprocessableEntity,
  UnsupportedMediaType,
} from './errors/catalog.js';
export { abort, exceptionFor } from './errors/abort.js';
