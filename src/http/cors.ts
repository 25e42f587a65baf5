/**
 * CORS header rules (the Fetch standard's CORS protocol), as pure functions: what makes a request a
 * preflight, how `Access-Control-Request-Headers` is read, and which `Access-Control-*` and `Vary`
 * headers answer a request once its origin has been judged. The `cors` middleware applies them.
 * @module
 */
import { isToken, splitList } from './grammar.js';

/**
 * How a CORS answer is built, once the origin is judged. `cors(app, options)` checks the options
 * and fills this in; build one yourself only to use the functions below without the middleware.
 *
 * @example
 * ```ts
 * const rules: CorsRules = {
 *   anyOrigin: false, credentials: true, methods: ['GET', 'PUT'],
 *   allowHeaders: 'reflect', exposeHeaders: [], maxAge: 600,
 * };
 * ```
 */
export interface CorsRules {
  /** Any origin is allowed and answered with `Access-Control-Allow-Origin: *` (never with credentials). */
  anyOrigin: boolean;
  /** Send `Access-Control-Allow-Credentials: true`. */
  credentials: boolean;
  /** `Access-Control-Allow-Methods` of a preflight answer (none sent when empty). */
  methods: readonly string[];
  /** `Access-Control-Allow-Headers` of a preflight answer: a fixed list, or `'reflect'` the request's. */
  allowHeaders: readonly string[] | 'reflect';
  /** `Access-Control-Expose-Headers` of other answers (none sent when empty). */
  exposeHeaders: readonly string[];
  /** `Access-Control-Max-Age` of a preflight answer, in seconds; none sent when undefined. */
  maxAge: number | undefined;
}

/**
 * At most this many names are read from `Access-Control-Request-Headers`; more make the list
 * unusable.
 *
 * @example
 * ```ts
 * parseAccessControlRequestHeaders(Array(CORS_MAX_REQUEST_HEADER_NAMES + 1).fill('x-a').join(',')); // null
 * ```
 */
export const CORS_MAX_REQUEST_HEADER_NAMES = 100;
/**
 * A longer `Access-Control-Request-Headers` is not read at all (real ones are well under 1 KiB).
 *
 * @example
 * ```ts
 * parseAccessControlRequestHeaders('a'.repeat(CORS_MAX_REQUEST_HEADERS_LENGTH + 1)); // null
 * ```
 */
export const CORS_MAX_REQUEST_HEADERS_LENGTH = 8192;

/**
 * True for a CORS preflight: an `OPTIONS` request with both `Origin` and
 * `Access-Control-Request-Method`. Any other `OPTIONS` request is the app's to answer.
 *
 * @example
 * ```ts
 * isCorsPreflight('OPTIONS', 'https://app.example', 'PUT'); // true
 * isCorsPreflight('OPTIONS', 'https://app.example', undefined); // false: a plain OPTIONS
 * ```
 */
export function isCorsPreflight(method: string, origin: string | undefined, requestMethod: string | undefined): boolean {
  return method === 'OPTIONS' && origin !== undefined && requestMethod !== undefined && requestMethod !== '';
}

/**
 * Reads `Access-Control-Request-Headers` (browsers send lower-cased names joined by commas) into
 * lower-cased, de-duplicated header names. `[]` when absent or empty; `null` when it cannot be
 * trusted: an item that is not a header name, more than {@link CORS_MAX_REQUEST_HEADER_NAMES} names, or
 * over {@link CORS_MAX_REQUEST_HEADERS_LENGTH} characters. One pass, stopping at the cap, so the cost is
 * linear in the header and bounded.
 *
 * @example
 * ```ts
 * parseAccessControlRequestHeaders('content-type,x-api-key'); // ['content-type', 'x-api-key']
 * parseAccessControlRequestHeaders('x-a, bad name'); // null
 * ```
 */
export function parseAccessControlRequestHeaders(value: string | null | undefined): string[] | null {
  if (value === undefined || value === null) return [];
  if (value.length > CORS_MAX_REQUEST_HEADERS_LENGTH) return null;
  // One item past the cap tells a list that is too long from one that is exactly long enough.
  const items = splitList(value, CORS_MAX_REQUEST_HEADER_NAMES + 1);
  if (items.length > CORS_MAX_REQUEST_HEADER_NAMES) return null;
  const names = new Set<string>();
  for (const item of items) {
    if (!isToken(item)) return null;
    names.add(item.toLowerCase());
  }
  return [...names];
}

/**
 * The names a CORS answer adds to `Vary`. With a list of origins every answer depends on `Origin`
 * (refusals included); with `*` only preflight answers do, since `Origin` decides whether an
 * `OPTIONS` request is a preflight. A preflight answer also varies on
 * `Access-Control-Request-Method`, and on `Access-Control-Request-Headers` when those are reflected.
 *
 * @example
 * ```ts
 * corsVary(rules, false); // ['Origin'] for a list of origins, [] for '*'
 * ```
 */
export function corsVary(rules: CorsRules, preflight: boolean): string[] {
  if (!preflight) return rules.anyOrigin ? [] : ['Origin'];
  const names = ['Origin', 'Access-Control-Request-Method'];
  if (rules.allowHeaders === 'reflect') names.push('Access-Control-Request-Headers');
  return names;
}

/**
 * The CORS headers of an answer that is not a preflight, for an allowed `origin` (the request's
 * `Origin` exactly as sent: browsers compare it byte for byte). `Vary` is not included: see
 * {@link corsVary}.
 *
 * @example
 * ```ts
 * corsResponseHeaders({ ...rules, credentials: true }, 'https://app.example');
 * // [['Access-Control-Allow-Origin', 'https://app.example'], ['Access-Control-Allow-Credentials', 'true']]
 * ```
 */
export function corsResponseHeaders(rules: CorsRules, origin: string): Array<[string, string]> {
  const headers = allowOrigin(rules, origin);
  if (rules.exposeHeaders.length > 0) headers.push(['Access-Control-Expose-Headers', rules.exposeHeaders.join(', ')]);
  return headers;
}

/**
 * The headers of a preflight answer for an allowed `origin`: Allow-Origin, Allow-Credentials,
 * Allow-Methods, Allow-Headers (the fixed list, or the requested names when reflecting; none when
 * the request's list is unusable, so the browser refuses) and Max-Age, as configured. `Vary` is
 * not included: see {@link corsVary}.
 *
 * @example
 * ```ts
 * corsPreflightHeaders(rules, 'https://app.example', 'x-api-key');
 * ```
 */
export function corsPreflightHeaders(
  rules: CorsRules,
  origin: string,
  requestHeaders: string | undefined,
): Array<[string, string]> {
  const headers = allowOrigin(rules, origin);
  if (rules.methods.length > 0) headers.push(['Access-Control-Allow-Methods', rules.methods.join(', ')]);
  const allowed = rules.allowHeaders === 'reflect' ? parseAccessControlRequestHeaders(requestHeaders) : rules.allowHeaders;
  if (allowed !== null && allowed.length > 0) headers.push(['Access-Control-Allow-Headers', allowed.join(', ')]);
  if (rules.maxAge !== undefined) headers.push(['Access-Control-Max-Age', String(rules.maxAge)]);
  return headers;
}

function allowOrigin(rules: CorsRules, origin: string): Array<[string, string]> {
  const headers: Array<[string, string]> = [['Access-Control-Allow-Origin', rules.anyOrigin ? '*' : origin]];
  if (rules.credentials) headers.push(['Access-Control-Allow-Credentials', 'true']);
  return headers;
}
