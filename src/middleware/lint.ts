/**
 * `lint`: a middleware that checks both sides of the gateway protocol against `docs/spec.md`.
 * @module
 */
import type { App, Body, Environ, HeaderList, StartResponse } from '../gateway.js';
import { checkEnviron, checkHeaders, checkStatus, describe, isAbortSignal, type Report } from './lint-rules.js';
import { optionsChecker } from '../options.js';
import { checkWebSocketAnswer, watchWebSocketOffer, type WebSocketWatch } from './lint-websocket.js';

/**
 * A violation of the gateway protocol, naming the rule of `docs/spec.md` it breaks.
 *
 * @example
 * ```ts
 * try { await client.get('/'); } catch (error) {
 *   if (error instanceof LintError) console.log(error.rule); // '7.2'
 * }
 * ```
 */
export class LintError extends Error {
  /** The rule number in `docs/spec.md`, such as `'6.2'`. */
  readonly rule: string;
  /** Which party broke the rule: the application or the server (the caller of the linted app). */
  readonly side: 'app' | 'server';

  constructor(rule: string, side: 'app' | 'server', message: string) {
    super(`tsgi lint: rule ${rule} (${side}): ${message}`);
    this.name = 'LintError';
    this.rule = rule;
    this.side = side;
  }
}

/** Options for {@link lint}. */
export interface LintOptions {
  /**
   * Called with each violation instead of throwing it. Without it, the first violation is thrown
   * where it is found (into the app from `startResponse`, into the server from the body iterator).
   */
  onError?: (error: LintError, environ: Environ) => void;
}

const checkOptions = optionsChecker<LintOptions>('lint', { onError: true });

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

/** The per-request state shared by the wrappers below. */
interface LintState {
  report: Report;
  method: string;
  status: string | undefined;
  code: number;
  headers: HeaderList;
  contentLength: number | undefined;
  calls: number;
  headersSent: boolean;
  closed: boolean;
  /** `tsgi.signal` as the server gave it (rule 8.4 is checked against it). */
  signal: AbortSignal | undefined;
  /** What lint saw of `tsgi.websocket` (section 14), when the server made an offer. */
  websocket: WebSocketWatch | undefined;
  /** True once startResponse was called with an error (rules 6.6, 9.2). */
  errorResponse: boolean;
}

/**
 * Wraps an app so that every rule of `docs/spec.md` is checked on both sides: the environ and input
 * the server provides, the status, headers and body the app returns, and how the server pulls and
 * closes the body. Each failure is a {@link LintError} naming the rule.
 *
 * @example
 * ```ts
 * import { lint } from 'tsgi/middleware';
 * const checked = lint(app);                      // throws LintError on the first violation
 * const errors: LintError[] = [];
 * const collected = lint(app, { onError: (e) => errors.push(e) });
 * ```
 */
export function lint(app: App, options: LintOptions = {}): App {
  checkOptions(options);
  const onError = options.onError;
  return function linted(environ: Environ, startResponse: StartResponse): Body | Promise<Body> {
    const report: Report = (rule, side, message) => {
      const error = new LintError(rule, side, message);
      if (onError) onError(error, environ);
      else throw error;
    };
    checkEnviron(environ, report);
    const state: LintState = {
      report,
      method: typeof environ.REQUEST_METHOD === 'string' ? environ.REQUEST_METHOD : '',
      status: undefined,
      code: 0,
      headers: [],
      contentLength: undefined,
      calls: 0,
      headersSent: false,
      closed: false,
      signal: isAbortSignal(environ['tsgi.signal']) ? environ['tsgi.signal'] : undefined,
      websocket: undefined,
      errorResponse: false,
    };
    state.websocket = watchWebSocketOffer(environ, report, () => state.closed);
    wrapInput(environ, state);
    wrapErrors(environ, state);
    const result = app(environ, wrapStartResponse(startResponse, state));
    if (isThenable(result)) return Promise.resolve(result).then((body) => wrapBody(body, state));
    return wrapBody(result, state);
  };
}

function isThenable(value: unknown): value is PromiseLike<Body> {
  return value != null && typeof (value as PromiseLike<unknown>).then === 'function';
}

function wrapStartResponse(startResponse: StartResponse, state: LintState): StartResponse {
  const { report } = state;
  return function checkedStartResponse(status, headers, error) {
    if (arguments.length > 3) report('6.1', 'app', `startResponse takes at most 3 arguments, got ${arguments.length}`);
    state.calls++;
    if (state.calls > 1) {
      if (error === undefined) {
        report('6.6', 'app', 'startResponse called a second time without an error');
      } else if (state.headersSent) {
        // The server must rethrow the error itself; if it does not, the app would carry on.
        startResponse(status, headers, error);
        report('6.6', 'server', 'startResponse with an error after headers were sent must throw that error');
        throw error;
      }
    }
    if (state.closed) report('6.5', 'app', 'startResponse called after the body was closed');
    const code = checkStatus(status, report);
    checkHeaders(headers, report, HOP_BY_HOP);
    state.status = status;
    state.code = code;
    state.headers = Array.isArray(headers) ? headers : [];
    state.contentLength = contentLengthOf(state.headers);
    if (error !== undefined) state.errorResponse = true;
    if (state.contentLength !== undefined && (code < 200 && code >= 100 || code === 204)) {
      report('6.7', 'app', `Content-Length must not be sent with status ${code}`);
    }
    startResponse(status, headers, error);
  };
}

function contentLengthOf(headers: HeaderList): number | undefined {
  for (const pair of headers) {
    if (Array.isArray(pair) && typeof pair[0] === 'string' && pair[0].toLowerCase() === 'content-length') {
      return /^\d+$/.test(pair[1]) ? Number(pair[1]) : undefined;
    }
  }
  return undefined;
}

function wrapErrors(environ: Environ, state: LintState): void {
  const errors = environ['tsgi.errors'];
  if (errors == null || typeof errors.write !== 'function') return;
  environ['tsgi.errors'] = {
    write(message: string) {
      if (typeof message !== 'string') state.report('5.1', 'app', `tsgi.errors.write takes a string, got ${describe(message)}`);
      errors.write(message);
    },
  };
}

function wrapInput(environ: Environ, state: LintState): void {
  const input = environ['tsgi.input'];
  if (input == null || typeof input[Symbol.asyncIterator] !== 'function') return;
  const { report } = state;
  const declared = /^\d+$/.test(environ.CONTENT_LENGTH ?? '') ? Number(environ.CONTENT_LENGTH) : undefined;
  let iterated = false;
  environ['tsgi.input'] = {
    [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
      if (iterated) report('4.4', 'app', 'tsgi.input iterated a second time');
      iterated = true;
      if (state.closed) report('4.7', 'app', 'tsgi.input read after the response body was closed');
      const inner = input[Symbol.asyncIterator]();
      let received = 0;
      return {
        async next() {
          if (state.closed) report('4.7', 'app', 'tsgi.input read after the response body was closed');
          const step = await inner.next();
          if (step.done) {
            if (declared !== undefined && received < declared) {
              report('4.6', 'server', `tsgi.input ended after ${received} bytes, before CONTENT_LENGTH ${declared}; it must throw`);
            }
            return step;
          }
          if (!(step.value instanceof Uint8Array)) {
            report('4.2', 'server', `tsgi.input yielded ${describe(step.value)}, not a Uint8Array`);
          } else {
            received += step.value.byteLength;
            if (declared !== undefined && received > declared) {
              report('4.1', 'server', `tsgi.input yielded ${received} bytes, more than CONTENT_LENGTH ${declared}`);
            }
          }
          return step;
        },
        async return(value?: unknown) {
          const done = await inner.return?.(value);
          return done ?? { done: true, value: undefined };
        },
      };
    },
  };
}

/** The body, checked chunk by chunk; keeps a sync body sync so servers keep their fast paths. */
function wrapBody(body: Body, state: LintState): Body {
  const { report } = state;
  if (body == null || typeof body === 'string' || (typeof body !== 'object' && typeof body !== 'function')) {
    report('2.2', 'app', `the app returned ${describe(body)}, not an iterable of Uint8Array`);
    return [];
  }
  const isAsync = typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function';
  const isSync = typeof (body as Iterable<Uint8Array>)[Symbol.iterator] === 'function';
  if (!isAsync && !isSync) {
    report('2.2', 'app', `the app returned ${describe(body)}, not an iterable of Uint8Array`);
    return [];
  }
  const checker = new BodyChecker(state);
  if (isAsync) {
    return {
      [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
        const inner = checker.obtain(() => (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]());
        let pending = false;
        return {
          async next() {
            if (pending) report('7.3', 'server', 'next() called while the previous next() was still pending');
            checker.beforeNext();
            pending = true;
            try {
              return checker.afterNext(await inner.next());
            } catch (error) {
              checker.failed = true;
              throw error;
            } finally {
              pending = false;
            }
          },
          async return(value?: unknown) {
            checker.beforeReturn();
            if (pending && state.signal !== undefined && !state.signal.aborted) {
              report('8.4', 'server', 'return() called while next() was pending, without aborting tsgi.signal first: the body cannot stop its wait');
            }
            const done = await inner.return?.(value);
            return done ?? { done: true, value: undefined };
          },
        };
      },
    };
  }
  return {
    [Symbol.iterator](): Iterator<Uint8Array> {
      const inner = checker.obtain(() => (body as Iterable<Uint8Array>)[Symbol.iterator]());
      return {
        next() {
          checker.beforeNext();
          try {
            return checker.afterNext(inner.next());
          } catch (error) {
            checker.failed = true;
            throw error;
          }
        },
        return(value?: unknown) {
          checker.beforeReturn();
          const done = inner.return?.(value);
          return done ?? { done: true, value: undefined };
        },
      };
    },
  };
}

/** The checks on one body iteration, shared by the sync and async wrappers. */
class BodyChecker {
  readonly #state: LintState;
  #obtained = false;
  #returns = 0;
  #bytes = 0;
  #done = false;
  failed = false;

  constructor(state: LintState) {
    this.#state = state;
  }

  obtain<T>(get: () => T): T {
    if (this.#obtained) this.#state.report('7.3', 'server', 'the body iterator was obtained a second time');
    this.#obtained = true;
    return get();
  }

  beforeNext(): void {
    if (this.#returns > 0) this.#state.report('8.2', 'server', 'next() called after return()');
  }

  afterNext(step: IteratorResult<Uint8Array>): IteratorResult<Uint8Array> {
    const state = this.#state;
    const { report } = state;
    if (step.done) {
      if (!this.#done) this.#finish();
      this.#done = true;
      return step;
    }
    const chunk: unknown = step.value;
    if (state.calls === 0) report('6.5', 'app', 'the body produced a chunk before startResponse was called');
    if (!(chunk instanceof Uint8Array)) {
      report('7.2', 'app', `the body yielded ${describe(chunk)}, not a Uint8Array`);
      return step;
    }
    if (chunk.byteLength === 0) return step;
    this.#bytes += chunk.byteLength;
    state.headersSent = true;
    if (state.code === 101) {
      report('14.6', 'app', `a 101 Switching Protocols carries no body, but the app produced ${this.#bytes} bytes`);
    } else if (state.code !== 0 && (state.code < 200 || state.code === 204 || state.code === 304)) {
      report('7.7', 'app', `status ${state.code} carries no body, but the app produced ${this.#bytes} bytes`);
    } else if (state.contentLength !== undefined && this.#bytes > state.contentLength) {
      report('7.5', 'app', `the body produced ${this.#bytes} bytes, more than Content-Length ${state.contentLength}`);
    }
    return step;
  }

  beforeReturn(): void {
    this.#returns++;
    const state = this.#state;
    if (this.#returns > 1) state.report('8.1', 'server', `return() called ${this.#returns} times on the body iterator`);
    // The server settles a WebSocket handshake once it has closed the body: check the answer now.
    if (this.#returns === 1 && state.calls > 0) checkWebSocketAnswer(state.websocket, state.code, state.headers, state.errorResponse, state.report);
    state.closed = true;
  }

  /** Checks made when the body ends normally. */
  #finish(): void {
    const state = this.#state;
    if (state.calls === 0) {
      state.report('6.5', 'app', 'the body ended without startResponse having been called');
      return;
    }
    const isHead = state.method === 'HEAD';
    if (this.failed || state.contentLength === undefined || state.code === 304) return;
    if (isHead && this.#bytes === 0) return;
    if (this.#bytes < state.contentLength) {
      state.report('7.5', 'app', `the body produced ${this.#bytes} bytes, fewer than Content-Length ${state.contentLength}`);
    }
  }
}
