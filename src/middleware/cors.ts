/**
 * `cors`: Cross-Origin Resource Sharing for an app. Preflights are answered here; every other
 * response gets its `Access-Control-*` and `Vary` headers on the way out, its body untouched.
 * @module
 */
import type { App, Body, Environ, HeaderList, StartResponse } from '../gateway.js';
import { corsPreflightHeaders, corsResponseHeaders, corsVary, isCorsPreflight, type CorsRules } from '../http/cors.js';
import { addVary } from '../http/vary.js';
import { corsPolicy, type CorsOptions } from './cors-options.js';

export type { CorsOptions, OriginPredicate } from './cors-options.js';

/**
 * Lets the pages of other origins call this app from the browser, as the Fetch standard's CORS
 * protocol describes.
 *
 * - A preflight (an `OPTIONS` request with `Origin` and `Access-Control-Request-Method`) is
 *   answered here with 204 and the configured `Access-Control-Allow-*` and `Max-Age` headers,
 *   without calling the app; for a refused origin the 204 carries no CORS headers, and the browser
 *   stops there. Any other `OPTIONS` request reaches the app.
 * - Other requests reach the app whatever their origin (CORS decides what a page may read, not
 *   what reaches the server: keep CSRF checks and authorisation). An allowed origin's response gets
 *   `Access-Control-Allow-Origin` (the origin as sent, or `*`), `-Allow-Credentials` and
 *   `-Expose-Headers`; when the app set `Access-Control-Allow-Origin` itself, its CORS headers are
 *   kept as they are.
 * - `Vary: Origin` is merged into the response's `Vary` whenever the answer depends on the origin,
 *   refusals included, so a shared cache never serves one origin's answer to another.
 *
 * Headers are added as the app calls `startResponse`: the body is passed through, unbuffered.
 * Options are checked here: `origins: '*'` with `credentials: true` throws, and so does a listed
 * origin with a path, a trailing slash, a query, user info or a malformed host.
 *
 * @example
 * ```ts
 * const app = cors(api, {
 *   origins: ['https://app.example.com', 'http://localhost:5173'],
 *   credentials: true,
 *   exposeHeaders: ['X-Request-Id'],
 *   maxAge: 600,
 * });
 * ```
 */
export function cors(app: App, options: CorsOptions): App {
  const { rules, allows } = corsPolicy(options);
  // With '*' the headers of a non-preflight answer are the same for every request.
  const constantHeaders = rules.anyOrigin ? corsResponseHeaders(rules, '*') : [];

  return (environ, startResponse) => {
    const origin = header(environ, 'HTTP_ORIGIN');
    const preflight = isCorsPreflight(environ.REQUEST_METHOD, origin, header(environ, 'HTTP_ACCESS_CONTROL_REQUEST_METHOD'));
    if (origin === undefined) return passOn(app, environ, startResponse, constantHeaders, corsVary(rules, false));
    const verdict = allows(origin, environ);
    const answer = (allowed: boolean): Body | Promise<Body> => {
      if (preflight) return answerPreflight(rules, environ, startResponse, allowed ? origin : undefined);
      const headers = allowed ? corsResponseHeaders(rules, origin) : [];
      return passOn(app, environ, startResponse, headers, corsVary(rules, false));
    };
    return typeof verdict === 'boolean' ? answer(verdict) : verdict.then(answer);
  };
}

/** The preflight answer: 204, with the CORS headers when the origin is allowed. */
function answerPreflight(rules: CorsRules, environ: Environ, startResponse: StartResponse, origin: string | undefined): Body {
  const headers = origin === undefined ? [] : corsPreflightHeaders(rules, origin, header(environ, 'HTTP_ACCESS_CONTROL_REQUEST_HEADERS'));
  startResponse('204 No Content', addVary(headers, corsVary(rules, true)));
  return [];
}

/** Calls the app, adding `cors` (unless it set its own) and `vary` to whatever headers it starts with. */
function passOn(app: App, environ: Environ, startResponse: StartResponse, cors: HeaderList, vary: string[]): Body | Promise<Body> {
  if (cors.length === 0 && vary.length === 0) return app(environ, startResponse);
  return app(environ, (status, headers, error) => {
    const own = headers.some(([name]) => name.toLowerCase() === 'access-control-allow-origin');
    startResponse(status, addVary(own ? headers : [...headers, ...cors], vary), error);
  });
}

function header(environ: Environ, key: string): string | undefined {
  const value = environ[key];
  return typeof value === 'string' ? value : undefined;
}
