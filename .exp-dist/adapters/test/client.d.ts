/**
 * The test client: calls an App in process (no socket), as a browser-like server would, with a
 * cookie jar, redirects, lint checks and streaming reads.
 * @module
 */
import type { App } from '../../gateway.js';
import { type EnvironInit } from '../../request/create-environ.js';
import { ClientCookies } from './cookies.js';
import { TestResponse } from './test-response.js';
/** Options for `new Client(app, options)`. */
export interface ClientOptions {
    /** Keep a cookie jar across requests. Default `true`. */
    cookies?: boolean;
    /** Check every request and response against `docs/spec.md` with `lint`. Default `true`. */
    lint?: boolean;
    /** Rethrow errors the app throws instead of answering 500. Default `false`. */
    throwErrors?: boolean;
    /** Follow redirects unless a request says otherwise. Default `false`. */
    followRedirects?: boolean;
    /** Most redirects followed for one request. Default 10. */
    maxRedirects?: number;
    /** Scheme, host and port of relative URLs. Default `http://localhost`. */
    baseUrl?: string;
}
/** Options for one request: those of `createEnviron`, plus redirects and streaming. */
export interface ClientRequestInit extends EnvironInit {
    /** Follow redirects (301, 302, 303, 307, 308) on the same host. Default: the client's setting. */
    followRedirects?: boolean;
    /** `false` returns as soon as the headers are known and reads the body as the test pulls. Default `true`. */
    buffered?: boolean;
}
/**
 * Calls an App in process and returns `TestResponse`s. Requests go through `lint` by default, a
 * cookie jar keeps cookies by domain and path, and redirects are followed the way browsers do when
 * asked (`followRedirects`).
 *
 * @example
 * ```ts
 * import { Client } from 'tsgi/test';
 * const client = new Client(app);
 * const res = await client.post('/login', { form: { user: 'ada', password: 'pw' }, followRedirects: true });
 * res.statusCode;            // 200
 * res.history[0].statusCode; // 303
 * await res.text();
 * ```
 */
export declare class Client {
    #private;
    /** The app under test. */
    readonly app: App;
    /** The cookie jar, or `null` when the client was made with `cookies: false`. */
    readonly cookies: ClientCookies | null;
    constructor(app: App, options?: ClientOptions);
    /** A GET request. */
    get(url: string, init?: ClientRequestInit): Promise<TestResponse>;
    /** A POST request. */
    post(url: string, init?: ClientRequestInit): Promise<TestResponse>;
    /** A PUT request. */
    put(url: string, init?: ClientRequestInit): Promise<TestResponse>;
    /** A PATCH request. */
    patch(url: string, init?: ClientRequestInit): Promise<TestResponse>;
    /** A DELETE request. */
    delete(url: string, init?: ClientRequestInit): Promise<TestResponse>;
    /** A HEAD request: the app runs as for GET, the body is dropped, the headers kept. */
    head(url: string, init?: ClientRequestInit): Promise<TestResponse>;
    /** An OPTIONS request. */
    options(url: string, init?: ClientRequestInit): Promise<TestResponse>;
    /**
     * Sends one request (and, with `followRedirects`, the redirects after it).
     *
     * @example
     * ```ts
     * const res = await client.request('PROPFIND', '/dav/', { headers: { Depth: '1' } });
     * ```
     */
    request(method: string, url: string, init?: ClientRequestInit): Promise<TestResponse>;
}
//# sourceMappingURL=client.d.ts.map