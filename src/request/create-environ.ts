/**
 * `createEnviron(url, init)`: a complete, spec-conforming environ built from a URL, the way a
 * server would build it for that request. Used by the test client and `Request.blank`.
 * @module
 */
import { BufferedInput, consoleErrors, emptyInput, headerKey, TSGI_VERSION, type Environ, type ErrorStream } from '../gateway.js';
import { encodeForm, encodeUrlencoded, formPairs, type FormInit } from './encode-form.js';
import { decodePathInfo } from './decode-path.js';
import { lazySignalEnviron } from '../signal.js';
import { optionsChecker } from '../options.js';

export { decodePathInfo } from './decode-path.js';

/** Request headers: an object (array values repeat), pairs, or any `Headers` (tsgi's or the Web's). */
export type HeadersLike = Record<string, string | readonly string[]> | Iterable<readonly [string, string]>;

/** Query arguments to add to the URL's own: an object (array values repeat) or pairs (a `MultiDict`). */
export type QueryInit =
  | Record<string, string | number | boolean | ReadonlyArray<string | number | boolean>>
  | Iterable<readonly [string, string | number | boolean]>;

/** A request body. Strings are sent as UTF-8; iterables are sent chunk by chunk without a length. */
export type RequestBodyInit =
  | string
  | Uint8Array
  | ArrayBuffer
  | Blob
  | ReadableStream<Uint8Array>
  | Iterable<Uint8Array | string>
  | AsyncIterable<Uint8Array | string>;

/** What `createEnviron` builds a request from. At most one of `body`, `json` and `form`. */
export interface EnvironInit {
  /** Default `GET`, or `POST` when a body, JSON or form is given. */
  method?: string;
  headers?: HeadersLike;
  /** Added after the URL's own query. */
  query?: QueryInit;
  body?: RequestBodyInit;
  /** Sent as JSON with `Content-Type: application/json` (unless the headers set one). */
  json?: unknown;
  /** Urlencoded when all values are text, `multipart/form-data` when any is a `Blob`/`File`. */
  form?: FormInit;
  /** Added to the `Cookie` header (values percent-encoded where needed). */
  cookies?: Record<string, string>;
  /** The mount point; the URL's path must start with it. It moves to `SCRIPT_NAME`. */
  scriptName?: string;
  /** `REMOTE_ADDR`, default `127.0.0.1`. */
  remoteAddr?: string;
  /** `tsgi.errors`, default the console. */
  errors?: ErrorStream;
  /** `tsgi.signal`, to play a client that goes away; default a signal that never aborts. */
  signal?: AbortSignal;
  /** Extra or overriding environ keys, applied last; an `undefined` value removes the key. */
  environ?: Record<string, unknown>;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const FORBIDDEN_IN_VALUE = /[\r\n\0]/;
const ABSOLUTE = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?/;
const RELATIVE = /^([^?#]*)(?:\?([^#]*))?/;
// Characters a browser percent-encodes in a request target before sending it.
const UNSAFE_IN_TARGET = /[^\x21-\x7e]|["<>\\^`{|}]/gu;
const encoder = new TextEncoder();
const checkInit = optionsChecker<EnvironInit>('createEnviron', {
  method: true,
  headers: true,
  query: true,
  body: true,
  json: true,
  form: true,
  cookies: true,
  scriptName: true,
  remoteAddr: true,
  errors: true,
  signal: true,
  environ: true,
});

/**
 * Builds a full environ from a URL and options, as a server would for that request: path (decoded
 * as in rule 3.4 of `docs/spec.md`), query, host and scheme from the URL (relative URLs are taken
 * against `http://localhost/`), headers, body and cookies from `init`. `CONTENT_LENGTH` is set for
 * bodies of known length.
 *
 * @example
 * ```ts
 * const environ = createEnviron('/search?q=tsgi', { query: { tag: ['a', 'b'] }, cookies: { session: 'x' } });
 * environ.QUERY_STRING; // 'q=tsgi&tag=a&tag=b'
 * environ.HTTP_COOKIE;  // 'session=x'
 * const post = createEnviron('https://example.com/api', { json: { ok: true } });
 * post.CONTENT_TYPE;    // 'application/json'
 * ```
 */
export function createEnviron(url: string | URL = '/', init: EnvironInit = {}): Environ {
  checkInit(init);
  const target = splitUrl(String(url));
  const bodyCount = Number(init.body !== undefined) + Number(init.json !== undefined) + Number(init.form !== undefined);
  if (bodyCount > 1) throw new TypeError('createEnviron: give at most one of body, json and form');
  const method = init.method ?? (bodyCount > 0 ? 'POST' : 'GET');
  if (!TOKEN.test(method)) throw new TypeError(`createEnviron: invalid method ${JSON.stringify(method)}`);

  let path = target.path;
  let scriptName = '';
  if (init.scriptName) {
    scriptName = init.scriptName.replace(/\/+$/, '');
    if (scriptName && !scriptName.startsWith('/')) scriptName = `/${scriptName}`;
    if (path !== scriptName && !path.startsWith(`${scriptName}/`)) {
      throw new TypeError(`createEnviron: path ${JSON.stringify(path)} is not under scriptName ${JSON.stringify(scriptName)}`);
    }
    path = path.slice(scriptName.length);
  }
  let query = target.query;
  if (init.query !== undefined) {
    const extra = encodeUrlencoded(formPairs(init.query));
    if (extra) query = query ? `${query}&${extra}` : extra;
  }

  const fields: Environ = {
    REQUEST_METHOD: method,
    SCRIPT_NAME: decodePathInfo(scriptName),
    PATH_INFO: decodePathInfo(path),
    QUERY_STRING: query,
    SERVER_NAME: target.hostname,
    SERVER_PORT: target.port,
    SERVER_PROTOCOL: 'HTTP/1.1',
    REQUEST_URI: query ? `${target.path}?${query}` : target.path,
    REMOTE_ADDR: init.remoteAddr ?? '127.0.0.1',
    HTTP_HOST: target.host,
    'tsgi.version': TSGI_VERSION,
    'tsgi.url_scheme': target.scheme,
    'tsgi.input': EMPTY,
    'tsgi.errors': init.errors ?? consoleErrors,
    'tsgi.multithread': false,
    'tsgi.multiprocess': false,
    'tsgi.run_once': false,
  };
  // tsgi.signal as tsgi's servers give it: made on first read, an AbortSignal is not cheap to make.
  const environ = lazySignalEnviron(fields, null);
  if (init.signal !== undefined) environ['tsgi.signal'] = init.signal;
  if (init.headers !== undefined) addHeaders(environ, init.headers);
  if (init.cookies !== undefined) addCookies(environ, init.cookies);
  addBody(environ, init);
  if (init.environ !== undefined) {
    for (const key of Object.keys(init.environ)) {
      const value = init.environ[key];
      if (value === undefined) {
        delete environ[key];
        // tsgi.signal is inherited (a lazy accessor): shadow it to remove it.
        if (environ[key] !== undefined) environ[key] = undefined;
      } else environ[key] = value;
    }
  }
  return environ;
}

interface Target {
  scheme: 'http' | 'https';
  host: string;
  hostname: string;
  port: string;
  path: string;
  query: string;
}

function splitUrl(url: string): Target {
  let scheme = 'http';
  let authority = 'localhost';
  let path: string;
  let query: string | undefined;
  const absolute = ABSOLUTE.exec(url.startsWith('//') ? `http:${url}` : url);
  if (absolute) {
    scheme = absolute[1].toLowerCase();
    authority = absolute[2].slice(absolute[2].lastIndexOf('@') + 1);
    path = absolute[3];
    query = absolute[4];
  } else {
    const relative = RELATIVE.exec(url) as RegExpExecArray;
    path = relative[1];
    query = relative[2];
  }
  if (scheme !== 'http' && scheme !== 'https') throw new TypeError(`createEnviron: unsupported scheme in ${JSON.stringify(url)}`);
  const defaultPort = scheme === 'https' ? '443' : '80';
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(authority);
  if (!match || match[1] === '') throw new TypeError(`createEnviron: invalid host in ${JSON.stringify(url)}`);
  let hostname = match[1].toLowerCase();
  // An IRI's host goes on the wire in its IDNA form (`☃.net` is sent as `xn--n3h.net`), as
  // browsers and WHATWG URL write it; `req.host` would refuse the Unicode form.
  if (!hostname.startsWith('[') && /[^\0-\x7f]|%/.test(hostname)) hostname = asciiHost(hostname, url);
  const port = match[2] || defaultPort;
  if (Number(port) > 65535) throw new TypeError(`createEnviron: invalid port in ${JSON.stringify(url)}`);
  if (!path.startsWith('/')) path = `/${path}`;
  return {
    scheme,
    host: port === defaultPort ? hostname : `${hostname}:${port}`,
    hostname: hostname.startsWith('[') ? hostname.slice(1, -1) : hostname,
    port,
    path: encodeTarget(path),
    query: query === undefined ? '' : encodeTarget(query),
  };
}

/** The IDNA (punycode) form of a host name with non-ASCII characters or escapes, as WHATWG URL makes it. */
function asciiHost(hostname: string, url: string): string {
  try {
    return new URL(`http://${hostname}/`).hostname;
  } catch {
    throw new TypeError(`createEnviron: invalid host in ${JSON.stringify(url)}`);
  }
}

function encodeTarget(text: string): string {
  return text.replace(UNSAFE_IN_TARGET, (char) => encodeURIComponent(char));
}

/**
 * Request headers as `[name, value]` pairs, in order, whatever form they were given in.
 *
 * @example
 * ```ts
 * headerPairs({ Accept: 'text/html', 'X-Tag': ['a', 'b'] }); // [['Accept', 'text/html'], ['X-Tag', 'a'], ['X-Tag', 'b']]
 * ```
 */
export function headerPairs(headers: HeadersLike): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  if (typeof (headers as Iterable<unknown>)[Symbol.iterator] === 'function') {
    for (const [name, value] of headers as Iterable<readonly [string, string]>) pairs.push([name, value]);
    return pairs;
  }
  const record = headers as Record<string, string | readonly string[]>;
  for (const name of Object.keys(record)) {
    const value = record[name];
    if (typeof value === 'string') pairs.push([name, value]);
    else for (const item of value) pairs.push([name, item]);
  }
  return pairs;
}

function addHeaders(environ: Environ, headers: HeadersLike): void {
  const pairs = headerPairs(headers);
  let hostSet = false;
  for (const [name, rawValue] of pairs) {
    const value = String(rawValue).trim();
    if (!TOKEN.test(name)) throw new TypeError(`createEnviron: invalid header name ${JSON.stringify(name)}`);
    if (FORBIDDEN_IN_VALUE.test(value)) throw new TypeError(`createEnviron: header ${name} holds CR, LF or NUL`);
    // Rule 3.11: servers drop these, so the test environ does too.
    if (name.includes('_')) continue;
    const key = headerKey(name);
    if (key === 'CONTENT_LENGTH' && !/^\d+$/.test(value)) {
      throw new TypeError(`createEnviron: Content-Length ${JSON.stringify(value)} is not decimal digits`);
    }
    if (key === 'HTTP_HOST' && !hostSet) {
      // The Host header given replaces the one derived from the URL.
      environ.HTTP_HOST = value;
      hostSet = true;
      continue;
    }
    const previous = environ[key];
    environ[key] = typeof previous === 'string' ? `${previous}${key === 'HTTP_COOKIE' ? '; ' : ', '}${value}` : value;
  }
}

function addCookies(environ: Environ, cookies: Record<string, string>): void {
  const parts: string[] = [];
  for (const name of Object.keys(cookies)) {
    if (!TOKEN.test(name)) throw new TypeError(`createEnviron: invalid cookie name ${JSON.stringify(name)}`);
    parts.push(`${name}=${encodeURIComponent(String(cookies[name]))}`);
  }
  if (parts.length === 0) return;
  const joined = parts.join('; ');
  environ.HTTP_COOKIE = environ.HTTP_COOKIE ? `${environ.HTTP_COOKIE}; ${joined}` : joined;
}

function addBody(environ: Environ, init: EnvironInit): void {
  let contentType: string | undefined;
  let length: number | undefined;
  let input: AsyncIterable<Uint8Array> | undefined;
  if (init.json !== undefined) {
    const text = JSON.stringify(init.json);
    if (text === undefined) throw new TypeError('createEnviron: json value cannot be serialized');
    const bytes = encoder.encode(text);
    contentType = 'application/json';
    length = bytes.byteLength;
    input = bytesInput(bytes);
  } else if (init.form !== undefined) {
    const form = encodeForm(init.form);
    contentType = form.contentType;
    length = form.length;
    input = form.chunks;
  } else if (init.body !== undefined) {
    ({ length, input } = bodyInput(init.body));
  }
  if (input === undefined) return;
  environ['tsgi.input'] = input;
  if (contentType !== undefined && environ.CONTENT_TYPE === undefined) environ.CONTENT_TYPE = contentType;
  if (length !== undefined && environ.CONTENT_LENGTH === undefined) environ.CONTENT_LENGTH = String(length);
}

function bodyInput(body: RequestBodyInit): { length: number | undefined; input: AsyncIterable<Uint8Array> } {
  if (typeof body === 'string') {
    const bytes = encoder.encode(body);
    return { length: bytes.byteLength, input: bytesInput(bytes) };
  }
  if (body instanceof Uint8Array) return { length: body.byteLength, input: bytesInput(body) };
  if (body instanceof ArrayBuffer) return { length: body.byteLength, input: bytesInput(new Uint8Array(body)) };
  if (typeof Blob !== 'undefined' && body instanceof Blob) {
    return {
      length: body.size,
      input: {
        async *[Symbol.asyncIterator]() {
          if (body.size > 0) yield new Uint8Array(await body.arrayBuffer());
        },
      },
    };
  }
  if (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream) {
    return { length: undefined, input: streamInput(body) };
  }
  if (typeof body === 'object' && body !== null && (Symbol.asyncIterator in body || Symbol.iterator in body)) {
    return { length: undefined, input: chunksInput(body) };
  }
  throw new TypeError('createEnviron: body must be a string, bytes, a Blob, a ReadableStream or an iterable of chunks');
}

const EMPTY = emptyInput();

/** Bytes known now are a body already in memory (spec rule 4.8), as a server gives a small one. */
function bytesInput(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  return bytes.byteLength === 0 ? EMPTY : new BufferedInput([bytes]);
}

function chunksInput(chunks: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>): AsyncIterable<Uint8Array> {
  return {
    async *[Symbol.asyncIterator]() {
      for await (const chunk of chunks) {
        const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
        if (!(bytes instanceof Uint8Array)) throw new TypeError('createEnviron: body chunks must be strings or Uint8Array');
        if (bytes.byteLength > 0) yield bytes;
      }
    },
  };
}

function streamInput(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  return {
    async *[Symbol.asyncIterator]() {
      const reader = stream.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          if (value.byteLength > 0) yield value;
        }
      } finally {
        reader.releaseLock();
      }
    },
  };
}
