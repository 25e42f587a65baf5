/**
 * The Response: status, headers and body, and itself an App that serves them.
 * @module
 */
import type { Body, Environ, StartResponse } from '../gateway.js';
import { appendTrusted, Headers, type HeadersInit } from '../datastructures/headers.js';
import { isBodyless, parseStatusLine, STATUS_PHRASES, statusLine } from '../http/status.js';
import { contentTypeFor, parseContentType } from '../http/content-type.js';
import { serializeDeleteCookie, serializeSetCookie, type CookieOptions } from '../http/cookies.js';
import { closingBody, closingBytes, collectBody, knownBytes, type BodyInit } from './body.js';
import { makeConditional, type ConditionalOptions, type ConditionalRequest } from './conditional.js';
import { parseWwwAuthenticate, type WWWAuthenticate } from '../http/auth.js';
import { parseCacheControl, type CacheControl } from '../http/cache-control.js';
import { parseContentDisposition, type ContentDisposition } from '../http/content-disposition.js';
import { parseContentSecurityPolicy, type ContentSecurityPolicy } from '../http/csp.js';
import { formatHttpDate, parseHttpDate } from '../http/dates.js';
import { generateEtag, quoteEtag, unquoteEtag, type EntityTag } from '../http/etag.js';
import { HeaderSet, parseHeaderSet } from '../http/header-set.js';
import { parseContentRange, type ContentRange } from '../http/range.js';
import { formatRetryAfter, parseRetryAfter } from '../http/retry-after.js';

export type { BodyInit } from './body.js';

/** Options for `new Response(body, init)`. */
export interface ResponseInit {
  /** A status code (`404`) or a full status line (`'404 Not Found'`). Default 200. */
  status?: number | string;
  /** Initial headers. */
  headers?: HeadersInit | Headers | null;
  /** The media type; `charset=utf-8` is added for text types. Ignored when `contentType` is given. */
  mimetype?: string;
  /** The full Content-Type value, used as given. */
  contentType?: string;
}

/** The default Content-Type of a response, as in Werkzeug. */
export const DEFAULT_CONTENT_TYPE = 'text/plain; charset=utf-8';

// Headers that describe the representation; RFC 9110 section 15.4.5 keeps them off a 304.
const NOT_MODIFIED_DROPPED = [
  'Content-Type',
  'Content-Length',
  'Content-Encoding',
  'Content-Language',
  'Content-Range',
  'Content-MD5',
  'Allow',
  'Last-Modified',
];

const decoder = new TextDecoder();

/**
 * The base of `Response`: its constructor returns a function whose prototype is the subclass's,
 * so every response is callable as an App while keeping class fields and methods.
 * Arrow functions have no own `prototype`, which keeps the object small.
 */
class CallableApp {
  constructor() {
    const serve = ((environ: Environ, startResponse: StartResponse) =>
      (serve as unknown as Response).serve(environ, startResponse)) as unknown as CallableApp;
    Object.setPrototypeOf(serve, new.target.prototype);
    return serve;
  }
}

/** A `Response` can be called like any App. */
export interface Response {
  (environ: Environ, startResponse: StartResponse): Body | Promise<Body>;
}

/**
 * An HTTP response. It **is** an App: `res(environ, startResponse)` serves it, so a handler can
 * return it and any server or middleware can run it.
 *
 * @example
 * ```ts
 * const res = new Response('<h1>Hi</h1>', { mimetype: 'text/html' });
 * res.setCookie('seen', '1', { httpOnly: true });
 * typeof res === 'function'; // true
 * ```
 */
export class Response extends CallableApp {
  /** The headers; changes show up when the response is served. */
  headers: Headers;
  #statusCode = 200;
  #status = '200 OK';
  #body: BodyInit;
  #bytes: Uint8Array | undefined;
  #onClose: Array<() => void> | undefined;

  constructor(body?: BodyInit, init: ResponseInit = {}) {
    super();
    const headers = init.headers;
    this.headers = headers instanceof Headers ? headers : new Headers(headers);
    if (init.status !== undefined) this.status = init.status;
    if (init.contentType !== undefined) this.headers.set('Content-Type', init.contentType);
    else if (init.mimetype !== undefined) this.headers.set('Content-Type', contentTypeFor(init.mimetype));
    else if (headers == null || !this.headers.has('Content-Type')) appendTrusted(this.headers, 'Content-Type', DEFAULT_CONTENT_TYPE);
    this.#body = body;
    this.#bytes = knownBytes(body);
    if (this.#bytes !== undefined && (headers == null || !this.headers.has('Content-Length'))) {
      appendTrusted(this.headers, 'Content-Length', String(this.#bytes.byteLength));
    }
  }

  /**
   * A JSON response: `value` serialized with `JSON.stringify`, `Content-Type: application/json`.
   *
   * @example
   * ```ts
   * return Response.json({ ok: true }, { status: 201 });
   * ```
   */
  static json(value: unknown, init: ResponseInit = {}): Response {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError('value is not JSON-serializable');
    return new this(text, { mimetype: 'application/json', ...init });
  }

  /** The status line, such as `'404 Not Found'`; settable from a line or a code. */
  get status(): string {
    return this.#status;
  }

  set status(value: number | string) {
    if (typeof value === 'number') {
      this.#status = statusLine(value);
      this.#statusCode = value;
      return;
    }
    const code = parseStatusLine(value.trim());
    if (/[\r\n\0]/.test(value)) throw new TypeError(`invalid status line: ${JSON.stringify(value)}`);
    this.#statusCode = code;
    this.#status = value.trim().length > 3 ? value.trim() : `${code} ${STATUS_PHRASES[code] ?? 'Unknown'}`;
  }

  /** The status code, kept in step with `status`. */
  get statusCode(): number {
    return this.#statusCode;
  }

  set statusCode(code: number) {
    this.status = code;
  }

  /** True for 200-299, as in the Fetch API. */
  get ok(): boolean {
    return this.#statusCode >= 200 && this.#statusCode < 300;
  }

  /** The body as given (string, bytes, iterable, stream...). Setting it updates Content-Length. */
  get body(): BodyInit {
    return this.#body;
  }

  set body(body: BodyInit) {
    this.#body = body;
    this.#bytes = knownBytes(body);
    if (this.#bytes !== undefined) this.headers.set('Content-Length', String(this.#bytes.byteLength));
    else this.headers.delete('Content-Length');
  }

  /** True when the body is a stream or iterator that can be read only once. */
  get isStreamed(): boolean {
    return this.#bytes === undefined;
  }

  /** The full Content-Type header, or `undefined`. */
  get contentType(): string | undefined {
    return this.headers.get('Content-Type');
  }

  set contentType(value: string | undefined) {
    this.headers.setOrDelete('Content-Type', value);
  }

  /** The media type without parameters, lower-cased; setting it adds `charset=utf-8` to text types. */
  get mimetype(): string {
    return parseContentType(this.contentType).mimetype;
  }

  set mimetype(value: string) {
    this.headers.set('Content-Type', contentTypeFor(value));
  }

  /** The Content-Type parameters (`charset`, `boundary`...). */
  get mimetypeParams(): Record<string, string> {
    return parseContentType(this.contentType).params;
  }

  /** The charset of the body: the Content-Type's, else `utf-8`. */
  get charset(): string {
    return this.mimetypeParams.charset?.toLowerCase() ?? 'utf-8';
  }

  /** The Content-Length header as a number, or `undefined`. */
  get contentLength(): number | undefined {
    const value = this.headers.get('Content-Length');
    return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
  }

  set contentLength(value: number | undefined) {
    this.headers.setOrDelete('Content-Length', value === undefined ? undefined : String(value));
  }

  /** The Location header. */
  get location(): string | undefined {
    return this.headers.get('Location');
  }

  set location(value: string | undefined) {
    this.headers.setOrDelete('Location', value);
  }

  /**
   * Adds a `Set-Cookie` header. Names, values and attributes are validated (a `TypeError` for
   * invalid ones); the value is percent-encoded.
   *
   * @example
   * ```ts
   * res.setCookie('session', id, { httpOnly: true, secure: true, sameSite: 'lax', maxAge: 3600 });
   * ```
   */
  setCookie(name: string, value: string, options?: CookieOptions): void {
    this.headers.append('Set-Cookie', serializeSetCookie(name, value, options));
  }

  /**
   * Adds a `Set-Cookie` header that deletes the cookie; give the `path` and `domain` it was set with.
   *
   * @example
   * ```ts
   * res.deleteCookie('session', { path: '/' });
   * ```
   */
  deleteCookie(name: string, options?: Omit<CookieOptions, 'maxAge' | 'expires'>): void {
    this.headers.append('Set-Cookie', serializeDeleteCookie(name, options));
  }

  // ---- typed HTTP headers (issue 5; parsers in src/http/) -------------------------------------
  // Each getter parses the header afresh, so it never disagrees with `headers`; the objects it
  // returns (CacheControl, HeaderSet, ContentSecurityPolicy) write their changes back.

  #writeBack(name: string): (value: object) => void {
    return (value) => this.headers.setOrDelete(name, String(value) || undefined);
  }

  #setTyped(name: string, value: object | string | number | null | undefined): void {
    this.headers.setOrDelete(name, value === null || value === undefined ? undefined : String(value) || undefined);
  }

  #setList(name: string, value: Iterable<string> | string | null | undefined): void {
    this.#setTyped(name, value == null || typeof value === 'string' ? value : new HeaderSet(value));
  }

  #setDate(name: string, value: Date | number | null | undefined): void {
    this.headers.setOrDelete(name, value === null || value === undefined ? undefined : formatHttpDate(value));
  }

  /** Cache-Control as a typed object: `res.cacheControl.maxAge = 60` updates the header. */
  get cacheControl(): CacheControl {
    return parseCacheControl(this.headers.get('Cache-Control'), this.#writeBack('Cache-Control'));
  }
  set cacheControl(value: CacheControl | string | null | undefined) { this.#setTyped('Cache-Control', value); }

  /** Vary as a case-insensitive set: `res.vary.add('Accept-Encoding')`. */
  get vary(): HeaderSet { return parseHeaderSet(this.headers.get('Vary'), this.#writeBack('Vary')); }
  set vary(value: Iterable<string> | string | null | undefined) { this.#setList('Vary', value); }
  /** Allow as a set of methods. */
  get allow(): HeaderSet { return parseHeaderSet(this.headers.get('Allow'), this.#writeBack('Allow')); }
  set allow(value: Iterable<string> | string | null | undefined) { this.#setList('Allow', value); }
  /** Content-Language as a set of tags. */
  get contentLanguage(): HeaderSet { return parseHeaderSet(this.headers.get('Content-Language'), this.#writeBack('Content-Language')); }
  set contentLanguage(value: Iterable<string> | string | null | undefined) { this.#setList('Content-Language', value); }

  /** Access-Control-Allow-Origin (`*` or an origin). */
  get accessControlAllowOrigin(): string | undefined { return this.headers.get('Access-Control-Allow-Origin'); }
  set accessControlAllowOrigin(value: string | null | undefined) { this.#setTyped('Access-Control-Allow-Origin', value); }
  /** Access-Control-Allow-Credentials: true when the header is `true`. */
  get accessControlAllowCredentials(): boolean { return this.headers.get('Access-Control-Allow-Credentials') === 'true'; }
  set accessControlAllowCredentials(value: boolean) { this.#setTyped('Access-Control-Allow-Credentials', value ? 'true' : undefined); }
  /** Access-Control-Allow-Methods as a set. */
  get accessControlAllowMethods(): HeaderSet { return parseHeaderSet(this.headers.get('Access-Control-Allow-Methods'), this.#writeBack('Access-Control-Allow-Methods')); }
  set accessControlAllowMethods(value: Iterable<string> | string | null | undefined) { this.#setList('Access-Control-Allow-Methods', value); }
  /** Access-Control-Allow-Headers as a set. */
  get accessControlAllowHeaders(): HeaderSet { return parseHeaderSet(this.headers.get('Access-Control-Allow-Headers'), this.#writeBack('Access-Control-Allow-Headers')); }
  set accessControlAllowHeaders(value: Iterable<string> | string | null | undefined) { this.#setList('Access-Control-Allow-Headers', value); }
  /** Access-Control-Expose-Headers as a set. */
  get accessControlExposeHeaders(): HeaderSet { return parseHeaderSet(this.headers.get('Access-Control-Expose-Headers'), this.#writeBack('Access-Control-Expose-Headers')); }
  set accessControlExposeHeaders(value: Iterable<string> | string | null | undefined) { this.#setList('Access-Control-Expose-Headers', value); }
  /** Access-Control-Max-Age in seconds. */
  get accessControlMaxAge(): number | undefined {
    const value = this.headers.get('Access-Control-Max-Age');
    return value !== undefined && /^\d{1,10}$/.test(value) ? Number(value) : undefined;
  }
  set accessControlMaxAge(value: number | null | undefined) { this.#setTyped('Access-Control-Max-Age', value == null ? value : Math.max(0, Math.floor(value))); }

  /** Content-Range, or null when absent or malformed. */
  get contentRange(): ContentRange | null { return parseContentRange(this.headers.get('Content-Range')); }
  set contentRange(value: ContentRange | string | null | undefined) { this.#setTyped('Content-Range', value); }
  /** Accept-Ranges (`bytes` or `none`). */
  get acceptRanges(): string | undefined { return this.headers.get('Accept-Ranges'); }
  set acceptRanges(value: string | null | undefined) { this.#setTyped('Accept-Ranges', value); }
  /** Retry-After as a Date (seconds are counted from now); set seconds or a Date. */
  get retryAfter(): Date | null { return parseRetryAfter(this.headers.get('Retry-After')); }
  set retryAfter(value: number | Date | null | undefined) { this.#setTyped('Retry-After', value == null ? value : formatRetryAfter(value)); }

  /** Content-Security-Policy as a directive map that writes back. */
  get contentSecurityPolicy(): ContentSecurityPolicy {
    return parseContentSecurityPolicy(this.headers.get('Content-Security-Policy'), this.#writeBack('Content-Security-Policy'));
  }
  set contentSecurityPolicy(value: ContentSecurityPolicy | string | null | undefined) { this.#setTyped('Content-Security-Policy', value); }
  /** Content-Security-Policy-Report-Only, like `contentSecurityPolicy`. */
  get contentSecurityPolicyReportOnly(): ContentSecurityPolicy {
    const name = 'Content-Security-Policy-Report-Only';
    return parseContentSecurityPolicy(this.headers.get(name), this.#writeBack(name));
  }
  set contentSecurityPolicyReportOnly(value: ContentSecurityPolicy | string | null | undefined) { this.#setTyped('Content-Security-Policy-Report-Only', value); }

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
  set contentDisposition(value: string | null | undefined) { this.#setTyped('Content-Disposition', value); }

  /** Last-Modified as a Date; set a Date or a millisecond timestamp. */
  get lastModified(): Date | null { return parseHttpDate(this.headers.get('Last-Modified')); }
  set lastModified(value: Date | number | null | undefined) { this.#setDate('Last-Modified', value); }
  /** Expires as a Date. */
  get expires(): Date | null { return parseHttpDate(this.headers.get('Expires')); }
  set expires(value: Date | number | null | undefined) { this.#setDate('Expires', value); }
  /** Date as a Date. */
  get date(): Date | null { return parseHttpDate(this.headers.get('Date')); }
  set date(value: Date | number | null | undefined) { this.#setDate('Date', value); }

  /**
   * Sets the ETag header from an unquoted tag.
   *
   * @example
   * ```ts
   * res.setEtag('v42');       // ETag: "v42"
   * res.setEtag('v42', true); // ETag: W/"v42"
   * ```
   */
  setEtag(tag: string, weak = false): void {
    this.headers.set('ETag', quoteEtag(tag, weak));
  }

  /** The ETag as `{ tag, weak }`, or undefined. */
  getEtag(): EntityTag | undefined {
    const value = this.headers.get('ETag');
    return value === undefined ? undefined : unquoteEtag(value);
  }

  /**
   * Sets the ETag to a hash of the body (SHA-1 via Web Crypto) unless one is set. A streamed body
   * is read into memory first, so prefer `setEtag` with a version or mtime for large files.
   *
   * @example
   * ```ts
   * await res.addEtag();
   * ```
   */
  async addEtag(overwrite = false, weak = false): Promise<void> {
    if (!overwrite && this.headers.has('ETag')) return;
    this.setEtag(await generateEtag(await this.bytes()), weak);
  }

  /**
   * Answers the request's conditional and Range headers in place (304, 412, 206, 416); see
   * `makeConditional` in `response/conditional.ts` for the exact order. Returns this response.
   *
   * @example
   * ```ts
   * res.setEtag('v1');
   * return res.makeConditional(req, { acceptRanges: true });
   * ```
   */
  makeConditional(request: ConditionalRequest | Environ, options?: ConditionalOptions): Promise<this> {
    return makeConditional(this, request, options);
  }

  // ---- end of typed HTTP headers -------------------------------------------------------------

  /**
   * Runs `fn` once when the server is done with the body: after the last chunk, on an error, or
   * when the client goes away. Use it to release files, locks or connections.
   *
   * @example
   * ```ts
   * const handle = await open(path);
   * res.callOnClose(() => handle.close());
   * ```
   */
  callOnClose(fn: () => void): void {
    (this.#onClose ??= []).push(fn);
  }

  /** The whole body as bytes (a streamed body is read once and kept). */
  async bytes(): Promise<Uint8Array> {
    if (this.#bytes === undefined) {
      const body = this.#body as Exclude<BodyInit, string | Uint8Array | ArrayBuffer | null | undefined>;
      this.#bytes = await collectBody(body);
      this.#body = this.#bytes;
    }
    return this.#bytes;
  }

  /** The whole body decoded as text with the response's charset. */
  async text(): Promise<string> {
    const bytes = await this.bytes();
    const charset = this.charset;
    return charset === 'utf-8' || charset === 'utf8' ? decoder.decode(bytes) : new TextDecoder(charset).decode(bytes);
  }

  /** The whole body parsed as JSON. */
  async json<T = unknown>(): Promise<T> {
    return JSON.parse(await this.text()) as T;
  }

  /**
   * Serves the response through the protocol: calls `startResponse` and returns the body. HEAD
   * requests and 1xx/204/304 statuses get no body (HEAD keeps Content-Length); a 304 drops the
   * representation headers. Close callbacks run once when the server finishes the body.
   */
  serve(environ: Environ, startResponse: StartResponse): Body {
    const code = this.#statusCode;
    let headers = this.headers.toList();
    if (isBodyless(code)) headers = dropBodyHeaders(headers, code);
    startResponse(this.#status, headers);
    const onClose = this.#onClose;
    if (isBodyless(code) || environ.REQUEST_METHOD === 'HEAD') {
      if (!onClose) return [];
      return closingBytes(undefined, () => this.#runOnClose());
    }
    const bytes = this.#bytes;
    if (bytes !== undefined) {
      if (!onClose) return bytes.byteLength ? [bytes] : [];
      return closingBytes(bytes, () => this.#runOnClose());
    }
    const source = this.#body as Exclude<BodyInit, string | Uint8Array | ArrayBuffer | null | undefined>;
    return closingBody(source, () => this.#runOnClose());
  }

  #runOnClose(): void {
    const callbacks = this.#onClose;
    if (!callbacks) return;
    this.#onClose = undefined;
    let failure: unknown;
    for (const fn of callbacks) {
      try {
        fn();
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure !== undefined) throw failure;
  }

  /** A short description for logs and the console. */
  override toString(): string {
    return `<${this.constructor.name} [${this.#status}]>`;
  }
}

function dropBodyHeaders(headers: Array<[string, string]>, code: number): Array<[string, string]> {
  const dropped = code === 304 ? NOT_MODIFIED_DROPPED : ['Content-Length', 'Transfer-Encoding'];
  const lower = new Set(dropped.map((name) => name.toLowerCase()));
  return headers.filter(([name]) => !lower.has(name.toLowerCase()));
}
