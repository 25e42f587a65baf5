/**
 * The Response: status, headers and body, and itself an App that serves them.
 * @module
 */
import { TextBody, type Body, type Environ, type StartResponse } from '../gateway.js';
import { appendTrusted, Headers } from '../datastructures/headers.js';
import { parseStatusLine, STATUS_PHRASES, statusLine } from '../http/status.js';
import { contentTypeFor, parseContentType } from '../http/content-type.js';
import { serializeDeleteCookie, serializeSetCookie, type CookieOptions } from '../http/cookies.js';
import { knownBody, type BodyInit } from './body.js';
import { eventStreamParts, type EventStreamInit } from './event-stream/response.js';
import type { EventStreamSource } from './event-stream/options.js';
import { makeConditional, type ConditionalOptions, type ConditionalRequest } from './conditional.js';
import { ResponseHeaderAccessors } from './header-accessors.js';
import { checkedContentType, NO_INIT, type ResponseInit } from './init.js';
import { bufferBody, decodeBody } from './read.js';
import { serveResponse } from './serve.js';
import { buildHeaders, DEFAULT_CONTENT_TYPE, ResponseState } from './state.js';
import { generateEtag, quoteEtag, unquoteEtag, type EntityTag } from '../http/etag.js';

export type { BodyInit } from './body.js';
export { DEFAULT_CONTENT_TYPE } from './state.js';
export type { ResponseInit } from './init.js';

const JSON_TYPE = 'application/json';

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
export class Response extends ResponseHeaderAccessors {
  // Everything the response holds lives in one plain object: the response itself is a function
  // (see `CallableApp`), and V8 keeps a function's own properties out of line, growing that store
  // field by field. One field pointing to an object with in-object slots is one allocation.
  #r: ResponseState;

  constructor(body?: BodyInit, init: ResponseInit = NO_INIT) {
    super();
    const known = knownBody(body);
    const state = (this.#r = new ResponseState(body, known));
    if (init.status !== undefined) this.status = init.status;
    const contentType =
      init.contentType !== undefined
        ? checkedContentType(init.contentType, true)
        : init.mimetype !== undefined
          ? checkedContentType(init.mimetype, false)
          : undefined;
    const given = init.headers;
    if (given == null) {
      if (contentType !== undefined) state.plainType = contentType;
      return;
    }
    const headers = (state.headers = given instanceof Headers ? given : new Headers(given));
    if (contentType !== undefined) headers.set('Content-Type', contentType);
    else if (!headers.has('Content-Type')) appendTrusted(headers, 'Content-Type', DEFAULT_CONTENT_TYPE);
    if (known !== undefined && !headers.has('Content-Length')) {
      appendTrusted(headers, 'Content-Length', String(known.byteLength));
    }
  }

  /** The headers; changes show up when the response is served. */
  get headers(): Headers {
    return this.#r.headers ?? buildHeaders(this.#r);
  }

  set headers(headers: Headers) {
    this.#r.headers = headers;
  }

  /**
   * A JSON response: `value` serialized with `JSON.stringify`, `Content-Type: application/json`.
   *
   * @example
   * ```ts
   * return Response.json({ ok: true }, { status: 201 });
   * ```
   */
  static json(value: unknown, init?: ResponseInit): Response {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError('value is not JSON-serializable');
    if (init === undefined) {
      // The common case, without looking the type up: a plain response with a known body.
      const res = new this(text);
      const state = res.#r;
      if (state.headers === undefined) state.plainType = JSON_TYPE;
      else res.headers.set('Content-Type', JSON_TYPE);
      return res;
    }
    return new this(text, init.mimetype === undefined ? { ...init, mimetype: 'application/json' } : init);
  }

  /**
   * A server-sent events response (`text/event-stream`). `source` is a function given the
   * `EventStream` (send events from it now or later; `stream.close()` ends it, and `stream.signal`
   * aborts when the client leaves), or an iterable of events (ended with it, and stopped while
   * waiting when the client leaves). Adds `Cache-Control: no-cache` and `X-Accel-Buffering: no`,
   * sends a heartbeat comment every 15 s, and holds at most `queueSize` events for a slow client;
   * see `EventStreamInit` and docs/guide.md, "Server-sent events".
   *
   * @example
   * ```ts
   * const feed = Request.application((req) =>
   *   Response.eventStream((stream) => {
   *     const off = bus.subscribe((news) => void stream.send({ event: 'news', id: news.id, data: news.text }));
   *     stream.onClose(off);
   *   }),
   * );
   * ```
   */
  static eventStream(source: EventStreamSource, init?: EventStreamInit): Response {
    const [body, responseInit] = eventStreamParts(source, init);
    return new this(body, responseInit);
  }

  /** The status line, such as `'404 Not Found'`; settable from a line or a code. */
  get status(): string {
    return this.#r.status;
  }

  set status(value: number | string) {
    if (typeof value === 'number') {
      this.#r.status = statusLine(value);
      this.#r.statusCode = value;
      return;
    }
    const state = this.#r;
    const code = parseStatusLine(value.trim());
    if (/[\r\n\0]/.test(value)) throw new TypeError(`invalid status line: ${JSON.stringify(value)}`);
    state.statusCode = code;
    state.status = value.trim().length > 3 ? value.trim() : `${code} ${STATUS_PHRASES[code] ?? 'Unknown'}`;
  }

  /** The status code, kept in step with `status`. */
  get statusCode(): number {
    return this.#r.statusCode;
  }

  set statusCode(code: number) {
    this.status = code;
  }

  /** True for 200-299, as in the Fetch API. */
  get ok(): boolean {
    const code = this.#r.statusCode;
    return code >= 200 && code < 300;
  }

  /** The body as given (string, bytes, iterable, stream...). Setting it updates Content-Length. */
  get body(): BodyInit {
    return this.#r.body;
  }

  set body(body: BodyInit) {
    const headers = this.headers;
    this.#r.body = body;
    const known = (this.#r.known = knownBody(body));
    if (known !== undefined) headers.set('Content-Length', String(known.byteLength));
    else headers.delete('Content-Length');
  }

  /** True when the body is a stream or iterator that can be read only once. */
  get isStreamed(): boolean {
    return this.#r.known === undefined;
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
   * invalid ones); the value is percent-encoded. `Path` defaults to `/`, so the cookie reaches the
   * whole site whatever URL set it.
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
   * Adds a `Set-Cookie` header that deletes the cookie; give the `path` (default `/`, as for
   * `setCookie`) and `domain` it was set with.
   *
   * @example
   * ```ts
   * res.deleteCookie('session');
   * ```
   */
  deleteCookie(name: string, options?: Omit<CookieOptions, 'maxAge' | 'expires'>): void {
    this.headers.append('Set-Cookie', serializeDeleteCookie(name, options));
  }

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
    (this.#r.onClose ??= []).push(fn);
  }

  /** The whole body as bytes (a streamed body is read once and kept). */
  async bytes(): Promise<Uint8Array> {
    const known = this.#r.known ?? (await bufferBody(this.#r));
    return known instanceof TextBody ? known.bytes : known;
  }

  /** The whole body decoded as text with the response's charset. */
  async text(): Promise<string> {
    return decodeBody(await this.bytes(), this.charset);
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
  override serve(environ: Environ, startResponse: StartResponse): Body {
    return serveResponse(this.#r, environ, startResponse);
  }

  /** A short description for logs and the console. */
  override toString(): string {
    return `<${this.constructor.name} [${this.#r.status}]>`;
  }
}
