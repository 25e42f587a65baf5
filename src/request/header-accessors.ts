/**
 * The header properties of a `Request`: the raw view, cookies, content type, client details and
 * the typed headers (Accept, Cache-Control, conditionals, Range, Authorization), each parsed on
 * first read by the one parser in `src/http/` and kept.
 * @module
 */
import type { Environ } from '../gateway.js';
import { requestSignal } from '../signal.js';
import { EnvironHeaders } from '../datastructures/headers.js';
import { isJsonMimetype, parseContentType } from '../http/content-type.js';
import { parseCookies } from '../http/cookies.js';
import {
  parseAccept,
  parseCharsetAccept,
  parseEncodingAccept,
  parseLanguageAccept,
  type CharsetAccept,
  type EncodingAccept,
  type LanguageAccept,
  type MIMEAccept,
} from '../http/accept.js';
import { parseAuthorization, type Authorization } from '../http/auth.js';
import { parseCacheControl, type CacheControl } from '../http/cache-control.js';
import { parseHttpDate } from '../http/dates.js';
import { parseEtags, type ETags } from '../http/etag.js';
import { parseIfRange, parseRange, type IfRange, type Range } from '../http/range.js';
import { isToken } from '../http/grammar.js';
import { parseAccessControlRequestHeaders } from '../http/cors.js';
import { HeaderSet } from '../http/header-set.js';
import { parseLastEventId } from '../http/sse.js';
import { isWebSocketHandshake, parseWebSocketProtocols } from '../http/websocket.js';

/**
 * The header properties `Request` inherits. Not used on its own.
 */
export abstract class RequestHeaderAccessors {
  /** The raw environ this request reads. */
  readonly environ: Environ;

  #headers: EnvironHeaders | undefined;
  #cookies: Record<string, string> | undefined;
  #contentType: { mimetype: string; params: Record<string, string> } | undefined;

  constructor(environ: Environ) {
    this.environ = environ;
  }

  /** The request headers, a read-only view over the environ. */
  get headers(): EnvironHeaders {
    return (this.#headers ??= new EnvironHeaders(this.environ));
  }

  /** The cookies sent, by name (the first of repeated names wins; at most 3000 pairs). */
  get cookies(): Record<string, string> {
    return (this.#cookies ??= parseCookies(this.environ.HTTP_COOKIE));
  }

  /** The raw Content-Type header, or `''`. */
  get contentType(): string {
    return this.environ.CONTENT_TYPE ?? '';
  }

  /** The media type of the body, lower-cased, without parameters. */
  get mimetype(): string {
    return this.#parsedContentType().mimetype;
  }

  /** The Content-Type parameters (`charset`, `boundary`...). */
  get mimetypeParams(): Record<string, string> {
    return this.#parsedContentType().params;
  }

  /** The Content-Length as a number; `undefined` when absent or invalid. */
  get contentLength(): number | undefined {
    const value = this.environ.CONTENT_LENGTH;
    return value !== undefined && /^\s*\d{1,16}\s*$/.test(value) ? Number(value) : undefined;
  }

  /** True when the body is JSON (`application/json` or `+json`). */
  get isJson(): boolean {
    return isJsonMimetype(this.mimetype);
  }

  /** The User-Agent header, or `''`. */
  get userAgent(): string {
    return this.environ.HTTP_USER_AGENT ?? '';
  }

  /** The Referer header. */
  get referrer(): string | undefined {
    return this.environ.HTTP_REFERER;
  }

  /** The Origin header. */
  get origin(): string | undefined {
    return this.environ.HTTP_ORIGIN;
  }

  /** The client's address as the server (or `proxyFix`) saw it. */
  get remoteAddr(): string | undefined {
    return this.environ.REMOTE_ADDR;
  }

  /**
   * Aborted when the client goes away or the server gives up on this request (`tsgi.signal`, spec
   * rule 3.20); when the server sets none, a signal that never aborts. Race any wait that may never
   * end (the next event of a stream, a long poll) against it, as docs/spec.md section 12 shows.
   */
  get signal(): AbortSignal {
    return requestSignal(this.environ);
  }

  /**
   * The `Last-Event-ID` a reconnecting `EventSource` sent: the id of the last server-sent event it
   * received. Untrusted input: `undefined` when absent, empty, over 1024 characters or holding NUL
   * (`parseLastEventId`), else the value as sent. Check it as strictly as any input (a number, a
   * cursor of this client's own feed) before replaying events after it.
   *
   * @example
   * ```ts
   * const after = Number(req.lastEventId ?? '0');
   * ```
   */
  get lastEventId(): string | undefined {
    return parseLastEventId(this.environ.HTTP_LAST_EVENT_ID);
  }

  /**
   * True for a WebSocket handshake (`Upgrade: websocket`, `Connection: upgrade`), whether or not
   * the server can accept it (`environ['tsgi.websocket']` tells that).
   *
   * @example
   * ```ts
   * if (req.isWebSocket) return req.acceptWebSocket({}, (ws) => echo(ws));
   * ```
   */
  get isWebSocket(): boolean {
    return isWebSocketHandshake(this.environ.HTTP_UPGRADE, this.environ.HTTP_CONNECTION);
  }

  /**
   * The subprotocols a WebSocket handshake offers (`Sec-WebSocket-Protocol`), in the client's
   * order; `[]` for none.
   *
   * @example
   * ```ts
   * req.websocketProtocols; // ['chat.v2', 'chat']
   * ```
   */
  get websocketProtocols(): readonly string[] {
    return this.environ['tsgi.websocket']?.protocols ?? parseWebSocketProtocols(this.environ.HTTP_SEC_WEBSOCKET_PROTOCOL);
  }

  /**
   * The method a CORS preflight asks to use (`Access-Control-Request-Method`), or `undefined` when
   * absent or not a method (an HTTP token). Methods are case-sensitive: compare as sent.
   */
  get accessControlRequestMethod(): string | undefined {
    const method = this.environ.HTTP_ACCESS_CONTROL_REQUEST_METHOD?.trim();
    return method && isToken(method) ? method : undefined;
  }

  /**
   * The headers a CORS preflight asks to send (`Access-Control-Request-Headers`), lower-cased, as a
   * case-insensitive `HeaderSet` (`has('Content-Type')`). Empty when absent, and also when it cannot
   * be trusted (an item that is not a header name, more than 100 names, over 8 KiB): a preflight
   * that allows none of them is refused by the browser, never widened.
   */
  get accessControlRequestHeaders(): HeaderSet {
    const raw = this.environ.HTTP_ACCESS_CONTROL_REQUEST_HEADERS;
    return this.#once('access-control-request-headers', () => new HeaderSet(parseAccessControlRequestHeaders(raw) ?? []));
  }

  /** The addresses the request went through: X-Forwarded-For (up to 100 entries), else `[remoteAddr]`. */
  get accessRoute(): string[] {
    const forwarded = this.environ.HTTP_X_FORWARDED_FOR;
    if (forwarded) return forwarded.split(',', 100).map((hop) => hop.trim()).filter(Boolean);
    return this.remoteAddr ? [this.remoteAddr] : [];
  }

  #typed: Map<string, unknown> | undefined;

  /** Parses a header once per request and keeps the result. */
  #once<T>(key: string, parse: () => T): T {
    const cache = (this.#typed ??= new Map());
    if (!cache.has(key)) cache.set(key, parse());
    return cache.get(key) as T;
  }

  /** The Accept header: `bestMatch(['text/html', 'application/json'])`, `quality()`, `acceptJson`. */
  get acceptMimetypes(): MIMEAccept {
    return this.#once('accept', () => parseAccept(this.environ.HTTP_ACCEPT));
  }

  /** The Accept-Language header, with RFC 4647 fallback (`de-AT` finds `de`). */
  get acceptLanguages(): LanguageAccept {
    return this.#once('accept-language', () => parseLanguageAccept(this.environ.HTTP_ACCEPT_LANGUAGE));
  }

  /** The Accept-Encoding header (`identity` stays acceptable unless excluded). */
  get acceptEncodings(): EncodingAccept {
    return this.#once('accept-encoding', () => parseEncodingAccept(this.environ.HTTP_ACCEPT_ENCODING));
  }

  /** The Accept-Charset header. */
  get acceptCharsets(): CharsetAccept {
    return this.#once('accept-charset', () => parseCharsetAccept(this.environ.HTTP_ACCEPT_CHARSET));
  }

  /** The request's Cache-Control directives (`noCache`, `maxAge`, `maxStale`, `onlyIfCached`...). */
  get cacheControl(): CacheControl {
    return this.#once('cache-control', () => parseCacheControl(this.environ.HTTP_CACHE_CONTROL));
  }

  /** If-Match: `contains(tag)` compares strongly; `star` for `*`; empty when absent. */
  get ifMatch(): ETags {
    return this.#once('if-match', () => parseEtags(this.environ.HTTP_IF_MATCH));
  }

  /** If-None-Match: `containsWeak(tag)` is the comparison RFC 9110 asks for. */
  get ifNoneMatch(): ETags {
    return this.#once('if-none-match', () => parseEtags(this.environ.HTTP_IF_NONE_MATCH));
  }

  /** If-Modified-Since as a Date, or null when absent or malformed. */
  get ifModifiedSince(): Date | null {
    return this.#once('if-modified-since', () => parseHttpDate(this.environ.HTTP_IF_MODIFIED_SINCE));
  }

  /** If-Unmodified-Since as a Date, or null when absent or malformed. */
  get ifUnmodifiedSince(): Date | null {
    return this.#once('if-unmodified-since', () => parseHttpDate(this.environ.HTTP_IF_UNMODIFIED_SINCE));
  }

  /** If-Range (an entity tag or a date), or null when absent; an unreadable value matches nothing. */
  get ifRange(): IfRange | null {
    return this.#once('if-range', () => parseIfRange(this.environ.HTTP_IF_RANGE));
  }

  /** The Range header, or null when absent, malformed or abusive (more than 100 ranges, overlaps). */
  get range(): Range | null {
    return this.#once('range', () => parseRange(this.environ.HTTP_RANGE));
  }

  /** The Authorization header (Basic: `username`/`password`; Bearer: `token`), or null when absent or malformed. */
  get authorization(): Authorization | null {
    return this.#once('authorization', () => parseAuthorization(this.environ.HTTP_AUTHORIZATION));
  }

  #parsedContentType(): { mimetype: string; params: Record<string, string> } {
    return (this.#contentType ??= parseContentType(this.environ.CONTENT_TYPE));
  }
}
