/** The `tsgi.errors` stream: where an app or server writes diagnostics. */
export interface ErrorStream {
    write(message: string): void;
}
/**
 * The request as a plain record of CGI-style keys, one per request.
 *
 * @example
 * ```ts
 * const app: App = (environ, startResponse) => {
 *   startResponse('200 OK', [['Content-Type', 'text/plain']]);
 *   return [new TextEncoder().encode(`you asked for ${environ.PATH_INFO}`)];
 * };
 * ```
 */
export interface Environ {
    REQUEST_METHOD: string;
    SCRIPT_NAME: string;
    PATH_INFO: string;
    QUERY_STRING: string;
    SERVER_NAME: string;
    SERVER_PORT: string;
    SERVER_PROTOCOL: string;
    CONTENT_TYPE?: string;
    CONTENT_LENGTH?: string;
    REMOTE_ADDR?: string;
    REMOTE_PORT?: string;
    REQUEST_URI?: string;
    [header: `HTTP_${string}`]: string | undefined;
    'tsgi.version': readonly [1, 0];
    'tsgi.url_scheme': string;
    'tsgi.input': AsyncIterable<Uint8Array>;
    'tsgi.errors': ErrorStream;
    'tsgi.multithread'?: boolean;
    'tsgi.multiprocess'?: boolean;
    'tsgi.run_once'?: boolean;
    [key: string]: unknown;
}
/** A header list as sent: ordered `[name, value]` pairs, repeats allowed. */
export type HeaderList = Array<[string, string]>;
/**
 * Begins the response. Called once before the first body chunk; may be called again only with
 * `error` set, and only while no chunk has been sent (to replace the headers with an error page).
 *
 * @example
 * ```ts
 * startResponse('404 Not Found', [['Content-Type', 'text/plain; charset=utf-8']]);
 * ```
 */
export type StartResponse = (status: string, headers: HeaderList, error?: unknown) => void;
/**
 * A response body: chunks of bytes, pulled one at a time by the server.
 *
 * @example
 * ```ts
 * const body: Body = [new TextEncoder().encode('hello')];
 * ```
 */
export type Body = Iterable<Uint8Array> | AsyncIterable<Uint8Array>;
/**
 * A body that is one piece of text, sent as UTF-8 (spec rule 7.9). Iterating it yields the encoded
 * bytes as one chunk, so every server and middleware can treat it as any other body; a server
 * that can write text itself (node:http can, straight into the socket with the headers) sends
 * `text` and skips the copy. `Response` serves its string bodies this way.
 *
 * @example
 * ```ts
 * const hello: App = (_environ, startResponse) => {
 *   startResponse('200 OK', [['Content-Type', 'text/plain; charset=utf-8']]);
 *   return new TextBody('Hello, World!');
 * };
 * ```
 */
export declare class TextBody implements Iterable<Uint8Array> {
    #private;
    /** The text; lone surrogates are sent as U+FFFD, as `TextEncoder` does. */
    readonly text: string;
    /** `byteLength` may be passed when the caller already knows it (`utf8Length(text)`). */
    constructor(text: string, byteLength?: number);
    /** The length of the UTF-8 encoding, in bytes. */
    get byteLength(): number;
    /** The UTF-8 bytes, encoded on first use. */
    get bytes(): Uint8Array;
    [Symbol.iterator](): Iterator<Uint8Array>;
}
/**
 * An application: takes the environ and `startResponse`, returns the body.
 *
 * @example
 * ```ts
 * const hello: App = (_environ, startResponse) => {
 *   startResponse('200 OK', [['Content-Type', 'text/plain; charset=utf-8']]);
 *   return [new TextEncoder().encode('Hello, World!')];
 * };
 * ```
 */
export type App = (environ: Environ, startResponse: StartResponse) => Body | Promise<Body>;
/**
 * The protocol version this library implements, as stored in `environ['tsgi.version']`.
 *
 * @example
 * ```ts
 * environ['tsgi.version'] = TSGI_VERSION; // [1, 0]
 * ```
 */
export declare const TSGI_VERSION: readonly [1, 0];
/**
 * A request body that is already in memory (spec rule 4.8): the server had all of it before it
 * called the app, or a test built it. It iterates like any input; readers that want the whole
 * body (`Request.form()`, `json()`, `text()`) take `chunks` directly and skip the iteration.
 *
 * @example
 * ```ts
 * const environ = createEnviron('/submit', { method: 'POST' });
 * environ['tsgi.input'] = new BufferedInput([new TextEncoder().encode('a=1')]);
 * ```
 */
export declare class BufferedInput implements AsyncIterable<Uint8Array> {
    /** The body, in order; empty chunks are allowed (rule 4.2). */
    readonly chunks: readonly Uint8Array[];
    constructor(chunks: readonly Uint8Array[]);
    [Symbol.asyncIterator](): AsyncGenerator<Uint8Array, void, undefined>;
}
/**
 * An empty `tsgi.input`, for requests that carry no body.
 *
 * @example
 * ```ts
 * environ['tsgi.input'] = emptyInput();
 * ```
 */
export declare function emptyInput(): AsyncIterable<Uint8Array>;
/**
 * The environ key that holds a request header: `Content-Type` gives `CONTENT_TYPE`,
 * `Accept-Language` gives `HTTP_ACCEPT_LANGUAGE`.
 *
 * @example
 * ```ts
 * headerKey('User-Agent'); // 'HTTP_USER_AGENT'
 * ```
 */
export declare function headerKey(name: string): string;
/**
 * The header name for an environ key, or `undefined` when the key holds no header:
 * `HTTP_ACCEPT_LANGUAGE` gives `Accept-Language`.
 *
 * @example
 * ```ts
 * headerName('HTTP_X_REQUEST_ID'); // 'X-Request-Id'
 * ```
 */
export declare function headerName(key: string): string | undefined;
/**
 * A stream that writes to the console's error output, the default `tsgi.errors`.
 *
 * @example
 * ```ts
 * consoleErrors.write('something went wrong\n');
 * ```
 */
export declare const consoleErrors: ErrorStream;
//# sourceMappingURL=gateway.d.ts.map