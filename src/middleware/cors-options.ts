/**
 * The options of `cors`, checked once when the middleware is built: every mistake that would make
 * browsers refuse (or wrongly allow) requests is a `TypeError` that says why.
 * @module
 */
import type { Environ } from '../gateway.js';
import type { CorsRules } from '../http/cors.js';
import { isToken } from '../http/grammar.js';
import { normalizeOrigin, parseOrigin } from '../http/origin.js';
import { optionsChecker } from '../options.js';

/**
 * Decides whether an origin may read responses. It gets the origin normalised (scheme and host
 * lower-cased, default port dropped; `'null'` for opaque origins) and the request's environ;
 * only `true` allows. Malformed origins are refused without calling it.
 *
 * @example
 * ```ts
 * // Any subdomain of example.com over HTTPS (the dot before it matters):
 * const origins: OriginPredicate = (origin) => /^https:\/\/[a-z0-9-]+\.example\.com$/.test(origin);
 * ```
 */
export type OriginPredicate = (origin: string, environ: Environ) => boolean | Promise<boolean>;

/**
 * Options for `cors`.
 *
 * @example
 * ```ts
 * const options: CorsOptions = { origins: ['https://app.example.com'], credentials: true, maxAge: 600 };
 * ```
 */
export interface CorsOptions {
  /**
   * Who may read responses: `'*'` (anyone, answered with `*`; not with `credentials`), a list of
   * exact origins (`'https://app.example.com'`, `'http://localhost:5173'`; normalised, so
   * `https://App.example.com:443` is the same; a path or trailing slash is an error; `'null'` only
   * when listed), or a function of the normalised origin and the environ. Required: there is no
   * default, so nothing is opened by accident. There is no regular-expression form (an unanchored
   * one matches lookalikes such as `example.com.evil.net`): match patterns in a function.
   */
  origins: '*' | readonly string[] | OriginPredicate;
  /** Allow cookies and HTTP authentication (`Access-Control-Allow-Credentials: true`). Default false. */
  credentials?: boolean;
  /**
   * Methods a preflight allows. Default `['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']`.
   * Compared case-sensitively by browsers (`fetch` upper-cases only DELETE, GET, HEAD, OPTIONS,
   * POST and PUT; it sends `patch` as written).
   */
  methods?: readonly string[];
  /**
   * Request headers a preflight allows: `'reflect'` (default) allows the ones the browser asks for,
   * or a fixed list (`['Content-Type', 'Authorization']`).
   */
  allowHeaders?: readonly string[] | 'reflect';
  /** Response headers, beyond the CORS-safelisted ones, that scripts may read. Default none. */
  exposeHeaders?: readonly string[];
  /**
   * Seconds a browser may cache a preflight answer (`Access-Control-Max-Age`; Chromium caps it at
   * 7200, Firefox at 86400). Default: not sent, so browsers cache for 5 seconds.
   */
  maxAge?: number;
}

/**
 * The checked options: the header rules and the origin test.
 *
 * @example
 * ```ts
 * const { rules, allows } = corsPolicy({ origins: ['https://app.example.com'] });
 * ```
 */
export interface CorsPolicy {
  rules: CorsRules;
  /** Whether `origin` (as sent) may read responses. */
  allows(origin: string, environ: Environ): boolean | Promise<boolean>;
}

const checkOptions = optionsChecker<CorsOptions>('cors', {
  origins: true,
  credentials: true,
  methods: true,
  allowHeaders: true,
  exposeHeaders: true,
  maxAge: true,
});

const DEFAULT_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Checks `cors` options and builds the policy. Throws a `TypeError` for an unknown option, a
 * malformed origin, a method or header that is not a token, a bad `maxAge`, and for `*` (as the
 * origin, or in a list) together with `credentials: true`.
 *
 * @example
 * ```ts
 * corsPolicy({ origins: ['https://app.example.com'], credentials: true }).allows('https://app.example.com', environ); // true
 * corsPolicy({ origins: '*', credentials: true }); // TypeError
 * ```
 */
export function corsPolicy(options: CorsOptions): CorsPolicy {
  checkOptions(options);
  if (options === undefined || options.origins === undefined) {
    throw new TypeError("cors: the origins option is required: '*', a list of origins, or a function of the origin");
  }
  const credentials = options.credentials ?? false;
  if (typeof credentials !== 'boolean') throw new TypeError(`cors: credentials must be true or false, got ${typeof credentials}`);
  const { origins } = options;
  const anyOrigin = origins === '*';
  if (anyOrigin && credentials) {
    throw new TypeError(
      "cors: origins '*' with credentials: true is refused: browsers reject '*' on credentialed requests, and " +
        'echoing every origin instead would let any site read your users\' data; list the origins, or pass a function',
    );
  }
  const rules: CorsRules = {
    anyOrigin,
    credentials,
    methods: tokens(options.methods ?? DEFAULT_METHODS, 'methods', credentials),
    allowHeaders:
      options.allowHeaders === undefined || options.allowHeaders === 'reflect'
        ? 'reflect'
        : tokens(options.allowHeaders, 'allowHeaders', credentials),
    exposeHeaders: tokens(options.exposeHeaders ?? [], 'exposeHeaders', credentials),
    maxAge: maxAge(options.maxAge),
  };
  return { rules, allows: originTest(origins) };
}

function originTest(origins: CorsOptions['origins']): CorsPolicy['allows'] {
  if (origins === '*') return () => true;
  if (typeof origins === 'function') {
    return (origin, environ) => {
      const normalized = normalizeOrigin(origin);
      if (normalized === undefined) return false;
      const verdict: unknown = origins(normalized, environ);
      if (typeof verdict === 'boolean') return verdict;
      // Only a promise of exactly true allows; any other value (a truthy string...) refuses.
      return isThenable(verdict) ? Promise.resolve(verdict).then((value) => value === true) : false;
    };
  }
  if (typeof origins === 'string') {
    throw new TypeError(`cors: origins must be '*', a list or a function; for one origin write origins: [${JSON.stringify(origins)}]`);
  }
  if (!Array.isArray(origins)) throw new TypeError(`cors: origins must be '*', a list or a function, got ${typeof origins}`);
  const allowed = new Set<string>();
  origins.forEach((text: unknown, i) => {
    if (typeof text !== 'string') throw new TypeError(`cors: origins[${i}] must be a string, got ${typeof text}`);
    if (text === '*') throw new TypeError("cors: '*' cannot be listed among origins; write origins: '*' to allow any origin");
    const parsed = parseOrigin(text);
    if (parsed.error !== undefined) throw new TypeError(`cors: origins[${i}] ${JSON.stringify(text)} ${parsed.error}`);
    allowed.add(parsed.origin);
  });
  return (origin) => {
    // Browsers send origins already normalised: the exact lookup is the common case.
    if (allowed.has(origin)) return true;
    const normalized = normalizeOrigin(origin);
    return normalized !== undefined && allowed.has(normalized);
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function tokens(list: readonly string[], name: string, credentials: boolean): string[] {
  if (!Array.isArray(list)) throw new TypeError(`cors: ${name} must be a list of strings`);
  list.forEach((item: unknown, i) => {
    if (typeof item !== 'string' || !isToken(item)) {
      throw new TypeError(`cors: ${name}[${i}] ${JSON.stringify(item)} is not a valid ${name === 'methods' ? 'method' : 'header name'}`);
    }
    if (item === '*' && credentials) {
      throw new TypeError(`cors: '*' in ${name} means "any" only without credentials; with credentials: true list the names`);
    }
  });
  return [...list];
}

function maxAge(value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value < 0) throw new TypeError(`cors: maxAge must be a whole number of seconds (0 or more), got ${value}`);
  return value;
}
