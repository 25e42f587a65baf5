/**
 * The Request: a lazy, typed view over an environ. Constructing one stores the environ and
 * nothing else; each property parses on first read and caches.
 * @module
 */
import { type App, type Environ } from '../gateway.js';
import { MultiDict } from '../datastructures/multidict.js';
import type { Response } from '../response/response.js';
import { type EnvironInit } from './create-environ.js';
import { type NestedQueryLimits } from './query.js';
import { RequestHeaderAccessors } from './header-accessors.js';
import type { FileStorage, FileStorageFactory } from '../datastructures/file-storage.js';
import type { Part } from './multipart/parts.js';
import { type Handler, type HandlerResult, type RequestClass } from './application.js';
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
export declare class Request extends RequestHeaderAccessors {
    #private;
    /** Most body bytes read, whatever the reader (413 beyond). Default 16 MiB. */
    maxContentLength: number;
    /** Most bytes buffered by `text()`, `json()` and urlencoded `form()` (413 beyond). Default 1 MiB. */
    maxBufferSize: number;
    /** Most bytes in one multipart text field (413 beyond). Default 500,000. */
    maxFormMemorySize: number;
    /** Most fields and files in a form (413 beyond). Default 1000. */
    maxFormParts: number;
    /** Most characters in the query string (414 beyond). Default 16 KiB. */
    maxQueryLength: number;
    /** Limits for the nested `query` parser. */
    queryLimits: NestedQueryLimits;
    /** Host names accepted in `host` (`.example.com` matches subdomains); `null` accepts all. */
    trustedHosts: readonly string[] | null;
    /** Most files in a multipart form (413 beyond). Default 100. */
    maxFiles: number;
    /** Most bytes in one uploaded file (413 beyond). Default: only `maxContentLength` applies. */
    maxFileSize: number;
    /**
     * Where uploads go; `null` (the default) uses the server's (`environ['tsgi.file_storage']`, the
     * node adapter's spills to disk) or else memory. Set `diskStorage()` or your own per app.
     */
    fileStorage: FileStorageFactory | null;
    /**
     * Content-Encodings accepted on request bodies: `false` (the default) answers 415 to any encoded
     * body, `true` accepts every encoding a decoder is known for, a list accepts those named.
     */
    acceptContentEncodings: boolean | readonly string[];
    constructor(environ: Environ);
    /**
     * Builds a request from a URL and options, with no server (WebOb's name).
     *
     * @example
     * ```ts
     * const req = Request.blank('/search?q=tsgi', { method: 'POST', json: { page: 2 } });
     * await req.json(); // { page: 2 }
     * ```
     */
    static blank<R extends Request>(this: new (environ: Environ) => R, url: string, init?: EnvironInit): R;
    /**
     * Turns a handler `(req) => Response | App` into an App, building requests of the class it is
     * called on. Thrown `HTTPException`s become their responses, other errors a 500 (written to
     * `tsgi.errors`). Also a standard method decorator (`@Request.application`).
     *
     * @example
     * ```ts
     * export default Request.application((req) =>
     *   req.method === 'GET' ? new Response('hi') : new MethodNotAllowed(['GET']).getResponse());
     * ```
     */
    static application<R extends Request, This, M extends (this: This, req: R) => HandlerResult>(this: RequestClass<R>, method: M, context: ClassMethodDecoratorContext<This, M>): M;
    static application<R extends Request>(this: RequestClass<R>, handler: Handler<R>): App;
    /**
     * Runs an app on this request and returns its buffered response.
     *
     * @example
     * ```ts
     * const res = await Request.blank('/').getResponse(app);
     * res.statusCode; // 200
     * ```
     */
    getResponse(app: App): Promise<Response>;
    /** The method, upper-cased (`GET`). */
    get method(): string;
    /** The URL scheme (`http` or `https`), as the server or `proxyFix` set it. */
    get scheme(): string;
    /** True for `https` (and `wss`). */
    get isSecure(): boolean;
    /** Host and port without the scheme's default port; a 400 when malformed or not trusted. */
    get host(): string;
    /** The path inside the app, decoded, always starting with `/`. */
    get path(): string;
    /** Where the app is mounted (`SCRIPT_NAME`), decoded, without a trailing slash. */
    get rootPath(): string;
    /** The path and the query string: `/search?q=x` (the `?` is always there, as in Werkzeug). */
    get fullPath(): string;
    /** The raw query string, without `?`. */
    get queryString(): string;
    /** The host URL: `https://example.com/`. */
    get hostUrl(): string;
    /** The app's root URL: host URL plus the quoted `rootPath` and a slash. */
    get rootUrl(): string;
    /** The full URL without the query string, quoted as a URI. */
    get baseUrl(): string;
    /** The full URL with the query string, quoted as a URI. */
    get url(): string;
    /** The query arguments, flat: order, repeats and blank values kept. 414 past `maxQueryLength`. */
    get args(): MultiDict<string>;
    /** The query parsed into nested objects with `qs` (`a[b]=1`), under `queryLimits`. */
    get query(): Record<string, unknown>;
    /**
     * The body as a stream of chunks, capped at Content-Length and `maxContentLength`. Reading it
     * directly consumes the body: the other readers then fail, unless one of them ran first (then
     * the stream replays the kept bytes).
     */
    get stream(): AsyncIterable<Uint8Array>;
    /** The whole body as bytes (read once, kept for the other readers). */
    bytes(): Promise<Uint8Array>;
    /** The body decoded as text with the Content-Type charset (UTF-8 by default). */
    text(): Promise<string>;
    /** The body parsed as JSON: 415 when not sent as JSON, 400 when malformed or polluting. */
    json<T = unknown>(): Promise<T>;
    /** The form fields of an urlencoded or multipart body; empty for other bodies. */
    form(): Promise<MultiDict<string>>;
    /** The query arguments and the form fields together (args first). */
    values(): Promise<MultiDict<string>>;
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
    files(): Promise<MultiDict<FileStorage>>;
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
    parts(): AsyncGenerator<Part, void, undefined>;
    /** A short description for logs and the console. */
    toString(): string;
}
//# sourceMappingURL=request.d.ts.map