/**
 * The request line and URL properties of a `Request`: method, scheme, host (checked against
 * `trustedHosts`), paths, URLs and the query, each computed from the environ on first read.
 * @module
 */
import type { Environ } from '../gateway.js';
import { MultiDict } from '../datastructures/multidict.js';
import { BadRequest } from '../errors.js';
import { iriToUri, quotePath } from '../http/url.js';
import { RequestHeaderAccessors } from './header-accessors.js';
import { isTrustedHost, requestHost } from './host.js';
import { checkQueryLength, parseFlatQuery, parseNestedQuery, type NestedQueryLimits } from './query.js';

/**
 * The URL properties `Request` inherits (after the header ones). Not used on its own.
 */
export abstract class RequestUrlAccessors extends RequestHeaderAccessors {
  /** Most characters in the query string (414 beyond). Default 16 KiB. */
  declare maxQueryLength: number;
  /** Limits for the nested `query` parser. */
  declare queryLimits: NestedQueryLimits;
  /** Host names accepted in `host` (`.example.com` matches subdomains); `null` accepts all. */
  declare trustedHosts: readonly string[] | null;

  #method: string | undefined;
  #host: string | undefined;
  #args: MultiDict<string> | undefined;
  #query: Record<string, unknown> | undefined;

  constructor(environ: Environ) {
    super(environ);
  }

  // ---- request line and URL -------------------------------------------------------------

  /** The method, upper-cased (`GET`). */
  get method(): string {
    return (this.#method ??= upperCaseMethod(this.environ.REQUEST_METHOD));
  }

  /** The URL scheme (`http` or `https`), as the server or `proxyFix` set it. */
  get scheme(): string {
    return this.environ['tsgi.url_scheme'];
  }

  /** True for `https` (and `wss`). */
  get isSecure(): boolean {
    const scheme = this.scheme;
    return scheme === 'https' || scheme === 'wss';
  }

  /** Host and port without the scheme's default port; a 400 when malformed or not trusted. */
  get host(): string {
    if (this.#host === undefined) {
      const host = requestHost(this.environ);
      if (this.trustedHosts && !isTrustedHost(host, this.trustedHosts)) {
        throw new BadRequest(`Host ${JSON.stringify(host)} is not trusted.`);
      }
      this.#host = host;
    }
    return this.#host;
  }

  /** The path inside the app, decoded, always starting with `/`. */
  get path(): string {
    const info = this.environ.PATH_INFO;
    return info.charCodeAt(0) === 47 && info.charCodeAt(1) !== 47 ? info : `/${info.replace(/^\/+/, '')}`;
  }

  /** Where the app is mounted (`SCRIPT_NAME`), decoded, without a trailing slash. */
  get rootPath(): string {
    return this.environ.SCRIPT_NAME.replace(/\/+$/, '');
  }

  /** The path and the query string: `/search?q=x` (the `?` is always there, as in Werkzeug). */
  get fullPath(): string {
    return `${this.path}?${this.queryString}`;
  }

  /** The raw query string, without `?`. */
  get queryString(): string {
    return this.environ.QUERY_STRING ?? '';
  }

  /** The host URL: `https://example.com/`. */
  get hostUrl(): string {
    return `${this.scheme}://${this.host}/`;
  }

  /** The app's root URL: host URL plus the quoted `rootPath` and a slash. */
  get rootUrl(): string {
    return `${this.scheme}://${this.host}${quotePath(this.rootPath)}/`;
  }

  /** The full URL without the query string, quoted as a URI. */
  get baseUrl(): string {
    return `${this.scheme}://${this.host}${quotePath(this.rootPath + this.path)}`;
  }

  /** The full URL with the query string, quoted as a URI. */
  get url(): string {
    const query = this.queryString;
    return query ? `${this.baseUrl}?${iriToUri(query)}` : this.baseUrl;
  }

  /** The query arguments, flat: order, repeats and blank values kept. 414 past `maxQueryLength`. */
  get args(): MultiDict<string> {
    if (this.#args === undefined) {
      const query = this.queryString;
      checkQueryLength(query, this.maxQueryLength);
      this.#args = parseFlatQuery(query);
    }
    return this.#args;
  }

  /** The query parsed into nested objects with `qs` (`a[b]=1`), under `queryLimits`. */
  get query(): Record<string, unknown> {
    if (this.#query === undefined) {
      const query = this.queryString;
      checkQueryLength(query, this.maxQueryLength);
      this.#query = parseNestedQuery(query, this.queryLimits);
    }
    return this.#query;
  }
}

/**
 * The method upper-cased. Servers hand over methods already upper-case (Node's parser accepts
 * nothing else), so this only checks; `toUpperCase` goes through ICU and costs more than the check.
 */
function upperCaseMethod(method: string): string {
  for (let i = 0; i < method.length; i++) {
    const code = method.charCodeAt(i);
    if (code >= 97 && code <= 122) return method.toUpperCase();
  }
  return method;
}
