/**
 * Runs an App in memory, acting as its server (`docs/spec.md` sections 6 to 9), and turns what it
 * produced into a `Response`. Used by `req.getResponse(app)` and the test client.
 * @module
 */
import type { App, Environ, HeaderList } from '../gateway.js';
import { Response } from './response.js';
/** Options for {@link AppRun.start}. */
export interface AppRunOptions {
    /** Pull and discard the body instead of keeping it (what a server does for HEAD). Default: HEAD. */
    dropBody?: boolean;
}
/**
 * One call of an App, driven like a server drives it: `startResponse` captured (a second call only
 * with an error and only before headers are "sent"), chunks pulled one at a time, the body
 * iterator's `return()` called exactly once. `start` resolves when the headers would be sent: at
 * the first non-empty chunk or at the end of the body.
 *
 * @example
 * ```ts
 * const run = await AppRun.start(app, createEnviron('/events'));
 * run.status;             // '200 OK'
 * const first = await run.next();
 * await run.close();
 * ```
 */
export declare class AppRun {
    #private;
    /** The status line the app set. */
    status: string;
    /** The header list the app set. */
    headers: HeaderList;
    /** True once the first non-empty chunk was produced (the headers are then final). */
    headersSent: boolean;
    /** True once the body iterator has been closed. */
    closed: boolean;
    private constructor();
    /** Runs the app until its headers are final. Errors before that are thrown (after closing). */
    static start(app: App, environ: Environ, options?: AppRunOptions): Promise<AppRun>;
    /**
     * The next non-empty chunk, or `undefined` at the end (the iterator is then closed). An error
     * from the body closes the iterator and is thrown.
     */
    next(): Promise<Uint8Array | undefined>;
    /** Every remaining chunk, in order; the iterator is closed at the end or on an error. */
    rest(): Promise<Uint8Array[]>;
    /** Closes the body iterator (its `return()`, exactly once). Safe to call again. */
    close(): Promise<void>;
}
/**
 * Builds a response of class `cls` holding exactly the status and header list an app sent.
 *
 * @example
 * ```ts
 * const res = buildResponse(Response, '201 Created', [['Location', '/x']], new Uint8Array(0));
 * ```
 */
export declare function buildResponse<R extends Response>(cls: new (body: Uint8Array | AsyncIterable<Uint8Array>, init: {
    status: string;
}) => R, status: string, headers: HeaderList, body: Uint8Array | AsyncIterable<Uint8Array>): R;
/**
 * Runs an app on an environ and returns its buffered `Response`: the status and headers it set, its
 * whole body (none for HEAD), with the body iterator closed exactly once. Errors the app throws
 * are rethrown.
 *
 * @example
 * ```ts
 * const res = await responseFromApp(app, createEnviron('/hello'));
 * res.statusCode;    // 200
 * await res.text();  // 'Hello'
 * ```
 */
export declare function responseFromApp(app: App, environ: Environ): Promise<Response>;
//# sourceMappingURL=from-app.d.ts.map