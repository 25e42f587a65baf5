/**
 * The exception classes whose status comes with a header of its own: `WWW-Authenticate` (401),
 * `Allow` (405), `Proxy-Authenticate` (407), `Content-Range` (416), `Retry-After` (429, 503).
 * @module
 */
import { Headers, type HeadersInit } from '../datastructures/headers.js';
import { HTTPException, type HTTPExceptionOptions } from './http-exception.js';

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
