/**
 * Runs an App in memory, acting as its server (`docs/spec.md` sections 6 to 9), and turns what it
 * produced into a `Response`. Used by `req.getResponse(app)` and the test client.
 * @module
 */
import type { App, Environ, HeaderList, StartResponse } from '../gateway.js';
import { Headers } from '../datastructures/headers.js';
import { Response } from './response.js';
import { concatBytes } from '../datastructures/bytes.js';

type AnyIterator = Iterator<Uint8Array> | AsyncIterator<Uint8Array>;

/** Options for {@link AppRun.start}. */
export interface AppRunOptions {
  /**
   * Drop the body instead of keeping it, closing it once the headers are final (with a
   * Content-Length, one byte past it), as a server does for HEAD. Default: HEAD.
   */
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
export class AppRun {
  /** The status line the app set. */
  status = '';
  /** The header list the app set. */
  headers: HeaderList = [];
  /** True once the first non-empty chunk was produced (the headers are then final). */
  headersSent = false;
  /** True once the body iterator has been closed. */
  closed = false;
  /** The error the app passed to `startResponse`: the one its response answers (rule 9.2). */
  error: unknown = undefined;
  readonly #dropBody: boolean;
  #started = false;
  #iterator: AnyIterator | undefined;
  #pending: Uint8Array | undefined;
  #done = false;
  #dropped = 0;

  private constructor(dropBody: boolean) {
    this.#dropBody = dropBody;
  }

  /** Runs the app until its headers are final. Errors before that are thrown (after closing). */
  static async start(app: App, environ: Environ, options: AppRunOptions = {}): Promise<AppRun> {
    const run = new AppRun(options.dropBody ?? environ.REQUEST_METHOD === 'HEAD');
    try {
      let body = app(environ, run.#startResponse);
      if (isThenable(body)) body = await body;
      run.#iterator = iteratorOf(body);
      while (!run.headersSent && !run.#done) {
        const chunk = await run.#pull();
        if (chunk !== undefined) run.#pending = chunk;
      }
      if (!run.#started) throw new Error('the app did not call startResponse');
    } catch (error) {
      await run.close();
      throw error;
    }
    return run;
  }

  readonly #startResponse: StartResponse = (status, headers, error) => {
    if (this.#started && error === undefined) throw new Error('startResponse called twice without an error');
    if (this.headersSent) throw error;
    this.#started = true;
    this.status = status;
    this.headers = headers;
    if (error !== undefined) this.error = error;
  };

  /** Pulls one chunk; `undefined` for an empty chunk or the end. Marks headers sent. */
  async #pull(): Promise<Uint8Array | undefined> {
    const iterator = this.#iterator as AnyIterator;
    let step = iterator.next();
    if (isThenable(step)) step = await step;
    if (step.done) {
      this.#done = true;
      if (!this.#started) throw new Error('the app did not call startResponse');
      await this.close();
      return undefined;
    }
    const chunk = step.value;
    if (!(chunk instanceof Uint8Array)) throw new TypeError(`the body yielded ${typeof chunk}, not a Uint8Array`);
    if (chunk.byteLength === 0) return undefined;
    if (!this.#started) throw new Error('the body produced a chunk before startResponse was called');
    this.headersSent = true;
    if (this.#dropBody) {
      // HEAD: nothing is sent, so the body is stopped as a server stops it (rule 7.6): pulling
      // on would never end for an endless stream. Bytes up to the Content-Length and one more are
      // still pulled, so that lint can tell a HEAD body that disagrees with it (rule 7.5).
      this.#dropped += chunk.byteLength;
      if (!(this.#dropped <= declaredLength(this.headers))) {
        this.#done = true;
        await this.close();
      }
      return undefined;
    }
    return chunk;
  }

  /**
   * The next non-empty chunk, or `undefined` at the end (the iterator is then closed). An error
   * from the body closes the iterator and is thrown.
   */
  async next(): Promise<Uint8Array | undefined> {
    if (this.#pending !== undefined) {
      const chunk = this.#pending;
      this.#pending = undefined;
      return chunk;
    }
    try {
      while (!this.#done && !this.closed) {
        const chunk = await this.#pull();
        if (chunk !== undefined) return chunk;
      }
    } catch (error) {
      this.#done = true;
      await this.close();
      throw error;
    }
    return undefined;
  }

  /** Every remaining chunk, in order; the iterator is closed at the end or on an error. */
  async rest(): Promise<Uint8Array[]> {
    const chunks: Uint8Array[] = [];
    for (let chunk = await this.next(); chunk !== undefined; chunk = await this.next()) chunks.push(chunk);
    return chunks;
  }

  /** Closes the body iterator (its `return()`, exactly once). Safe to call again. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.#pending = undefined;
    const iterator = this.#iterator;
    if (iterator?.return) await iterator.return();
  }
}

/** The Content-Length of a header list as a number; -1 when absent or not digits. */
function declaredLength(headers: HeaderList): number {
  for (const [name, value] of headers) {
    if (name.length === 14 && name.toLowerCase() === 'content-length') return /^\d+$/.test(value) ? Number(value) : -1;
  }
  return -1;
}

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return value != null && typeof (value as PromiseLike<T>).then === 'function';
}

function iteratorOf(body: unknown): AnyIterator {
  if (body != null && typeof body === 'object' || typeof body === 'function') {
    const source = body as Partial<AsyncIterable<Uint8Array> & Iterable<Uint8Array>>;
    if (typeof source[Symbol.asyncIterator] === 'function') return source[Symbol.asyncIterator]!();
    if (typeof source[Symbol.iterator] === 'function' && typeof body !== 'string') return source[Symbol.iterator]!();
  }
  throw new TypeError(`the app returned ${body === null ? 'null' : typeof body}, not an iterable of Uint8Array`);
}

/**
 * Builds a response of class `cls` holding exactly the status and header list an app sent.
 *
 * @example
 * ```ts
 * const res = buildResponse(Response, '201 Created', [['Location', '/x']], new Uint8Array(0));
 * ```
 */
export function buildResponse<R extends Response>(
  cls: new (body: Uint8Array | AsyncIterable<Uint8Array>, init: { status: string }) => R,
  status: string,
  headers: HeaderList,
  body: Uint8Array | AsyncIterable<Uint8Array>,
): R {
  const response = new cls(body, { status });
  // The constructor adds defaults (Content-Type, Content-Length); the app's list is the truth.
  response.headers = new Headers(headers);
  return response;
}

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
export async function responseFromApp(app: App, environ: Environ): Promise<Response> {
  const run = await AppRun.start(app, environ);
  const chunks = await run.rest();
  return buildResponse(Response, run.status, run.headers, concatBytes(chunks));
}
