import { EnvironHeaders } from '../datastructures/headers.js';
import { isJsonMimetype, parseContentType } from '../http/content-type.js';
import { parseCookies } from '../http/cookies.js';
import { parseAccept, parseCharsetAccept, parseEncodingAccept, parseLanguageAccept, } from '../http/accept.js';
import { parseAuthorization } from '../http/auth.js';
import { parseCacheControl } from '../http/cache-control.js';
import { parseHttpDate } from '../http/dates.js';
import { parseEtags } from '../http/etag.js';
import { parseIfRange, parseRange } from '../http/range.js';
/**
 * The header properties `Request` inherits. Not used on its own.
 */
export class RequestHeaderAccessors {
    /** The raw environ this request reads. */
    environ;
    #headers;
    #cookies;
    #contentType;
    constructor(environ) {
        this.environ = environ;
    }
    /** The request headers, a read-only view over the environ. */
    get headers() {
        return (this.#headers ??= new EnvironHeaders(this.environ));
    }
    /** The cookies sent, by name (the first of repeated names wins; at most 3000 pairs). */
    get cookies() {
        return (this.#cookies ??= parseCookies(this.environ.HTTP_COOKIE));
    }
    /** The raw Content-Type header, or `''`. */
    get contentType() {
        return this.environ.CONTENT_TYPE ?? '';
    }
    /** The media type of the body, lower-cased, without parameters. */
    get mimetype() {
        return this.#parsedContentType().mimetype;
    }
    /** The Content-Type parameters (`charset`, `boundary`...). */
    get mimetypeParams() {
        return this.#parsedContentType().params;
    }
    /** The Content-Length as a number; `undefined` when absent or invalid. */
    get contentLength() {
        const value = this.environ.CONTENT_LENGTH;
        return value !== undefined && /^\s*\d{1,16}\s*$/.test(value) ? Number(value) : undefined;
    }
    /** True when the body is JSON (`application/json` or `+json`). */
    get isJson() {
        return isJsonMimetype(this.mimetype);
    }
    /** The User-Agent header, or `''`. */
    get userAgent() {
        return this.environ.HTTP_USER_AGENT ?? '';
    }
    /** The Referer header. */
    get referrer() {
        return this.environ.HTTP_REFERER;
    }
    /** The Origin header. */
    get origin() {
        return this.environ.HTTP_ORIGIN;
    }
    /** The client's address as the server (or `proxyFix`) saw it. */
    get remoteAddr() {
        return this.environ.REMOTE_ADDR;
    }
    /** The addresses the request went through: X-Forwarded-For (up to 100 entries), else `[remoteAddr]`. */
    get accessRoute() {
        const forwarded = this.environ.HTTP_X_FORWARDED_FOR;
        if (forwarded)
            return forwarded.split(',', 100).map((hop) => hop.trim()).filter(Boolean);
        return this.remoteAddr ? [this.remoteAddr] : [];
    }
    #typed;
    /** Parses a header once per request and keeps the result. */
    #once(key, parse) {
        const cache = (this.#typed ??= new Map());
        if (!cache.has(key))
            cache.set(key, parse());
        return cache.get(key);
    }
    /** The Accept header: `bestMatch(['text/html', 'application/json'])`, `quality()`, `acceptJson`. */
    get acceptMimetypes() {
        return this.#once('accept', () => parseAccept(this.environ.HTTP_ACCEPT));
    }
    /** The Accept-Language header, with RFC 4647 fallback (`de-AT` finds `de`). */
    get acceptLanguages() {
        return this.#once('accept-language', () => parseLanguageAccept(this.environ.HTTP_ACCEPT_LANGUAGE));
    }
    /** The Accept-Encoding header (`identity` stays acceptable unless excluded). */
    get acceptEncodings() {
        return this.#once('accept-encoding', () => parseEncodingAccept(this.environ.HTTP_ACCEPT_ENCODING));
    }
    /** The Accept-Charset header. */
    get acceptCharsets() {
        return this.#once('accept-charset', () => parseCharsetAccept(this.environ.HTTP_ACCEPT_CHARSET));
    }
    /** The request's Cache-Control directives (`noCache`, `maxAge`, `maxStale`, `onlyIfCached`...). */
    get cacheControl() {
        return this.#once('cache-control', () => parseCacheControl(this.environ.HTTP_CACHE_CONTROL));
    }
    /** If-Match: `contains(tag)` compares strongly; `star` for `*`; empty when absent. */
    get ifMatch() {
        return this.#once('if-match', () => parseEtags(this.environ.HTTP_IF_MATCH));
    }
    /** If-None-Match: `containsWeak(tag)` is the comparison RFC 9110 asks for. */
    get ifNoneMatch() {
        return this.#once('if-none-match', () => parseEtags(this.environ.HTTP_IF_NONE_MATCH));
    }
    /** If-Modified-Since as a Date, or null when absent or malformed. */
    get ifModifiedSince() {
        return this.#once('if-modified-since', () => parseHttpDate(this.environ.HTTP_IF_MODIFIED_SINCE));
    }
    /** If-Unmodified-Since as a Date, or null when absent or malformed. */
    get ifUnmodifiedSince() {
        return this.#once('if-unmodified-since', () => parseHttpDate(this.environ.HTTP_IF_UNMODIFIED_SINCE));
    }
    /** If-Range (an entity tag or a date), or null. */
    get ifRange() {
        return this.#once('if-range', () => parseIfRange(this.environ.HTTP_IF_RANGE));
    }
    /** The Range header, or null when absent, malformed or abusive (more than 100 ranges, overlaps). */
    get range() {
        return this.#once('range', () => parseRange(this.environ.HTTP_RANGE));
    }
    /** The Authorization header (Basic: `username`/`password`; Bearer: `token`), or null when absent or malformed. */
    get authorization() {
        return this.#once('authorization', () => parseAuthorization(this.environ.HTTP_AUTHORIZATION));
    }
    #parsedContentType() {
        return (this.#contentType ??= parseContentType(this.environ.CONTENT_TYPE));
    }
}
//# sourceMappingURL=header-accessors.js.map