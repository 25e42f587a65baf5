import { Request } from '../../request/request.js';
import { Response } from '../../response/response.js';
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
export class TestResponse extends Response {
    /** The environ that was sent to the app (for the last hop of a redirect chain). */
    environ;
    /** The responses of the redirects followed to reach this one, oldest first. */
    history = [];
    /** The error the app threw, when the client answered for it (500, or an aborted stream). */
    error = undefined;
    /** True when the app failed after its headers were sent: the body is incomplete. */
    aborted = false;
    #request;
    #source;
    #errorLog = () => '';
    /** Everything written to `tsgi.errors` during the request (so far, for a streamed one). */
    get errors() {
        return this.#errorLog();
    }
    /** The tsgi `Request` that was sent (built on first read). */
    get request() {
        return (this.#request ??= new Request(this.environ));
    }
    set request(request) {
        this.#request = request;
    }
    /** The URL that was requested, scheme and host included. */
    get url() {
        const environ = this.environ;
        const host = environ.HTTP_HOST ?? environ.SERVER_NAME;
        return `${environ['tsgi.url_scheme']}://${host}${environ.REQUEST_URI ?? environ.SCRIPT_NAME + environ.PATH_INFO}`;
    }
    /** True while a streamed body has not been read to its end or closed. */
    get isOpen() {
        return this.#source !== undefined && !this.#source.run.closed;
    }
    /** @internal Called by the client: the request's environ, error log, error and stream. */
    attach(environ, errorLog, error, source) {
        this.environ = environ;
        this.#errorLog = errorLog;
        this.error = error;
        this.#source = source;
        return this;
    }
    /**
     * The body chunk by chunk. For a streamed response each chunk is pulled from the app only when
     * asked for; leaving the loop early (`break`) closes the app's body. For a buffered response,
     * the whole body as one chunk.
     */
    chunks() {
        const source = this.#source;
        if (source === undefined) {
            let given = false;
            const iterator = {
                next: async () => {
                    if (given)
                        return { done: true, value: undefined };
                    given = true;
                    const bytes = await this.bytes();
                    return bytes.byteLength ? { done: false, value: bytes } : { done: true, value: undefined };
                },
                [Symbol.asyncIterator]: () => iterator,
            };
            return iterator;
        }
        return streamChunks(source);
    }
    /** Closes a streamed body (the app's iterator gets `return()`); nothing to do when buffered. */
    async close() {
        if (this.#source !== undefined) {
            await this.#source.run.close();
            this.#source.check();
        }
    }
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
export function streamChunks(source) {
    const iterator = {
        async next() {
            const chunk = await source.run.next();
            source.check();
            return chunk === undefined ? { done: true, value: undefined } : { done: false, value: chunk };
        },
        async return() {
            await source.run.close();
            source.check();
            return { done: true, value: undefined };
        },
        [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
}
//# sourceMappingURL=test-response.js.map