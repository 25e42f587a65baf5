/**
 * The header properties of a `Request`: the raw view, cookies, content type, client details and
 * the typed headers (Accept, Cache-Control, conditionals, Range, Authorization), each parsed on
 * first read by the one parser in `src/http/` and kept.
 * @module
 */
import type { Environ } from '../gateway.js';
import { EnvironHeaders } from '../datastructures/headers.js';
import { type CharsetAccept, type EncodingAccept, type LanguageAccept, type MIMEAccept } from '../http/accept.js';
import { type Authorization } from '../http/auth.js';
import { type CacheControl } from '../http/cache-control.js';
import { type ETags } from '../http/etag.js';
import { type IfRange, type Range } from '../http/range.js';
/**
 * The header properties `Request` inherits. Not used on its own.
 */
export declare abstract class RequestHeaderAccessors {
    #private;
    /** The raw environ this request reads. */
    readonly environ: Environ;
    constructor(environ: Environ);
    /** The request headers, a read-only view over the environ. */
    get headers(): EnvironHeaders;
    /** The cookies sent, by name (the first of repeated names wins; at most 3000 pairs). */
    get cookies(): Record<string, string>;
    /** The raw Content-Type header, or `''`. */
    get contentType(): string;
    /** The media type of the body, lower-cased, without parameters. */
    get mimetype(): string;
    /** The Content-Type parameters (`charset`, `boundary`...). */
    get mimetypeParams(): Record<string, string>;
    /** The Content-Length as a number; `undefined` when absent or invalid. */
    get contentLength(): number | undefined;
    /** True when the body is JSON (`application/json` or `+json`). */
    get isJson(): boolean;
    /** The User-Agent header, or `''`. */
    get userAgent(): string;
    /** The Referer header. */
    get referrer(): string | undefined;
    /** The Origin header. */
    get origin(): string | undefined;
    /** The client's address as the server (or `proxyFix`) saw it. */
    get remoteAddr(): string | undefined;
    /** The addresses the request went through: X-Forwarded-For (up to 100 entries), else `[remoteAddr]`. */
    get accessRoute(): string[];
    /** The Accept header: `bestMatch(['text/html', 'application/json'])`, `quality()`, `acceptJson`. */
    get acceptMimetypes(): MIMEAccept;
    /** The Accept-Language header, with RFC 4647 fallback (`de-AT` finds `de`). */
    get acceptLanguages(): LanguageAccept;
    /** The Accept-Encoding header (`identity` stays acceptable unless excluded). */
    get acceptEncodings(): EncodingAccept;
    /** The Accept-Charset header. */
    get acceptCharsets(): CharsetAccept;
    /** The request's Cache-Control directives (`noCache`, `maxAge`, `maxStale`, `onlyIfCached`...). */
    get cacheControl(): CacheControl;
    /** If-Match: `contains(tag)` compares strongly; `star` for `*`; empty when absent. */
    get ifMatch(): ETags;
    /** If-None-Match: `containsWeak(tag)` is the comparison RFC 9110 asks for. */
    get ifNoneMatch(): ETags;
    /** If-Modified-Since as a Date, or null when absent or malformed. */
    get ifModifiedSince(): Date | null;
    /** If-Unmodified-Since as a Date, or null when absent or malformed. */
    get ifUnmodifiedSince(): Date | null;
    /** If-Range (an entity tag or a date), or null. */
    get ifRange(): IfRange | null;
    /** The Range header, or null when absent, malformed or abusive (more than 100 ranges, overlaps). */
    get range(): Range | null;
    /** The Authorization header (Basic: `username`/`password`; Bearer: `token`), or null when absent or malformed. */
    get authorization(): Authorization | null;
}
//# sourceMappingURL=header-accessors.d.ts.map