/**
 * `TestResponse`: what the test client returns, a `Response` with the request, the redirect
 * history, the app's error output, and chunk-by-chunk reading for streamed responses.
 * @module
 */
import type { Environ } from '../../gateway.js';
import { Request } from '../../request/request.js';
import { Response } from '../../response/response.js';
import type { AppRun } from '../../response/from-app.js';
/** Where a streamed response pulls its chunks from; throws protocol errors found on the way. */
export interface ChunkSource {
    run: AppRun;
    /** Called after each pull; throws the first `LintError` found, if any. */
    check(): void;
}
/**
 * A response returned by the test client. Buffered by default; with `{ buffered: false }` the body
 * is read from the app as the test pulls it, so endless streams (server-sent events) are testable.
 *
 * @example
 * ```ts
 * const res = await client.get('/events', { buffered: false });
 * for await (const chunk of res.chunks()) {
 *   if (new TextDecoder().decode(chunk).includes('ready')) break; // closes the app's body
 * }
 * ```
 */
export declare class TestResponse extends Response {
    #private;
    /** The environ that was sent to the app (for the last hop of a redirect chain). */
    environ: Environ;
    /** The responses of the redirects followed to reach this one, oldest first. */
    history: TestResponse[];
    /** The error the app threw, when the client answered for it (500, or an aborted stream). */
    error: unknown;
    /** True when the app failed after its headers were sent: the body is incomplete. */
    aborted: boolean;
    /** Everything written to `tsgi.errors` during the request (so far, for a streamed one). */
    get errors(): string;
    /** The tsgi `Request` that was sent (built on first read). */
    get request(): Request;
    set request(request: Request);
    /** The URL that was requested, scheme and host included. */
    get url(): string;
    /** True while a streamed body has not been read to its end or closed. */
    get isOpen(): boolean;
    /** @internal Called by the client: the request's environ, error log, error and stream. */
    attach(environ: Environ, errorLog: () => string, error: unknown, source?: ChunkSource): this;
    /**
     * The body chunk by chunk. For a streamed response each chunk is pulled from the app only when
     * asked for; leaving the loop early (`break`) closes the app's body. For a buffered response,
     * the whole body as one chunk.
     */
    chunks(): AsyncIterableIterator<Uint8Array>;
    /** Closes a streamed body (the app's iterator gets `return()`); nothing to do when buffered. */
    close(): Promise<void>;
}
/**
 * An iterator over the chunks still to come from an app run; `return()` closes the app's body.
 *
 * @example
 * ```ts
 * const chunks = streamChunks({ run: await AppRun.start(app, environ), check: () => {} });
 * const first = await chunks.next();
 * await chunks.return?.();
 * ```
 */
export declare function streamChunks(source: ChunkSource): AsyncIterableIterator<Uint8Array>;
//# sourceMappingURL=test-response.d.ts.map