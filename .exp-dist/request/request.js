/**
 * The Request: a lazy, typed view over an environ. Constructing one stores the environ and
 * nothing else; each property parses on first read and caches.
 * @module
 */
import { BufferedInput } from '../gateway.js';
import { MultiDict } from '../datastructures/multidict.js';
import { BadRequest, UnsupportedMediaType } from '../errors.js';
import { quotePath, iriToUri } from '../http/url.js';
import { responseFromApp } from '../response/from-app.js';
import { createEnviron } from './create-environ.js';
import { isTrustedHost, requestHost } from './host.js';
import { checkQueryLength, parseFlatQuery, parseNestedQuery } from './query.js';
import { declaredLength, limitedInput, readBuffered, readLimited, tooLarge } from './read-body.js';
import { parseJsonBody } from './safe-json.js';
import { parseUrlencodedForm } from './form.js';
import { RequestHeaderAccessors } from './header-accessors.js';
import { REQUEST_DEFAULTS } from './defaults.js';
import { decodeContentEncoding } from './content-encoding.js';
import { readMultipart, requestParts } from './multipart/request-body.js';
import { decorateHandler, wrapHandler } from './application.js';
import { decodeUtf8 } from '../http/utf8.js';
import { after, settle } from './eventually.js';
function ignore() {
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
export class Request extends RequestHeaderAccessors {
    #method;
    #host;
    #args;
    #query;
    // The whole body once read: the bytes when they were at hand at once (spec rule 4.8), else the
    // promise of them. Kept for every later reader.
    #body;
    #streamTaken = false;
    #form;
    #json;
    #multipart;
    constructor(environ) {
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
    static blank(url, init) {
        return new this(createEnviron(url, init));
    }
    static application(handler, context) {
        if (context === undefined)
            return wrapHandler(this, handler);
        return decorateHandler(this, handler, context);
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
    getResponse(app) {
        return responseFromApp(app, this.environ);
    }
    // ---- request line and URL -------------------------------------------------------------
    /** The method, upper-cased (`GET`). */
    get method() {
        return (this.#method ??= upperCaseMethod(this.environ.REQUEST_METHOD));
    }
    /** The URL scheme (`http` or `https`), as the server or `proxyFix` set it. */
    get scheme() {
        return this.environ['tsgi.url_scheme'];
    }
    /** True for `https` (and `wss`). */
    get isSecure() {
        const scheme = this.scheme;
        return scheme === 'https' || scheme === 'wss';
    }
    /** Host and port without the scheme's default port; a 400 when malformed or not trusted. */
    get host() {
        if (this.#host === undefined) {
            const host = requestHost(this.environ);
            if (this.trustedHosts && !isTrustedHost(host, this.trustedHosts)) {
                throw new BadRequest(`Host ${JSON.stringify(host)} is not trusted.`);
            }
            this.#host = host;
        }
        return this.#host;
    }
    /** The path inside the app, decoded, always starting with `/`. */
    get path() {
        const info = this.environ.PATH_INFO;
        return info.charCodeAt(0) === 47 && info.charCodeAt(1) !== 47 ? info : `/${info.replace(/^\/+/, '')}`;
    }
    /** Where the app is mounted (`SCRIPT_NAME`), decoded, without a trailing slash. */
    get rootPath() {
        return this.environ.SCRIPT_NAME.replace(/\/+$/, '');
    }
    /** The path and the query string: `/search?q=x` (the `?` is always there, as in Werkzeug). */
    get fullPath() {
        return `${this.path}?${this.queryString}`;
    }
    /** The raw query string, without `?`. */
    get queryString() {
        return this.environ.QUERY_STRING ?? '';
    }
    /** The host URL: `https://example.com/`. */
    get hostUrl() {
        return `${this.scheme}://${this.host}/`;
    }
    /** The app's root URL: host URL plus the quoted `rootPath` and a slash. */
    get rootUrl() {
        return `${this.scheme}://${this.host}${quotePath(this.rootPath)}/`;
    }
    /** The full URL without the query string, quoted as a URI. */
    get baseUrl() {
        return `${this.scheme}://${this.host}${quotePath(this.rootPath + this.path)}`;
    }
    /** The full URL with the query string, quoted as a URI. */
    get url() {
        const query = this.queryString;
        return query ? `${this.baseUrl}?${iriToUri(query)}` : this.baseUrl;
    }
    /** The query arguments, flat: order, repeats and blank values kept. 414 past `maxQueryLength`. */
    get args() {
        if (this.#args === undefined) {
            const query = this.queryString;
            checkQueryLength(query, this.maxQueryLength);
            this.#args = parseFlatQuery(query);
        }
        return this.#args;
    }
    /** The query parsed into nested objects with `qs` (`a[b]=1`), under `queryLimits`. */
    get query() {
        if (this.#query === undefined) {
            const query = this.queryString;
            checkQueryLength(query, this.maxQueryLength);
            this.#query = parseNestedQuery(query, this.queryLimits);
        }
        return this.#query;
    }
    // ---- body --------------------------------------------------------------------------------
    /**
     * The body as a stream of chunks, capped at Content-Length and `maxContentLength`. Reading it
     * directly consumes the body: the other readers then fail, unless one of them ran first (then
     * the stream replays the kept bytes).
     */
    get stream() {
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
    bytes() {
        return settle(() => this.#bodyUnder(this.maxContentLength));
    }
    /** The body decoded as text with the Content-Type charset (UTF-8 by default). */
    text() {
        return settle(() => this.#text());
    }
    #text() {
        return after(this.#bodyUnder(Math.min(this.maxBufferSize, this.maxContentLength)), (bytes) => {
            const charset = this.mimetypeParams.charset?.toLowerCase();
            if (charset === undefined || charset === 'utf-8' || charset === 'utf8')
                return decodeUtf8(bytes);
            let decoder;
            try {
                decoder = new TextDecoder(charset);
            }
            catch {
                throw new UnsupportedMediaType(`The charset ${JSON.stringify(charset)} is not supported.`);
            }
            return decoder.decode(bytes);
        });
    }
    /** The body parsed as JSON: 415 when not sent as JSON, 400 when malformed or polluting. */
    json() {
        this.#json ??= settle(() => {
            if (!this.isJson) {
                throw new UnsupportedMediaType(`Expected a JSON body (application/json), got ${JSON.stringify(this.mimetype || 'none')}.`);
            }
            return after(this.#text(), parseJsonBody);
        });
        return this.#json;
    }
    /** The form fields of an urlencoded or multipart body; empty for other bodies. */
    form() {
        this.#form ??= settle(() => this.#loadForm());
        return this.#form;
    }
    /** The query arguments and the form fields together (args first). */
    async values() {
        const values = this.args.copy();
        if (this.method !== 'GET' && this.method !== 'HEAD')
            for (const [key, value] of await this.form())
                values.append(key, value);
        return values;
    }
    #loadForm() {
        const mimetype = this.mimetype;
        if (mimetype === 'application/x-www-form-urlencoded') {
            return after(this.#text(), (text) => parseUrlencodedForm(text, this.maxFormParts));
        }
        if (mimetype === 'multipart/form-data')
            return this.#loadMultipart().then((result) => result.form);
        return new MultiDict();
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
    async files() {
        if (this.mimetype !== 'multipart/form-data')
            return new MultiDict();
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
    parts() {
        return requestParts(this);
    }
    #loadMultipart() {
        return (this.#multipart ??= readMultipart(this));
    }
    /**
     * The whole body, refused past `limit`: the bytes now when they are at hand (a `BufferedInput`),
     * else a promise. Read once; a failed read fails every later reader the same way.
     */
    #bodyUnder(limit) {
        let body = this.#body;
        if (body === undefined) {
            try {
                body = this.#readBody(limit);
            }
            catch (error) {
                body = Promise.reject(error);
                // Rejected for whoever reads next; this reader gets the same rejection just below.
                body.catch(ignore);
            }
            this.#body = body;
        }
        return after(body, (bytes) => {
            // An earlier reader (`bytes()`) may have read under a larger limit.
            if (bytes.byteLength > limit)
                throw tooLarge(limit);
            return bytes;
        });
    }
    /** Reads the whole body: at once from a `BufferedInput`, else from the stream. */
    #readBody(limit) {
        this.#takeStream();
        const environ = this.environ;
        // Plain bodies (nearly all) are read without the stream wrappers in between.
        if (environ.HTTP_CONTENT_ENCODING === undefined) {
            const input = environ['tsgi.input'];
            const declared = declaredLength(environ.CONTENT_LENGTH);
            if (input instanceof BufferedInput)
                return readBuffered(input, declared, limit);
            return readLimited(input, declared, limit);
        }
        return readLimited(this.#input(limit), undefined, limit);
    }
    #takeStream() {
        if (this.#streamTaken)
            throw new BadRequest('The request body was already read as a stream.');
        this.#streamTaken = true;
    }
    /**
     * The body as read under the limits: capped at Content-Length and `limit`, then decoded when it
     * has a Content-Encoding (415 unless `acceptContentEncodings` allows it; the limit then counts
     * decoded bytes too, so a small compressed bomb stops at the limit).
     */
    #input(limit) {
        const environ = this.environ;
        const raw = limitedInput(environ['tsgi.input'], declaredLength(environ.CONTENT_LENGTH), limit);
        const coding = environ.HTTP_CONTENT_ENCODING;
        if (coding === undefined)
            return raw;
        return decodeContentEncoding(raw, coding, {
            accept: this.acceptContentEncodings,
            maxDecodedLength: limit,
            decoders: environ['tsgi.body_decoders'],
        });
    }
    /** A short description for logs and the console. */
    toString() {
        let url;
        try {
            url = this.url;
        }
        catch {
            url = this.path;
        }
        return `<${this.constructor.name} ${url} [${this.method}]>`;
    }
}
Object.assign(Request.prototype, REQUEST_DEFAULTS);
/**
 * The method upper-cased. Servers hand over methods already upper-case (Node's parser accepts
 * nothing else), so this only checks; `toUpperCase` goes through ICU and costs more than the check.
 */
function upperCaseMethod(method) {
    for (let i = 0; i < method.length; i++) {
        const code = method.charCodeAt(i);
        if (code >= 97 && code <= 122)
            return method.toUpperCase();
    }
    return method;
}
//# sourceMappingURL=request.js.map