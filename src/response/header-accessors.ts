/**
 * The typed header properties of a `Response` (cache control, Vary, CORS, dates...), one small
 * getter and setter each over the header parsers in `src/http/`.
 * @module
 */
import type { Environ, StartResponse, Body } from '../gateway.js';
import type { Headers } from '../datastructures/headers.js';
import { parseWwwAuthenticate, type WWWAuthenticate } from '../http/auth.js';
import { parseCacheControl, type CacheControl } from '../http/cache-control.js';
import { parseContentDisposition, type ContentDisposition } from '../http/content-disposition.js';
import { parseContentSecurityPolicy, type ContentSecurityPolicy } from '../http/csp.js';
import { formatHttpDate, parseHttpDate } from '../http/dates.js';
import { HeaderSet, parseHeaderSet } from '../http/header-set.js';
import { parseContentRange, type ContentRange } from '../http/range.js';
import { formatRetryAfter, parseRetryAfter } from '../http/retry-after.js';

/**
 * The base of `Response`: its constructor returns a function whose prototype is the subclass's,
 * so every response is callable as an App while keeping class fields and methods.
 * Arrow functions have no own `prototype`, which keeps the object small.
 */
abstract class CallableApp {
  /** Serves the response through the protocol; defined by `Response`. */
  abstract serve(environ: Environ, startResponse: StartResponse): Body;

  constructor() {
    const serve = ((environ: Environ, startResponse: StartResponse) =>
      (serve as unknown as CallableApp).serve(environ, startResponse)) as unknown as CallableApp;
    Object.setPrototypeOf(serve, new.target.prototype);
    return serve;
  }
}

/**
 * The typed header properties `Response` inherits. Not used on its own.
 */
export abstract class ResponseHeaderAccessors extends CallableApp {
  /** The headers; changes show up when the response is served. */
  abstract get headers(): Headers;
  abstract set headers(headers: Headers);

  // Each getter parses the header afresh, so it never disagrees with `headers`; the objects it
  // returns (CacheControl, HeaderSet, ContentSecurityPolicy) write their changes back.

  /** Cache-Control as a typed object: `res.cacheControl.maxAge = 60` updates the header. */
  get cacheControl(): CacheControl {
    return parseCacheControl(this.headers.get('Cache-Control'), writeBack(this, 'Cache-Control'));
  }
  set cacheControl(value: CacheControl | string | null | undefined) { setTyped(this, 'Cache-Control', value); }

  /** Vary as a case-insensitive set: `res.vary.add('Accept-Encoding')`. */
  get vary(): HeaderSet { return readSet(this, 'Vary'); }
  set vary(value: Iterable<string> | string | null | undefined) { setList(this, 'Vary', value); }
  /** Allow as a set of methods. */
  get allow(): HeaderSet { return readSet(this, 'Allow'); }
  set allow(value: Iterable<string> | string | null | undefined) { setList(this, 'Allow', value); }
  /** Content-Language as a set of tags. */
  get contentLanguage(): HeaderSet { return readSet(this, 'Content-Language'); }
  set contentLanguage(value: Iterable<string> | string | null | undefined) { setList(this, 'Content-Language', value); }

  /** Access-Control-Allow-Origin (`*` or an origin). */
  get accessControlAllowOrigin(): string | undefined { return this.headers.get('Access-Control-Allow-Origin'); }
  set accessControlAllowOrigin(value: string | null | undefined) { setTyped(this, 'Access-Control-Allow-Origin', value); }
  /** Access-Control-Allow-Credentials: true when the header is `true`. */
  get accessControlAllowCredentials(): boolean { return this.headers.get('Access-Control-Allow-Credentials') === 'true'; }
  set accessControlAllowCredentials(value: boolean) { setTyped(this, 'Access-Control-Allow-Credentials', value ? 'true' : undefined); }
  /** Access-Control-Allow-Methods as a set. */
  get accessControlAllowMethods(): HeaderSet { return readSet(this, 'Access-Control-Allow-Methods'); }
  set accessControlAllowMethods(value: Iterable<string> | string | null | undefined) { setList(this, 'Access-Control-Allow-Methods', value); }
  /** Access-Control-Allow-Headers as a set. */
  get accessControlAllowHeaders(): HeaderSet { return readSet(this, 'Access-Control-Allow-Headers'); }
  set accessControlAllowHeaders(value: Iterable<string> | string | null | undefined) { setList(this, 'Access-Control-Allow-Headers', value); }
  /** Access-Control-Expose-Headers as a set. */
  get accessControlExposeHeaders(): HeaderSet { return readSet(this, 'Access-Control-Expose-Headers'); }
  set accessControlExposeHeaders(value: Iterable<string> | string | null | undefined) { setList(this, 'Access-Control-Expose-Headers', value); }
  /** Access-Control-Max-Age in seconds. */
  get accessControlMaxAge(): number | undefined {
    const value = this.headers.get('Access-Control-Max-Age');
    return value !== undefined && /^\d{1,10}$/.test(value) ? Number(value) : undefined;
  }
  set accessControlMaxAge(value: number | null | undefined) { setTyped(this, 'Access-Control-Max-Age', value == null ? value : Math.max(0, Math.floor(value))); }

  /** Content-Range, or null when absent or malformed. */
  get contentRange(): ContentRange | null { return parseContentRange(this.headers.get('Content-Range')); }
  set contentRange(value: ContentRange | string | null | undefined) { setTyped(this, 'Content-Range', value); }
  /** Accept-Ranges (`bytes` or `none`). */
  get acceptRanges(): string | undefined { return this.headers.get('Accept-Ranges'); }
  set acceptRanges(value: string | null | undefined) { setTyped(this, 'Accept-Ranges', value); }
  /** Retry-After as a Date (seconds are counted from now); set seconds or a Date. */
  get retryAfter(): Date | null { return parseRetryAfter(this.headers.get('Retry-After')); }
  set retryAfter(value: number | Date | null | undefined) { setTyped(this, 'Retry-After', value == null ? value : formatRetryAfter(value)); }

  /** Content-Security-Policy as a directive map that writes back. */
  get contentSecurityPolicy(): ContentSecurityPolicy {
    return parseContentSecurityPolicy(this.headers.get('Content-Security-Policy'), writeBack(this, 'Content-Security-Policy'));
  }
  set contentSecurityPolicy(value: ContentSecurityPolicy | string | null | undefined) { setTyped(this, 'Content-Security-Policy', value); }
  /** Content-Security-Policy-Report-Only, like `contentSecurityPolicy`. */
  get contentSecurityPolicyReportOnly(): ContentSecurityPolicy {
    const name = 'Content-Security-Policy-Report-Only';
    return parseContentSecurityPolicy(this.headers.get(name), writeBack(this, name));
  }
  set contentSecurityPolicyReportOnly(value: ContentSecurityPolicy | string | null | undefined) { setTyped(this, 'Content-Security-Policy-Report-Only', value); }

  /** The WWW-Authenticate challenges; assign one or a list (`basicChallenge('admin')`) to replace them. */
  get wwwAuthenticate(): WWWAuthenticate[] {
    return this.headers.getAll('WWW-Authenticate').flatMap((value) => parseWwwAuthenticate(value));
  }
  set wwwAuthenticate(value: WWWAuthenticate | string | ReadonlyArray<WWWAuthenticate | string> | null | undefined) {
    this.headers.delete('WWW-Authenticate');
    for (const challenge of value == null ? [] : typeof value === 'string' || !Array.isArray(value) ? [value] : value) {
      this.headers.append('WWW-Authenticate', String(challenge));
    }
  }

  /** Content-Disposition parsed (`type`, `filename`); set a value built with `formatContentDisposition`. */
  get contentDisposition(): ContentDisposition | null { return parseContentDisposition(this.headers.get('Content-Disposition')); }
  set contentDisposition(value: string | null | undefined) { setTyped(this, 'Content-Disposition', value); }

  /** Last-Modified as a Date; set a Date or a millisecond timestamp. */
  get lastModified(): Date | null { return parseHttpDate(this.headers.get('Last-Modified')); }
  set lastModified(value: Date | number | null | undefined) { setDate(this, 'Last-Modified', value); }
  /** Expires as a Date. */
  get expires(): Date | null { return parseHttpDate(this.headers.get('Expires')); }
  set expires(value: Date | number | null | undefined) { setDate(this, 'Expires', value); }
  /** Date as a Date. */
  get date(): Date | null { return parseHttpDate(this.headers.get('Date')); }
  set date(value: Date | number | null | undefined) { setDate(this, 'Date', value); }

}

// Helpers of the accessors below. Module functions rather than private methods: a private method
// gives every response an extra hidden "brand" property, and a response is a function object,
// whose own properties V8 keeps out of line (see `CallableApp`).

/** A list header as a set whose changes are written back to the header. */
function readSet(res: ResponseHeaderAccessors, name: string): HeaderSet {
  return parseHeaderSet(res.headers.get(name), writeBack(res, name));
}

function writeBack(res: ResponseHeaderAccessors, name: string): (value: object) => void {
  return (value) => res.headers.setOrDelete(name, String(value) || undefined);
}

function setTyped(res: ResponseHeaderAccessors, name: string, value: object | string | number | null | undefined): void {
  res.headers.setOrDelete(name, value === null || value === undefined ? undefined : String(value) || undefined);
}

function setList(res: ResponseHeaderAccessors, name: string, value: Iterable<string> | string | null | undefined): void {
  setTyped(res, name, value == null || typeof value === 'string' ? value : new HeaderSet(value));
}

function setDate(res: ResponseHeaderAccessors, name: string, value: Date | number | null | undefined): void {
  res.headers.setOrDelete(name, value === null || value === undefined ? undefined : formatHttpDate(value));
}
