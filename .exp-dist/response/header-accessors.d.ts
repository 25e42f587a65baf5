/**
 * The typed header properties of a `Response` (cache control, Vary, CORS, dates...), one small
 * getter and setter each over the header parsers in `src/http/`.
 * @module
 */
import type { Environ, StartResponse, Body } from '../gateway.js';
import type { Headers } from '../datastructures/headers.js';
import { type WWWAuthenticate } from '../http/auth.js';
import { type CacheControl } from '../http/cache-control.js';
import { type ContentDisposition } from '../http/content-disposition.js';
import { type ContentSecurityPolicy } from '../http/csp.js';
import { HeaderSet } from '../http/header-set.js';
import { type ContentRange } from '../http/range.js';
/**
 * The base of `Response`: its constructor returns a function whose prototype is the subclass's,
 * so every response is callable as an App while keeping class fields and methods.
 * Arrow functions have no own `prototype`, which keeps the object small.
 */
declare abstract class CallableApp {
    /** Serves the response through the protocol; defined by `Response`. */
    abstract serve(environ: Environ, startResponse: StartResponse): Body;
    constructor();
}
/**
 * The typed header properties `Response` inherits. Not used on its own.
 */
export declare abstract class ResponseHeaderAccessors extends CallableApp {
    /** The headers; changes show up when the response is served. */
    abstract get headers(): Headers;
    abstract set headers(headers: Headers);
    /** Cache-Control as a typed object: `res.cacheControl.maxAge = 60` updates the header. */
    get cacheControl(): CacheControl;
    set cacheControl(value: CacheControl | string | null | undefined);
    /** Vary as a case-insensitive set: `res.vary.add('Accept-Encoding')`. */
    get vary(): HeaderSet;
    set vary(value: Iterable<string> | string | null | undefined);
    /** Allow as a set of methods. */
    get allow(): HeaderSet;
    set allow(value: Iterable<string> | string | null | undefined);
    /** Content-Language as a set of tags. */
    get contentLanguage(): HeaderSet;
    set contentLanguage(value: Iterable<string> | string | null | undefined);
    /** Access-Control-Allow-Origin (`*` or an origin). */
    get accessControlAllowOrigin(): string | undefined;
    set accessControlAllowOrigin(value: string | null | undefined);
    /** Access-Control-Allow-Credentials: true when the header is `true`. */
    get accessControlAllowCredentials(): boolean;
    set accessControlAllowCredentials(value: boolean);
    /** Access-Control-Allow-Methods as a set. */
    get accessControlAllowMethods(): HeaderSet;
    set accessControlAllowMethods(value: Iterable<string> | string | null | undefined);
    /** Access-Control-Allow-Headers as a set. */
    get accessControlAllowHeaders(): HeaderSet;
    set accessControlAllowHeaders(value: Iterable<string> | string | null | undefined);
    /** Access-Control-Expose-Headers as a set. */
    get accessControlExposeHeaders(): HeaderSet;
    set accessControlExposeHeaders(value: Iterable<string> | string | null | undefined);
    /** Access-Control-Max-Age in seconds. */
    get accessControlMaxAge(): number | undefined;
    set accessControlMaxAge(value: number | null | undefined);
    /** Content-Range, or null when absent or malformed. */
    get contentRange(): ContentRange | null;
    set contentRange(value: ContentRange | string | null | undefined);
    /** Accept-Ranges (`bytes` or `none`). */
    get acceptRanges(): string | undefined;
    set acceptRanges(value: string | null | undefined);
    /** Retry-After as a Date (seconds are counted from now); set seconds or a Date. */
    get retryAfter(): Date | null;
    set retryAfter(value: number | Date | null | undefined);
    /** Content-Security-Policy as a directive map that writes back. */
    get contentSecurityPolicy(): ContentSecurityPolicy;
    set contentSecurityPolicy(value: ContentSecurityPolicy | string | null | undefined);
    /** Content-Security-Policy-Report-Only, like `contentSecurityPolicy`. */
    get contentSecurityPolicyReportOnly(): ContentSecurityPolicy;
    set contentSecurityPolicyReportOnly(value: ContentSecurityPolicy | string | null | undefined);
    /** The WWW-Authenticate challenges; assign one or a list (`basicChallenge('admin')`) to replace them. */
    get wwwAuthenticate(): WWWAuthenticate[];
    set wwwAuthenticate(value: WWWAuthenticate | string | ReadonlyArray<WWWAuthenticate | string> | null | undefined);
    /** Content-Disposition parsed (`type`, `filename`); set a value built with `formatContentDisposition`. */
    get contentDisposition(): ContentDisposition | null;
    set contentDisposition(value: string | null | undefined);
    /** Last-Modified as a Date; set a Date or a millisecond timestamp. */
    get lastModified(): Date | null;
    set lastModified(value: Date | number | null | undefined);
    /** Expires as a Date. */
    get expires(): Date | null;
    set expires(value: Date | number | null | undefined);
    /** Date as a Date. */
    get date(): Date | null;
    set date(value: Date | number | null | undefined);
}
export {};
//# sourceMappingURL=header-accessors.d.ts.map