/**
 * `Rule`: one URL pattern and what it leads to, typed from its path (`new Rule('/todos/<int:id>')`
 * has `params: { id: number }` once matched). A rule is compiled when it is added to a map.
 * @module
 */
import type { SegmentConverter } from './converter.js';
import { compilePattern, INHERITED, type CompiledPattern, type RulePart } from './compile.js';
import { compileMethods, type MethodMatch } from './methods.js';
import { RuleBuilder } from './rule-build.js';

/**
 * Where a `redirectTo` rule sends the request: a rule-style string (`'/new/<id>'`, joined to the
 * script root; a relative one to the script root too), or a function of the bound map and params.
 *
 * @example
 * ```ts
 * new Rule('/old/<int:id>', { redirectTo: (urls, { id }) => urls.build('item', { id }) });
 * ```
 */
export type RedirectTarget = string | ((urls: UrlBuilder, params: Record<string, unknown>) => string);

/**
 * The bound map as a `redirectTo` function sees it: `build` without the map's types.
 *
 * @example
 * ```ts
 * const target = (urls: UrlBuilder) => urls.build('index');
 * ```
 */
export interface UrlBuilder {
  build(endpoint: string, values?: Record<string, unknown>, options?: { method?: string; external?: boolean; appendUnknown?: boolean }): string;
}

/**
 * Options of a rule (all optional; `strictSlashes` and `mergeSlashes` default to the map's).
 *
 * @example
 * ```ts
 * new Rule('/todos/<int:id>', { endpoint: 'todo', methods: ['GET', 'PUT'] });
 * ```
 */
export interface RuleOptions<E extends string | undefined = string | undefined, D extends string = string, Df = Readonly<Record<string, unknown>>> {
  /** The name `match` returns and `build` takes. */
  endpoint?: E;
  /** Upper-cased; GET adds HEAD. Omitted: every method. */
  methods?: readonly string[];
  /** Values merged into the params; they also make this rule the canonical URL of its endpoint. */
  defaults?: Df;
  /** The subdomain pattern (`'<user>'`) under subdomain matching; the map's default otherwise. */
  subdomain?: D;
  /** The whole-host pattern (`'<user>.example.com'`) under host matching. */
  host?: D;
  /** A branch (`/foo/`) asked without its slash redirects; a leaf asked with one is a 404. */
  strictSlashes?: boolean;
  /** `//a///b` redirects to `/a/b`; building merges too. */
  mergeSlashes?: boolean;
  /** Never matched, only built (static files served elsewhere). */
  buildOnly?: boolean;
  /** Matching this rule redirects (308) there. */
  redirectTo?: RedirectTarget;
  /** Matching this rule redirects to the canonical rule of its endpoint. */
  alias?: boolean;
  /** Matches WebSocket upgrade requests only (methods GET, HEAD, OPTIONS). */
  websocket?: boolean;
}

/**
 * What a rule reads from the map it is added to (a `RuleMap` is one); factories receive it.
 *
 * @example
 * ```ts
 * const factory: RuleFactory = { *getRules(map: RuleContext) { if (map.strictSlashes) yield new Rule('/docs/'); } };
 * ```
 */
export interface RuleContext {
  readonly strictSlashes: boolean;
  readonly mergeSlashes: boolean;
  readonly defaultSubdomain: string;
  readonly subdomainMatching: boolean;
  readonly hostMatching: boolean;
  /** The converter of `<name(args):...>`; a `ReferenceError` for an unknown name. */
  converter(name: string, args: string | undefined): SegmentConverter;
  /** Sort the query parameters of built URLs (a truthy value). */
  readonly sortParameters: unknown;
  /** Encodes values that are not variables as a query string. */
  encodeQuery(pairs: Array<[string, string]>): string;
}

/**
 * Something that gives rules to a map: a `Rule` gives itself; `Submount`, `Subdomain`,
 * `EndpointPrefix` and templates give copies of theirs.
 *
 * @example
 * ```ts
 * const api: RuleFactory = { *getRules() { yield new Rule('/ping', { endpoint: 'ping' }); } };
 * ```
 */
export interface RuleFactory<R extends AnyRule = AnyRule> {
  getRules(map: RuleContext): Iterable<R>;
}

/**
 * A rule compiled for a map.
 * @internal
 */
export interface CompiledRule {
  readonly domain: RulePart;
  readonly parts: readonly RulePart[];
  readonly converters: ReadonlyMap<string, SegmentConverter>;
  /** Variable names in match order (domain first). */
  readonly names: readonly string[];
  readonly builder: RuleBuilder;
  /** Rules of the same endpoint that are this one's canonical form (set when the map is prepared). */
  providers: readonly AnyRule[];
  /** A match may end in a redirect: alias, `redirectTo`, or canonical rules (set when prepared). */
  redirects: boolean;
}

/**
 * A rule as its map compiled it. The URL builder is made on the rule's first build: most rules of
 * a big map are never built, and making theirs on `add` cost the cold start (205 rules added and a
 * first match, in a fresh process) 5-10%: 13.8-14.9 against 13.0-13.4 ms.
 */
class BoundRule implements CompiledRule {
  readonly names: readonly string[];
  providers: readonly AnyRule[] = [];
  redirects = false;
  #builder: RuleBuilder | undefined;
  readonly #makeBuilder: () => RuleBuilder;

  constructor(
    readonly domain: RulePart,
    readonly parts: readonly RulePart[],
    readonly converters: ReadonlyMap<string, SegmentConverter>,
    makeBuilder: () => RuleBuilder,
  ) {
    this.names = [...converters.keys()];
    this.#makeBuilder = makeBuilder;
  }

  get builder(): RuleBuilder {
    return (this.#builder ??= this.#makeBuilder());
  }
}

/**
 * One URL rule, Werkzeug's `Rule`: `<converter(args):name>` variables, several per segment if
 * needed (`/v<int:major>.<int:minor>`), and `path` variables that cross slashes.
 *
 * @example
 * ```ts
 * const rule = new Rule('/users/<int:id>/<any(posts, likes):tab>', { endpoint: 'user' });
 * // matched params: { id: number; tab: 'posts' | 'likes' }
 * ```
 */
export class Rule<
  const P extends string = string,
  const E extends string | undefined = undefined,
  const D extends string = '',
  Df extends Readonly<Record<string, unknown>> = {},
> implements RuleFactory<Rule<P, E, D, Df>> {
  readonly path: P;
  readonly endpoint: E;
  /** Sorted, upper-case, HEAD with GET; `undefined`: every method. */
  readonly methods: readonly string[] | undefined;
  readonly defaults: Df | undefined;
  readonly subdomain: D | undefined;
  readonly host: D | undefined;
  readonly buildOnly: boolean;
  readonly redirectTo: RedirectTarget | undefined;
  readonly alias: boolean;
  readonly websocket: boolean;
  /** The rule string ends with `/`. */
  readonly isBranch: boolean;
  readonly methodMatch: MethodMatch;
  /** The options as given, for `empty()`. */
  readonly options: Readonly<RuleOptions<E, D, Df>>;
  /** The map's setting unless the rule has its own; known once added. */
  strictSlashes = true;
  mergeSlashes = true;
  /** Variable names and default keys; known once added. */
  arguments: ReadonlySet<string> = new Set();
  /** @internal */
  compiled: CompiledRule | undefined;

  constructor(path: P, options: RuleOptions<E, D, Df> = {}) {
    if (!path.startsWith('/')) throw new SyntaxError(`URL rule ${JSON.stringify(path)} must start with a slash`);
    this.path = path;
    this.options = options;
    this.endpoint = options.endpoint as E;
    this.defaults = options.defaults;
    this.subdomain = options.subdomain;
    this.host = options.host;
    this.buildOnly = options.buildOnly ?? false;
    this.redirectTo = options.redirectTo;
    this.alias = options.alias ?? false;
    this.websocket = options.websocket ?? false;
    this.isBranch = path.endsWith('/');
    this.methods = normalizeMethods(options.methods, this.websocket);
    this.methodMatch = compileMethods(this.methods);
  }

  /** The rule string ends without `/`. */
  get isLeaf(): boolean {
    return !this.isBranch;
  }

  /** True once added to a map. */
  get isBound(): boolean {
    return this.compiled !== undefined;
  }

  /** A rule gives itself to the map. */
  *getRules(): Iterable<this> {
    yield this;
  }

  /**
   * An unbound copy (same class, same options), which factories change and add elsewhere.
   *
   * @example
   * ```ts
   * const copy = rule.empty(); // not yet in any map
   * ```
   */
  empty(): this {
    const Class = this.constructor as new (path: string, options: RuleOptions<E, D, Df>) => this;
    return new Class(this.path, { ...this.options });
  }

  /**
   * Compiles the rule with the map's settings and converters; a rule belongs to one map.
   * @internal
   */
  bind(map: RuleContext): CompiledRule {
    if (this.compiled !== undefined) throw new Error(`${String(this)} is already in a map; add rule.empty() instead`);
    this.strictSlashes = this.options.strictSlashes ?? map.strictSlashes;
    this.mergeSlashes = this.options.mergeSlashes ?? map.mergeSlashes;
    const lookup = map.converter.bind(map);
    const domainPattern = map.subdomainMatching ? this.subdomain ?? map.defaultSubdomain : this.host;
    const domain: CompiledPattern = domainPattern === undefined || domainPattern === ''
      ? { parts: [{ static: true, text: domainPattern ?? '' }], trace: [], variables: [] }
      : compilePattern(domainPattern, lookup);
    if (domain.parts.length !== 1 || (!domain.parts[0].static && domain.parts[0].final)) {
      throw new SyntaxError(`host or subdomain pattern ${JSON.stringify(domainPattern)} must not contain slashes or path variables`);
    }
    const path = compilePattern(this.mergeSlashes ? this.path.replace(/\/{2,}/g, '/') : this.path, lookup);
    const converters = new Map([...domain.variables, ...path.variables]);
    if (converters.size !== domain.variables.length + path.variables.length) {
      throw new SyntaxError(`a variable of ${this.path} is also in its host or subdomain pattern`);
    }
    for (const key of Object.keys(this.defaults ?? {})) {
      if (INHERITED.has(key)) throw new SyntaxError(`default ${key} of ${this.path} is the name of an Object.prototype member`);
    }
    this.arguments = new Set([...converters.keys(), ...Object.keys(this.defaults ?? {})]);
    const compiled = new BoundRule(domain.parts[0], path.parts, converters, () => new RuleBuilder(this, domain.trace, path.trace, converters, map));
    // Defaults go through their converters' toUrl now, so that a bad one fails `add`, as in Werkzeug.
    if (this.defaults !== undefined) void compiled.builder;
    this.compiled = compiled;
    return compiled;
  }

  /**
   * Werkzeug's form: `<Rule 'sub|/todos/<id>' (GET, HEAD, PUT) -> todo>`.
   *
   * @example
   * ```ts
   * String(new Rule('/a', { endpoint: 'a' })); // "<Rule '/a' -> a>"
   * ```
   */
  toString(): string {
    const methods = this.methods ? ` (${this.methods.join(', ')})` : '';
    const target = this.redirectTo !== undefined && this.endpoint === undefined
      ? `redirect ${typeof this.redirectTo === 'string' ? this.redirectTo : 'function'}`
      : String(this.endpoint);
    const domain = this.host ?? this.subdomain;
    const shown = domain ? `${domain}|${this.path}` : this.path;
    return `<${this.constructor.name} '${shown.replace(/<[^:>]*:/g, '<')}'${methods} -> ${target}>`;
  }
}

/**
 * Any rule, whatever its path, endpoint, host and defaults: the type for collections of rules.
 *
 * @example
 * ```ts
 * const rules: AnyRule[] = [new Rule('/', { endpoint: 'index' }), new Rule('/<int:id>', { endpoint: 'item' })];
 * ```
 */
export type AnyRule = Rule<string, string | undefined, string, Readonly<Record<string, unknown>>>;

function normalizeMethods(methods: readonly string[] | undefined, websocket: boolean): readonly string[] | undefined {
  if (methods === undefined) return undefined;
  if (typeof methods === 'string') throw new TypeError("'methods' should be a list of strings");
  const set = new Set(methods.map((method) => method.toUpperCase()));
  if (set.has('GET')) set.add('HEAD');
  if (websocket && [...set].some((method) => !['GET', 'HEAD', 'OPTIONS'].includes(method))) {
    throw new TypeError("WebSocket rules can only use 'GET', 'HEAD', and 'OPTIONS' methods");
  }
  return Object.freeze([...set].sort());
}

/**
 * What a map takes: rules, and factories of rules (`Submount`, `Subdomain`, ...).
 *
 * @example
 * ```ts
 * const inputs: RuleInput[] = [new Rule('/', { endpoint: 'index' }), new Submount('/blog', [new Rule('/', { endpoint: 'blog' })])];
 * ```
 */
export type RuleInput = AnyRule | RuleFactory<AnyRule>;

/**
 * The rules a map input gives: a rule itself, or the rules of a factory.
 *
 * @example
 * ```ts
 * type R = RulesOf<Submount<'/blog', Rule<'/', 'blog'>>>; // Rule<'/blog/', 'blog'>
 * ```
 */
export type RulesOf<I> = I extends AnyRule ? I : I extends RuleFactory<infer R> ? R : never;
