/**
 * The Request: a lazy, typed view over an environ. Constructing one stores the environ and
 * nothing else; each property parses on first read and caches.
 * @module
 */
import { BufferedInput, type App, type Environ } from '../gateway.js';
import { MultiDict } from '../datastructures/multidict.js';
import { UnsupportedMediaType } from '../errors.js';
import type { Response } from '../response/response.js';
import { responseFromApp } from '../response/from-app.js';
import { createEnviron, type EnvironInit } from './create-environ.js';
import { declaredLength, limitedInput, readBuffered, readLimited, tooLarge } from './read-body.js';
import { parseJsonBody } from './safe-json.js';
import { parseUrlencodedForm } from './form.js';
import { RequestUrlAccessors } from './url-accessors.js';
import { REQUEST_DEFAULTS } from './defaults.js';
import { decodeContentEncoding, type BodyDecoder } from './content-encoding.js';
import type { FileStorage, FileStorageFactory } from '../datastructures/file-storage.js';
import { readMultipart, requestParts } from './multipart/request-body.js';
import type { MultipartResult } from './multipart/parse.js';
import type { Part } from './multipart/part.js';
import { applicationOf, defineReceiverBound, type Application } from './decorate.js';
import { decodeUtf8 } from '../http/utf8.js';
import { after, settle, type Eventually } from './eventually.js';
import { urlFor, type UrlForOptions } from './url-for.js';
import { WebSocketResponse, type AcceptWebSocketOptions, type WebSocketHandler } from '../response/websocket/response.js';

function ignore(): void {
  // A rejection that a later reader will see; see `#bodyUnder`.
}

/**
 * An HTTP request over a tsgi environ. All properties are lazy; body readers are async, may be
 * mixed, and read the body once.
 *
 * Limits are fields with safe defaults (DESIGN section 5); override them in a subclass for a whole
 * app, or on one request before reading its body.
 *
 * @example
 * ```ts
 * const app = Request.application(async (req) => {
 *   const name = req.args.get('name') ?? 'World';
 *   return new Response(`Hello, ${name}!`);
 * });
 * ```
 */
export class Request extends RequestUrlAccessors {
  /** Most body bytes read, whatever the reader (413 beyond). Default 16 MiB. */
  declare maxContentLength: number;
  /** Most bytes buffered by `text()`, `json()` and urlencoded `form()` (413 beyond). Default 1 MiB. */
  declare maxBufferSize: number;
  /** Most bytes in one multipart text field (413 beyond). Default 500,000. */
  declare maxFormMemorySize: number;
  /** Most fields and files in a form (413 beyond). Default 1000. */
  declare maxFormParts: number;
  /** Most files in a multipart form (413 beyond). Default 100. */
  declare maxFiles: number;
  /** Most bytes in one uploaded file (413 beyond). Default: only `maxContentLength` applies. */
  declare maxFileSize: number;
  /**
   * Where uploads go; `null` (the default) uses the server's (`environ['tsgi.file_storage']`, the
   * node adapter's spills to disk) or else memory. Set `diskStorage()` or your own per app.
   */
  declare fileStorage: FileStorageFactory | null;
  /**
   * Content-Encodings accepted on request bodies: `false` (the default) answers 415 to any encoded
   * body, `true` accepts every encoding a decoder is known for, a list accepts those named.
   */
  declare acceptContentEncodings: boolean | readonly string[];
  /**
   * Answer an unexpected error of this request with the development error page (only when it
   * comes from this machine; see `Request.application`'s `debug` option). `false` by default; set
   * `override debug = true` in a subclass while developing, which works for the decorator too.
   */
  declare debug: boolean;

  // The whole body once read: the bytes when they were at hand at once (spec rule 4.8), else the
  // promise of them. Kept for every later reader.
  #body: Eventually<Uint8Array> | undefined;
  #streamTaken = false;
  #form: Promise<MultiDict<string>> | undefined;
  #json: Promise<unknown> | undefined;
  #multipart: Promise<MultipartResult> | undefined;

  constructor(environ: Environ) {
    super(environ);
  }

  /**
   * Builds a request from a URL and options, with no server (WebOb's name).
   *
   * @example
   * ```ts
   * const req = Request.blank('/search?q=tsgi', { method: 'POST', json: { page: 2 } });
   * await req.json(); // { page: 2 }
   * ```
   */
  static blank<R extends Request>(this: new (environ: Environ) => R, url: string, init?: EnvironInit): R {
    return new this(createEnviron(url, init));
  }

  /**
   * Turns a handler `(req) => Response | App` into an App, building requests of the class it is
   * read from (`MyRequest.application` builds `MyRequest`s). Thrown `HTTPException`s become their
   * responses, other errors a 500 (written to `tsgi.errors`). While developing, `{ debug: true }`
   * (or a subclass field `debug = true`) shows requests from this machine the development error
   * page instead: the error, its causes, the stack with source lines and the request.
   *
   * It is also a method decorator, standard (TC39) and legacy (`experimentalDecorators`), and it
   * does not need to be called with the class as `this` (esbuild, Bun and Deno call a decorator
   * without it): `const app = MyRequest.application; app(handler)` works too. A decorated method
   * is bound to its instance and still accepts a `Request`; `asApp` gives it the App type.
   *
   * @example
   * ```ts
   * export default Request.application((req) =>
   *   req.method === 'GET' ? new Response('hi') : new MethodNotAllowed(['GET']).getResponse());
   *
   * export const dev = Request.application(() => { throw new Error('kaput'); }, { debug: true });
   *
   * class Site {
   *   @Request.application
   *   handle(req: Request): Response {
   *     return new Response(`hi from ${req.path}`);
   *   }
   * }
   * export const site = asApp(new Site().handle);
   * ```
   */
  // A getter at run time (see the static block): reading it on a subclass gives that subclass's.
  declare static application: Application;

  static {
    defineReceiverBound(this, 'application', applicationOf);
  }

  /**
   * Runs an app on this request and returns its buffered response.
   *
   * @example
   * ```ts
   * const res = await Request.blank('/').getResponse(app);
   * res.statusCode; // 200
   * ```
   */
  getResponse(app: App): Promise<Response> {
    return responseFromApp(app, this.environ);
  }

  /**
   * The URL of an endpoint of the `Router` that called this handler (any router it is mounted in
   * included), under this request's `SCRIPT_NAME`: values fill the route's variables, the others
   * go to the query string. A `TypeError` outside a router, a `BuildError` for unknown values.
   *
   * @example
   * ```ts
   * req.urlFor('todo', { id: 3 }); // '/todos/3'
   * ```
   */
  urlFor(endpoint: string, values?: Record<string, unknown>, options?: UrlForOptions): string {
    return urlFor(this.environ, endpoint, values, options);
  }

  /**
   * Accepts this WebSocket handshake: returns a 101 response that, when served, selects the first
   * of `options.protocol` the client offered, refuses a cross-site `Origin` with 403, and runs
   * `handler` with the connection. Return it from the handler like any response (set cookies on
   * it if you like). Without a handshake it answers 400; on a server that cannot upgrade, 501.
   *
   * @example
   * ```ts
   * return req.acceptWebSocket({ protocol: 'chat' }, async (ws) => {
   *   for await (const message of ws) ws.send(message);
   * });
   * ```
   */
  acceptWebSocket(options: AcceptWebSocketOptions, handler: WebSocketHandler): WebSocketResponse {
    return new WebSocketResponse(options, handler);
  }

  // ---- body --------------------------------------------------------------------------------

  /**
   * The body as a stream of chunks, capped at Content-Length and `maxContentLength`. Reading it
   * directly consumes the body: the other readers then fail, unless one of them ran first (then
   * the stream replays the kept bytes).
   */
  get stream(): AsyncIterable<Uint8Array> {
    if (this.#body) {
      const body = this.#body;
      return (async function* replay() {
        yield await body;
      })();
    }
    this.#takeStream();
    return this.#input(this.maxContentLength);
  }

  /** The whole body as bytes (read once, kept for the other readers). */
  bytes(): Promise<Uint8Array> {
    return settle(() => this.#bodyUnder(this.maxContentLength));
  }

  /** The body decoded as text with the Content-Type charset (UTF-8 by default). */
  text(): Promise<string> {
    return settle(() => this.#text());
  }

  #text(): Eventually<string> {
    return after(this.#bodyUnder(Math.min(this.maxBufferSize, this.maxContentLength)), (bytes) => {
      const charset = this.mimetypeParams.charset?.toLowerCase();
      if (charset === undefined || charset === 'utf-8' || charset === 'utf8') return decodeUtf8(bytes);
      let decoder: TextDecoder;
      try {
        decoder = new TextDecoder(charset);
      } catch {
        throw new UnsupportedMediaType(`The charset ${JSON.stringify(charset)} is not supported.`);
      }
      return decoder.decode(bytes);
    });
  }

  /** The body parsed as JSON: 415 when not sent as JSON, 400 when malformed or polluting. */
  json<T = unknown>(): Promise<T> {
    this.#json ??= settle(() => {
      if (!this.isJson) {
        throw new UnsupportedMediaType(`Expected a JSON body (application/json), got ${JSON.stringify(this.mimetype || 'none')}.`);
      }
      return after(this.#text(), parseJsonBody);
    });
    return this.#json as Promise<T>;
  }

  /** The form fields of an urlencoded or multipart body; empty for other bodies. */
  form(): Promise<MultiDict<string>> {
    this.#form ??= settle(() => this.#loadForm());
    return this.#form;
  }

  /** The query arguments and the form fields together (args first). */
  async values(): Promise<MultiDict<string>> {
    const values = this.args.copy();
    if (this.method !== 'GET' && this.method !== 'HEAD') for (const [key, value] of await this.form()) values.append(key, value);
    return values;
  }

  #loadForm(): Eventually<MultiDict<string>> {
    const mimetype = this.mimetype;
    if (mimetype === 'application/x-www-form-urlencoded') {
      return after(this.#text(), (text) => parseUrlencodedForm(text, this.maxFormParts));
    }
    if (mimetype === 'multipart/form-data') return this.#loadMultipart().then((result) => result.form);
    return new MultiDict<string>();
  }

  // ---- multipart ---------------------------------------------------------------------------

  /**
   * The uploaded files of a multipart body (empty for other bodies). Small files are in memory,
   * large ones in temporary files where the storage allows, removed when the response is closed.
   *
   * @example
   * ```ts
   * const avatar = (await req.files()).get('avatar');
   * if (avatar) await avatar.save(`/srv/avatars/${secureFilename(avatar.filename) || 'upload'}`);
   * ```
   */
  async files(): Promise<MultiDict<FileStorage>> {
    if (this.mimetype !== 'multipart/form-data') return new MultiDict<FileStorage>();
    return (await this.#loadMultipart()).files;
  }

  /**
   * The parts of a multipart body, one at a time, each read as a stream: for uploads sent straight
   * to another store. Use it instead of `form()`/`files()` (the body is read once). 415 for other bodies.
   *
   * @example
   * ```ts
   * for await (const part of req.parts()) {
   *   if (part.isFile) await bucket.put(part.filename!, part.stream);
   * }
   * ```
   */
  parts(): AsyncGenerator<Part, void, undefined> {
    return requestParts(this);
  }

  #loadMultipart(): Promise<MultipartResult> {
    return (this.#multipart ??= readMultipart(this));
  }

  /**
   * The whole body, refused past `limit`: the bytes now when they are at hand (a `BufferedInput`),
   * else a promise. Read once; a failed read fails every later reader the same way.
   */
  #bodyUnder(limit: number): Eventually<Uint8Array> {
    let body = this.#body;
    if (body === undefined) {
      try {
        body = this.#readBody(limit);
      } catch (error) {
        body = Promise.reject(error as Error);
        // Rejected for whoever reads next; this reader gets the same rejection just below.
        body.catch(ignore);
      }
      this.#body = body;
    }
    return after(body, (bytes) => {
      // An earlier reader (`bytes()`) may have read under a larger limit.
      if (bytes.byteLength > limit) throw tooLarge(limit);
      return bytes;
    });
  }

  /** Reads the whole body: at once from a `BufferedInput`, else from the stream. */
  #readBody(limit: number): Eventually<Uint8Array> {
    this.#takeStream();
    const environ = this.environ;
    // Plain bodies (nearly all) are read without the stream wrappers in between.
    if (environ.HTTP_CONTENT_ENCODING === undefined) {
      const input = environ['tsgi.input'];
      const declared = declaredLength(environ.CONTENT_LENGTH);
      if (input instanceof BufferedInput) return readBuffered(input, declared, limit);
      return readLimited(input, declared, limit);
    }
    return readLimited(this.#input(limit), undefined, limit);
  }

  #takeStream(): void {
    // Reading the body twice is the app's mistake, not the client's: a TypeError (a 500), not a 400.
    if (this.#streamTaken) {
      throw new TypeError(
        'The request body was already taken as a stream (by req.stream, req.parts(), or form()/files() of a ' +
          'multipart body), which reads it only once: read it one way, or call bytes() first (it keeps the body for later readers).',
      );
    }
    this.#streamTaken = true;
  }

  /**
   * The body as read under the limits: capped at Content-Length and `limit`, then decoded when it
   * has a Content-Encoding (415 unless `acceptContentEncodings` allows it; the limit then counts
   * decoded bytes too, so a small compressed bomb stops at the limit).
   */
  #input(limit: number): AsyncIterable<Uint8Array> {
    const environ = this.environ;
    const raw = limitedInput(environ['tsgi.input'], declaredLength(environ.CONTENT_LENGTH), limit);
    const coding = environ.HTTP_CONTENT_ENCODING;
    if (coding === undefined) return raw;
    return decodeContentEncoding(raw, coding, {
      accept: this.acceptContentEncodings,
      maxDecodedLength: limit,
      decoders: environ['tsgi.body_decoders'] as Record<string, BodyDecoder> | undefined,
    });
  }

  /** A short description for logs and the console. */
  override toString(): string {
    let url: string;
    try {
      url = this.url;
    } catch {
      url = this.path;
    }
    return `<${this.constructor.name} ${url} [${this.method}]>`;
  }
}

Object.assign(Request.prototype, REQUEST_DEFAULTS);
