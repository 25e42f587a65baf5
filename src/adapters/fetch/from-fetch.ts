/**
 * `fromFetchHandler`: runs any Fetch handler (a Hono or itty-router app, a Workers `fetch`) as a
 * tsgi app, so it can sit behind tsgi middleware and be driven by the tsgi test client.
 * @module
 */
import { headerName, type App, type Environ, type HeaderList } from '../../gateway.js';
import { STATUS_PHRASES } from '../../http/status.js';
import { quotePath } from '../../http/url.js';
import { optionsChecker } from '../../options.js';

/** What a wrapped handler gets as its second argument (Hono exposes it as `c.env`). */
export interface FromFetchContext {
  /** The environ the request was built from. */
  environ: Environ;
  /** `REMOTE_ADDR`, when the server gave one. */
  remoteAddr?: string;
}

/** Any function that answers a Web `Request` with a Web `Response`. */
export type AnyFetchHandler = (
  request: globalThis.Request,
  context: FromFetchContext,
) => globalThis.Response | Promise<globalThis.Response>;

/** Options for `fromFetchHandler`. */
export interface FromFetchOptions {
  /**
   * Which path the handler sees. `'pathInfo'` (the default) gives it `PATH_INFO` only, like
   * Hono's `app.mount()`: mounted under `/api` by `dispatcher`, it sees `/users` for `/api/users`.
   * `'full'` gives it `SCRIPT_NAME + PATH_INFO`.
   */
  path?: 'pathInfo' | 'full';
}

const checkOptions = optionsChecker<FromFetchOptions>('fromFetchHandler', { path: true });

/**
 * Turns a Fetch handler into a tsgi app: the environ becomes a Web `Request` (its body streamed
 * from `tsgi.input`, its signal aborted when the server abandons the response or aborts
 * `tsgi.signal`), and the Web
 * `Response` becomes `startResponse` plus its body chunks, pulled one at a time.
 *
 * @example
 * ```ts
 * import { Hono } from 'hono';
 * const hono = new Hono().get('/hello', (c) => c.text('hi'));
 * const app = dispatcher(notFound, { '/hono': fromFetchHandler(hono.fetch) });
 * ```
 */
export function fromFetchHandler(handler: AnyFetchHandler, options: FromFetchOptions = {}): App {
  checkOptions(options);
  const fullPath = options.path === 'full';
  return async (environ, startResponse) => {
    const abort = new AbortController();
    // The handler's request.signal also follows the server's: a client that leaves aborts both.
    const outer = environ['tsgi.signal'];
    if (outer?.aborted) abort.abort(outer.reason);
    else outer?.addEventListener('abort', () => abort.abort(outer.reason), { once: true });
    const request = toWebRequest(environ, fullPath, abort.signal);
    const context: FromFetchContext = { environ };
    if (typeof environ.REMOTE_ADDR === 'string') context.remoteAddr = environ.REMOTE_ADDR;
    const response = await handler(request, context);
    const code = response.status;
    const phrase = response.statusText || STATUS_PHRASES[code] || 'Unknown';
    startResponse(`${code} ${phrase}`, responseHeaders(response.headers));
    if (!response.body) return [];
    return responseChunks(response.body, abort);
  };
}

/**
 * The Web `Request` an environ describes.
 *
 * @example
 * ```ts
 * const request = toWebRequest(environ);
 * request.url; // 'http://localhost/path?x=1'
 * ```
 */
export function toWebRequest(environ: Environ, fullPath = false, signal?: AbortSignal): globalThis.Request {
  const scheme = environ['tsgi.url_scheme'] || 'http';
  const path = (fullPath ? environ.SCRIPT_NAME : '') + (environ.PATH_INFO || '/');
  const query = environ.QUERY_STRING ? `?${environ.QUERY_STRING}` : '';
  const url = `${scheme}://${hostOf(environ)}${quotePath(path.startsWith('/') ? path : `/${path}`)}${query}`;
  const headers = new globalThis.Headers();
  for (const key of Object.keys(environ)) {
    const name = headerName(key);
    const value = environ[key];
    if (name === undefined || typeof value !== 'string') continue;
    try {
      headers.append(name, value);
    } catch {
      // A value the Fetch Headers class refuses (it came from elsewhere than HTTP): leave it out.
    }
  }
  const method = environ.REQUEST_METHOD;
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal };
  if (hasBody) {
    init.body = iterableToStream(environ['tsgi.input']);
    // Required by Node and Deno for a streamed request body.
    init.duplex = 'half';
  }
  return new globalThis.Request(url, init);
}

function hostOf(environ: Environ): string {
  const host = environ.HTTP_HOST;
  if (typeof host === 'string' && host !== '') return host;
  const scheme = environ['tsgi.url_scheme'];
  const port = environ.SERVER_PORT;
  const defaultPort = scheme === 'https' ? '443' : '80';
  return port && port !== defaultPort ? `${environ.SERVER_NAME}:${port}` : environ.SERVER_NAME;
}

function responseHeaders(headers: globalThis.Headers): HeaderList {
  const list: HeaderList = [];
  for (const [name, value] of headers) {
    // Iteration may join Set-Cookie values with commas; getSetCookie() keeps them apart.
    if (name !== 'set-cookie') list.push([name, value]);
  }
  for (const cookie of headers.getSetCookie()) list.push(['set-cookie', cookie]);
  return list;
}

/** A pull-based stream over `tsgi.input`, so the handler reads the client only as fast as it needs. */
function iterableToStream(input: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  let iterator: AsyncIterator<Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        iterator ??= input[Symbol.asyncIterator]();
        const { done, value } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      async cancel() {
        await iterator?.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * The response body as chunks. `return()` (rule 8.1: the server calls it exactly once, after the end
 * too) cancels the stream and aborts the request signal unless the body already ended, including
 * when nothing was read yet.
 */
function responseChunks(body: ReadableStream<Uint8Array>, abort: AbortController): AsyncIterableIterator<Uint8Array> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let finished = false;
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      if (finished) return { done: true, value: undefined };
      reader ??= body.getReader();
      try {
        const result = await reader.read();
        if (result.done) finished = true;
        return result.done ? { done: true, value: undefined } : { done: false, value: result.value };
      } catch (error) {
        finished = true;
        abort.abort(error);
        throw error;
      }
    },
    async return() {
      if (!finished) {
        finished = true;
        abort.abort();
        await (reader ? reader.cancel() : body.cancel()).catch(() => undefined);
      }
      return { done: true, value: undefined };
    },
  };
}
