/**
 * `MapAdapter`: a `RuleMap` bound to one host (and script name, scheme, subdomain, request):
 * `match` a path to its rule and params, `build` an endpoint's URL, list `allowedMethods`.
 * Binding stores a few strings, so it is cheap to do per request.
 * @module
 */
import { BadRequest, HTTPException, MethodNotAllowed } from '../errors.js';
import type { Environ } from '../gateway.js';
import { buildValues, closestRule, givenValues, partialBuild, refusedValue } from './build-url.js';
import { setRouting } from './environ-routing.js';
import { BuildError, RequestRedirect } from './exceptions.js';
import { lookup } from './lookup.js';
import type { ConverterTable, RuleMap } from './map.js';
import { methodBit, OTHER_METHOD } from './methods.js';
import type { QueryArgs, RedirectContext } from './redirects.js';
import type { AnyRule, UrlBuilder } from './rule.js';
import type { BuildArgs, BuildOptions, EndpointOf, MatchResult } from './rule-types.js';
import type { ConverterTypes } from './types.js';

/** At most this many endpoints' plain URLs are remembered per adapter. */
const PLAIN_URLS = 512;

/**
 * Options of `bind`.
 *
 * @example
 * ```ts
 * map.bind('example.org', { scriptName: '/app', urlScheme: 'https', subdomain: 'api' });
 * ```
 */
export interface BindOptions {
  /** Where the application is mounted; URLs are built under it. Default `/`. */
  scriptName?: string;
  /** The request's subdomain (subdomain matching); the map's default otherwise. */
  subdomain?: string;
  /** `http`, `https`, or `ws`/`wss` for a WebSocket request. Default `http`. */
  urlScheme?: string;
  /** The method `match` uses when given none, and `build` tries first. Default `GET`. */
  defaultMethod?: string;
  /** The path `match()` uses when given none. Default `/`. */
  pathInfo?: string;
  /** Kept on redirects. */
  queryArgs?: QueryArgs;
}

/**
 * Options of `match`.
 *
 * @example
 * ```ts
 * urls.match('/chat', 'GET', { websocket: true });
 * ```
 */
export interface MatchOptions {
  /** Match WebSocket rules instead of HTTP ones (default: from the bound scheme). */
  websocket?: boolean;
  /** The query string to keep on redirects (default: the bound one). */
  queryArgs?: QueryArgs;
}

/**
 * A `RuleMap` bound to a host and request (Werkzeug's `MapAdapter`).
 *
 * @example
 * ```ts
 * const urls = map.bind('example.org');
 * const { endpoint, params } = urls.match('/todos/3', 'PUT');
 * urls.build('todo', { id: 4 }); // '/todos/4'
 * ```
 */
export class MapAdapter<R extends AnyRule = AnyRule, CT extends ConverterTable = {}> implements RedirectContext {
  readonly map: RuleMap<AnyRule, CT>;
  readonly serverName: string;
  readonly scriptName: string;
  readonly subdomain: string;
  readonly urlScheme: string;
  readonly pathInfo: string;
  readonly defaultMethod: string;
  readonly queryArgs: QueryArgs | undefined;
  readonly websocket: boolean;
  /** What the first part of every rule is matched against: subdomain, host, or nothing. */
  readonly #domain: string;
  readonly #record: Environ | undefined;
  /** URLs built with no values and no options, by endpoint, for the map's `version`. */
  readonly #plainUrls = new Map<string, string>();
  #plainUrlsVersion = -1;
  /** The script name without its trailing slash: built paths go after it. */
  readonly #scriptRoot: string;

  constructor(map: RuleMap<AnyRule, CT>, serverName: string, options: BindOptions = {}, record?: Environ) {
    if (map.hostMatching && options.subdomain !== undefined) throw new TypeError("'subdomain' cannot be given when host matching is on");
    this.map = map;
    this.serverName = idnaServerName(serverName);
    const script = options.scriptName || '/';
    this.scriptName = script.endsWith('/') ? script : `${script}/`;
    this.#scriptRoot = this.scriptName.slice(0, -1);
    this.subdomain = map.hostMatching ? '' : (options.subdomain ?? map.defaultSubdomain);
    this.urlScheme = options.urlScheme ?? 'http';
    this.pathInfo = options.pathInfo ?? '/';
    this.defaultMethod = options.defaultMethod ?? 'GET';
    this.queryArgs = options.queryArgs;
    this.websocket = this.urlScheme === 'ws' || this.urlScheme === 'wss';
    this.#domain = map.subdomainMatching ? this.subdomain : map.hostMatching ? this.serverName : '';
    this.#record = record;
  }

  /** @internal */
  get redirectDefaults(): boolean {
    return this.map.redirectDefaults;
  }

  /**
   * The rule for a path (the bound one by default) and method: `{ endpoint, params, rule }`.
   * Throws `NotFound`, `MethodNotAllowed` (with `Allow`), `RequestRedirect` (308: slashes,
   * aliases, defaults, `redirectTo`) or `WebsocketMismatch` (400), each usable as a response.
   *
   * @example
   * ```ts
   * const { endpoint, params } = urls.match('/todos/3', 'GET'); // 'todo', { id: 3 }
   * ```
   */
  match(path?: string, method?: string, options?: MatchOptions): MatchResult<R, ConverterTypes<CT>> {
    const outcome = this.tryMatch(path, method, options);
    if (outcome instanceof HTTPException) throw outcome;
    return outcome;
  }

  /**
   * `match` without throwing: the result, or the `HTTPException` that `match` would throw (a
   * throw costs more than the match itself, so a router answering many 404s uses this). The
   * `NotFound`, `MethodNotAllowed` and `WebsocketMismatch` of a miss are shared objects made without
   * a stack trace; answer them, do not change them.
   *
   * @example
   * ```ts
   * const outcome = urls.tryMatch('/nope');
   * if (outcome instanceof HTTPException) return outcome.getResponse(environ);
   * ```
   */
  tryMatch(path?: string, method?: string, options?: MatchOptions): MatchResult<R, ConverterTypes<CT>> | HTTPException {
    const record = path === undefined ? this.#record : undefined;
    const found = this.#lookup(path ?? this.pathInfo, method ?? this.defaultMethod, options?.websocket ?? this.websocket, options?.queryArgs);
    // The instanceof test only when recording: a router checks the outcome itself, and on every
    // hit the test cost about a tenth of a whole static match (measured).
    if (record !== undefined && !(found instanceof HTTPException)) setRouting(record, found);
    return found;
  }

  /**
   * @internal What a router matches: this request's path, method and query string on an adapter
   * it may have bound for an earlier request of the same host, scheme, script name and method.
   */
  matchRequest(path: string, method: string, query: QueryArgs): MatchResult<R, ConverterTypes<CT>> | HTTPException {
    return this.#lookup(path, method, this.websocket, query);
  }

  #lookup(path: string, method: string, websocket: boolean, query: QueryArgs | undefined): MatchResult<R, ConverterTypes<CT>> | HTTPException {
    // GET tested inline: methodBit's switch is too big to inline with the rest of the match.
    let bit = method === 'GET' ? 1 : methodBit(method);
    if (bit === OTHER_METHOD) bit = methodBit((method = method.toUpperCase()));
    // Werkzeug routes '/' + path.lstrip('/'): leading slashes collapse without a redirect.
    // Lengths checked first: a charCodeAt past the end (for '/') makes V8 call the builtin from then on.
    if (path.length !== 0 && (path.charCodeAt(0) !== 47 || (path.length > 1 && path.charCodeAt(1) === 47))) path = `/${path.replace(/^\/+/, '')}`;
    const found = lookup(this.map, this, this as unknown as UrlBuilder, this.#domain, path, method, bit, websocket, query);
    return found as MatchResult<R, ConverterTypes<CT>> | HTTPException;
  }

  /**
   * True when the path matches (a redirect counts), false for a 404, 405 or 400.
   *
   * @example
   * ```ts
   * urls.test('/todos/3'); // true
   * ```
   */
  test(path?: string, method?: string): boolean {
    const outcome = this.tryMatch(path, method);
    return !(outcome instanceof HTTPException) || outcome instanceof RequestRedirect;
  }

  /**
   * The methods rules allow for a path, sorted (empty when nothing matches, or when a rule there
   * takes every method), for an `Allow` header or an automatic OPTIONS answer.
   *
   * @example
   * ```ts
   * urls.allowedMethods('/todos/3'); // ['GET', 'HEAD', 'PUT']
   * ```
   */
  allowedMethods(path?: string): string[] {
    // No rule with a method list accepts the empty method: every one of them is collected.
    const outcome = this.tryMatch(path, '');
    return outcome instanceof MethodNotAllowed ? [...outcome.validMethods] : [];
  }

  /**
   * The URL of an endpoint: values fill the variables (through their converters), the others go to
   * the query string. Relative unless the rule's host differs from the bound one or `external` is
   * set; websocket rules are always absolute `ws(s)://`. A `BuildError` when no rule fits.
   *
   * @example
   * ```ts
   * urls.build('todo', { id: 3, page: 2 }); // '/todos/3?page=2'
   * ```
   */
  build<E extends EndpointOf<R>>(endpoint: E, ...args: BuildArgs<R, E, ConverterTypes<CT>>): string;
  build(endpoint: string, rawValues?: unknown, options?: BuildOptions): string {
    // An endpoint built with no values and no options gives the same URL until a rule is added:
    // remembered, it costs a Map look-up (a link to a static page is the commonest build). Not with
    // custom converters, whose toUrl may not be pure.
    const map = this.map;
    if (rawValues === undefined && options === undefined && !map.runsUserCode) {
      if (this.#plainUrlsVersion !== map.version) {
        this.#plainUrls.clear();
        this.#plainUrlsVersion = map.version;
      }
      let url = this.#plainUrls.get(endpoint);
      if (url === undefined) {
        url = this.#build(endpoint, undefined, undefined);
        if (this.#plainUrls.size < PLAIN_URLS) this.#plainUrls.set(endpoint, url);
      }
      return url;
    }
    return this.#build(endpoint, rawValues, options);
  }

  #build(endpoint: string, rawValues: unknown, options: BuildOptions | undefined): string {
    const map = this.map;
    map.prepare();
    const values = buildValues(rawValues);
    const method = options?.method;
    const built = partialBuild(this, map.rulesFor(endpoint), map.hostMatching, values, method, options?.appendUnknown ?? true);
    if (built === undefined) {
      const given = givenValues(values);
      const closest = closestRule(map.rules, endpoint, given, method);
      const refused = closest !== undefined && closest.endpoint === endpoint ? refusedValue(closest, values) : undefined;
      throw new BuildError(endpoint, given, method, closest, refused);
    }
    const domain = built.domain;
    // One leading slash (a rule kept '//' with mergeSlashes off): '//x' would name a host.
    const path = built.slashes && built.path.charCodeAt(1) === 47 ? `/${built.path.replace(/^\/+/, '')}` : built.path;
    let external = options?.external ?? false;
    let scheme = options?.urlScheme ?? this.urlScheme;
    const secure = scheme === 'https' || scheme === 'wss';
    if (built.websocket) {
      external = true;
      scheme = secure ? 'wss' : 'ws';
    } else if (scheme) {
      scheme = secure ? 'https' : 'http';
    }
    // The builder's path starts with its one '/': the script root goes in front.
    if (!external && (map.subdomainMatching ? domain === this.subdomain : !map.hostMatching || domain === this.serverName)) {
      return this.#scriptRoot + path;
    }
    return `${scheme ? `${scheme}:` : ''}//${this.getHost(domain)}${this.#scriptRoot}${path}`;
  }

  /**
   * The full host of a domain part: the subdomain joined to the server name, or under host
   * matching the host itself; the bound one when omitted.
   *
   * @example
   * ```ts
   * map.bind('example.org').getHost('api'); // 'api.example.org'
   * ```
   */
  getHost(domainPart?: string): string {
    if (this.map.hostMatching) return domainPart ?? this.serverName;
    const subdomain = domainPart ?? this.subdomain;
    return subdomain ? `${subdomain}.${this.serverName}` : this.serverName;
  }

  /** @internal */
  encodeQuery(pairs: Array<[string, string]>): string {
    return this.map.encodeQuery(pairs);
  }
}

// The last server name converted and its form: binding per request sees the same one each time.
let lastName = '';
let lastIdna = '';

// Lower case; a non-ASCII name in its IDNA form (the port is not part of it).
function idnaServerName(serverName: string): string {
  if (serverName === lastName) return lastIdna;
  const idna = toIdna(serverName);
  lastName = serverName;
  lastIdna = idna;
  return idna;
}

function toIdna(serverName: string): string {
  const lower = serverName.toLowerCase();
  if (!/[^\x00-\x7f]/.test(lower)) return lower;
  const colon = lower.lastIndexOf(':');
  const hasPort = colon !== -1 && !lower.slice(colon).includes(']');
  const name = hasPort ? lower.slice(0, colon) : lower;
  try {
    const ascii = new URL(`http://${name}/`).hostname;
    return hasPort ? `${ascii}${lower.slice(colon)}` : ascii;
  } catch (error) {
    throw new BadRequest(`Invalid host name: ${JSON.stringify(serverName.slice(0, 100))}.`, { cause: error });
  }
}
