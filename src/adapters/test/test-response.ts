/**
 * `TestResponse`: what the test client returns, a `Response` with the request, the redirect
 * history, the app's error output, and chunk-by-chunk reading for streamed responses.
 * @module
 */
import type { Environ } from '../../gateway.js';
import { Request } from '../../request/request.js';
import { Response } from '../../response/response.js';
import type { AppRun } from '../../response/from-app.js';
import type { ParsedEvent } from '../../http/sse-parse.js';
import { readEventStream } from '../../response/event-stream/read.js';

/** Where a streamed response pulls its chunks from; throws protocol errors found on the way. */
export interface ChunkSource {
  run: AppRun;
  /** Called after each pull; throws the first `LintError` found, if any. */
  check(): void;
  /** Aborts the request's `tsgi.signal`: the test stops reading before the end. */
  abort(): void;
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
export class TestResponse extends Response {
  /** The environ that was sent to the app (for the last hop of a redirect chain). */
  environ!: Environ;
  /** The responses of the redirects followed to reach this one, oldest first. */
  history: TestResponse[] = [];
  /** The error the app threw, when the client answered for it (500, or an aborted stream). */
  error: unknown = undefined;
  /** True when the app failed after its headers were sent: the body is incomplete. */
  aborted = false;
  #request: Request | undefined;
  #source: ChunkSource | undefined;
  #errorLog: () => string = () => '';

  /** Everything written to `tsgi.errors` during the request (so far, for a streamed one). */
  get errors(): string {
    return this.#errorLog();
  }

  /** The tsgi `Request` that was sent (built on first read). */
  get request(): Request {
    return (this.#request ??= new Request(this.environ));
  }

  set request(request: Request) {
    this.#request = request;
  }

  /** The URL that was requested, scheme and host included. */
  get url(): string {
    const environ = this.environ;
    const host = environ.HTTP_HOST ?? environ.SERVER_NAME;
    return `${environ['tsgi.url_scheme']}://${host}${environ.REQUEST_URI ?? environ.SCRIPT_NAME + environ.PATH_INFO}`;
  }

  /** True while a streamed body has not been read to its end or closed. */
  get isOpen(): boolean {
    return this.#source !== undefined && !this.#source.run.closed;
  }

  /**
   * A one-line description for logs and failure output: status, method and URL, and when the app
   * failed, the error's name and message with where to find the rest (`res.error`, `res.errors`).
   *
   * @example
   * ```ts
   * String(res); // '<TestResponse [500 Internal Server Error] GET http://localhost/ failed: TypeError: boom (see res.error, res.errors)>'
   * ```
   */
  override toString(): string {
    // Built by hand rather than by the client: no request to describe.
    if (this.environ === undefined) return super.toString();
    const head = `<TestResponse [${this.status}] ${this.environ.REQUEST_METHOD} ${this.url}`;
    const error = this.error;
    if (error === undefined) return `${head}>`;
    let what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (what.length > 200) what = `${what.slice(0, 200)}...`;
    return `${head} ${this.aborted ? 'aborted' : 'failed'}: ${what} (see res.error, res.errors)>`;
  }

  /** What `console.log(res)` shows (through `util.inspect`'s hook): the same line as `toString()`. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  /** @internal Called by the client: the request's environ, error log, error and stream. */
  attach(environ: Environ, errorLog: () => string, error: unknown, source?: ChunkSource): this {
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
  chunks(): AsyncIterableIterator<Uint8Array> {
    const source = this.#source;
    if (source === undefined) {
      let given = false;
      const iterator: AsyncIterableIterator<Uint8Array> = {
        next: async () => {
          if (given) return { done: true, value: undefined };
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

  /**
   * The server-sent events of the body, each as soon as the app has sent it, parsed as a browser's
   * `EventSource` does (`{ event, data, id, retry? }`). Event-stream responses are streamed
   * without asking (`buffered: false`), so this works on streams that never end; leaving the loop
   * (`break`) aborts the app's `tsgi.signal` and closes its body, as a client that leaves.
   *
   * @example
   * ```ts
   * const res = await client.get('/feed', { headers: { 'Last-Event-ID': '41' } });
   * for await (const event of res.events()) {
   *   expect(event.id).toBe('42');
   *   break;
   * }
   * ```
   */
  events(): AsyncIterableIterator<ParsedEvent> {
    return readEventStream(this.chunks());
  }

  /** Closes a streamed body (the app's iterator gets `return()`); nothing to do when buffered. */
  async close(): Promise<void> {
    if (this.#source !== undefined) {
      // First the signal, so a body waiting in an await can stop: return() waits for it (rule 8.4).
      if (!this.#source.run.closed) this.#source.abort();
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
 * const chunks = streamChunks({ run: await AppRun.start(app, environ), check: () => {}, abort: () => {} });
 * const first = await chunks.next();
 * await chunks.return?.();
 * ```
 */
export function streamChunks(source: ChunkSource): AsyncIterableIterator<Uint8Array> {
  const iterator: AsyncIterableIterator<Uint8Array> = {
    async next() {
      const chunk = await source.run.next();
      source.check();
      return chunk === undefined ? { done: true, value: undefined } : { done: false, value: chunk };
    },
    async return() {
      if (!source.run.closed) source.abort();
      await source.run.close();
      source.check();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
