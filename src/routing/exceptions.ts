/**
 * Routing outcomes that are not a plain match: a 308 redirect to the canonical URL, a websocket
 * mismatch (400), a URL that cannot be built, a rule that duplicates another.
 * @module
 */
import { Headers } from '../datastructures/headers.js';
import { BadRequest, HTTPException, type HTTPExceptionOptions } from '../errors.js';
import type { Environ } from '../gateway.js';
import { redirect } from '../response/redirect.js';
import type { Response } from '../response/response.js';

/**
 * Makes an error without capturing a stack trace: routing outcomes are answers, not bugs, and the
 * capture costs many times a whole match.
 * @internal
 */
export function withoutStack<T>(make: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * The redirect statuses a `RequestRedirect` may carry.
 *
 * @example
 * ```ts
 * const code: RedirectCode = 307;
 * ```
 */
export type RedirectCode = 301 | 302 | 303 | 307 | 308;

/**
 * The request should go to another URL: a branch `/foo/` asked as `/foo` (strict slashes), a path
 * with doubled slashes, an alias, a rule's defaults or its `redirectTo`. A `308 Permanent Redirect`
 * (method and body kept) whose response is the redirect, query string included.
 *
 * @example
 * ```ts
 * try { urls.match('/docs'); } catch (e) { if (e instanceof RequestRedirect) e.newUrl; } // 'http://example.org/docs/'
 * ```
 */
export class RequestRedirect extends HTTPException {
  /** The absolute URL to go to. */
  readonly newUrl: string;

  constructor(newUrl: string, code: RedirectCode = 308, options: HTTPExceptionOptions = {}) {
    super(code, `Redirecting to ${newUrl}`, options);
    this.newUrl = newUrl;
  }

  /** The redirect itself (`Location` and a short HTML body), not an error page. */
  override getResponse(_environ?: Environ): Response {
    const res = redirect(this.newUrl, this.code);
    if (this.headers !== undefined) for (const [name, value] of new Headers(this.headers)) res.headers.append(name, value);
    return res;
  }
}

/**
 * 400: the only rules for this path are websocket rules and the request is plain HTTP, or the
 * other way round.
 *
 * @example
 * ```ts
 * new RuleMap([new Rule('/ws', { endpoint: 'ws', websocket: true })]).bind('example.org').match('/ws'); // throws WebsocketMismatch
 * ```
 */
export class WebsocketMismatch extends BadRequest {
  constructor(description = 'The URL is for WebSocket requests only, or for HTTP requests only.', options?: HTTPExceptionOptions) {
    super(description, options);
  }
}

/**
 * What a `BuildError` knows of the rule most like the one asked for (the rule itself).
 *
 * @example
 * ```ts
 * error.suggested?.endpoint; // 'todo'
 * ```
 */
export interface BuildSuggestion {
  readonly endpoint: string | undefined;
  readonly methods: readonly string[] | undefined;
  readonly arguments: ReadonlySet<string>;
}

/**
 * No rule of the endpoint can be built with these values (and method). The message says which
 * endpoint was meant when the name is misspelt, or which values are missing.
 *
 * @example
 * ```ts
 * urls.build('todos', {}); // BuildError: Could not build url for endpoint 'todos'. Did you mean 'todo' instead?
 * ```
 */
export class BuildError extends Error {
  readonly endpoint: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly method: string | undefined;
  /** The rule closest to what was asked, if the map has rules. */
  readonly suggested: BuildSuggestion | undefined;
  /** A value that rule's converter refused (`toUrl` threw a `ValidationError`), and its reason. */
  readonly refused: { readonly name: string; readonly reason: string } | undefined;

  constructor(
    endpoint: string,
    values: Readonly<Record<string, unknown>>,
    method: string | undefined,
    suggested?: BuildSuggestion,
    refused?: { readonly name: string; readonly reason: string },
  ) {
    super(buildErrorMessage(endpoint, values, method, suggested) + (refused === undefined ? '' : ` The value of ${quote(refused.name)} was refused: ${refused.reason}.`));
    this.name = 'BuildError';
    this.endpoint = endpoint;
    this.values = values;
    this.method = method;
    this.suggested = suggested;
    this.refused = refused;
  }
}

function buildErrorMessage(endpoint: string, values: Readonly<Record<string, unknown>>, method: string | undefined, suggested: BuildSuggestion | undefined): string {
  const keys = Object.keys(values).sort();
  let message = `Could not build url for endpoint ${quote(endpoint)}`;
  if (method) message += ` (${quote(method)})`;
  if (keys.length) message += ` with values [${keys.map(quote).join(', ')}]`;
  message += '.';
  if (suggested === undefined) return message;
  if (suggested.endpoint !== endpoint) return `${message} Did you mean ${quote(String(suggested.endpoint))} instead?`;
  if (method && suggested.methods !== undefined && !suggested.methods.includes(method)) {
    message += ` Did you mean to use methods [${[...suggested.methods].sort().map(quote).join(', ')}]?`;
  }
  const missing = [...suggested.arguments].filter((name) => !(name in values)).sort();
  if (missing.length) message += ` Did you forget to specify values [${missing.map(quote).join(', ')}]?`;
  return message;
}

function quote(text: string): string {
  return `'${text}'`;
}

/**
 * A rule matches exactly like one already in the map (same parts, same websocket flag, methods
 * that overlap beyond HEAD and OPTIONS): the second could never match, so adding it is an error.
 *
 * @example
 * ```ts
 * new RuleMap([new Rule('/a', { endpoint: 'a' }), new Rule('/a', { endpoint: 'b' })]); // throws DuplicateRuleError
 * ```
 */
export class DuplicateRuleError extends Error {
  readonly existing: unknown;
  readonly rule: unknown;

  constructor(existing: { toString(): string }, rule: { toString(): string }) {
    super(`${String(rule)} duplicates ${String(existing)}: it could never match`);
    this.name = 'DuplicateRuleError';
    this.existing = existing;
    this.rule = rule;
  }
}
