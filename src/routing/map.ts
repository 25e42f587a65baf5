/**
 * `RuleMap` (Werkzeug's `Map`): the rules, the settings they share, the converters, and the trie
 * they are matched on. Binding it to a request (`bind`, `bindToEnviron`) gives a `MapAdapter`
 * that matches and builds URLs.
 * @module
 */
import type { Environ } from '../gateway.js';
import { quoteQueryPart } from '../http/url.js';
import { MapAdapter, type BindOptions } from './adapter.js';
import { bindingFromEnviron, type EnvironBindOptions, type RequestLike } from './bind-environ.js';
import { DEFAULT_CONVERTERS } from './builtin-converters.js';
import { toSegmentConverter, type ConverterSpec, type SegmentConverter } from './converter.js';
import { parseConverterArgs } from './converter-args.js';
import { DuplicateRuleError } from './exceptions.js';
import type { AnyRule, RuleContext, RuleFactory, RuleInput, RulesOf } from './rule.js';
import { compareBuildOrder, providesDefaultsFor } from './rule-build.js';
import { State } from './state.js';
import { PathConverter } from './text-converters.js';
import { GuardedWalker, Walker } from './walker.js';

/**
 * Custom converters by name.
 *
 * @example
 * ```ts
 * const converters = { bool: { regex: 'yes|no', toValue: (s: string) => s === 'yes' } } satisfies ConverterTable;
 * ```
 */
export type ConverterTable = Readonly<Record<string, ConverterSpec<never> | ConverterSpec<unknown>>>;

/**
 * Settings of a `RuleMap` (Werkzeug's defaults).
 *
 * @example
 * ```ts
 * new RuleMap(rules, { strictSlashes: true, mergeSlashes: true, converters: { bool } });
 * ```
 */
export interface RuleMapOptions<CT extends ConverterTable = {}> {
  /** The subdomain of rules without one, and of requests when it cannot be told. Default `''`. */
  defaultSubdomain?: string;
  /** A branch `/foo/` asked as `/foo` redirects to it (308). Default true. */
  strictSlashes?: boolean;
  /** `//a///b` redirects to `/a/b` (308). Default true. */
  mergeSlashes?: boolean;
  /** A URL reachable by a rule with defaults, or an alias, redirects to the canonical one. Default true. */
  redirectDefaults?: boolean;
  /** Converters added to the built-in ones, or replacing one of them. */
  converters?: CT;
  /** Sort query parameters of built URLs (by key, then value), or by this comparison. */
  sortParameters?: boolean | ((a: [string, string], b: [string, string]) => number);
  /** Match each rule's `host` pattern against the whole host. Default false. */
  hostMatching?: boolean;
  /** Match each rule's `subdomain` against the request's subdomain. Default true (off with hostMatching). */
  subdomainMatching?: boolean;
}

/**
 * The rules of an application (Werkzeug's `Map`; named so as not to shadow the global `Map`). Its
 * type keeps every rule's path and endpoint, so `match` results and `build` values are typed.
 *
 * @example
 * ```ts
 * const map = new RuleMap([
 *   new Rule('/', { endpoint: 'index' }),
 *   new Rule('/todos/<int:id>', { endpoint: 'todo', methods: ['GET', 'PUT'] }),
 * ]);
 * const urls = map.bind('example.org');
 * urls.match('/todos/3'); // { endpoint: 'todo', params: { id: 3 }, rule }
 * urls.build('todo', { id: 3, page: 2 }); // '/todos/3?page=2'
 * ```
 */
export class RuleMap<I extends RuleInput = AnyRule, CT extends ConverterTable = {}> implements RuleContext {
  readonly defaultSubdomain: string;
  readonly strictSlashes: boolean;
  readonly mergeSlashes: boolean;
  readonly redirectDefaults: boolean;
  readonly hostMatching: boolean;
  readonly subdomainMatching: boolean;
  readonly sortParameters: boolean | ((a: [string, string], b: [string, string]) => number);
  /** The converters rules may use, built-in ones included; add to it before adding rules. */
  readonly converters: Record<string, ConverterSpec<never> | ConverterSpec<unknown>>;
  readonly #rules: AnyRule[] = [];
  readonly #byEndpoint = new Map<string | undefined, AnyRule[]>();
  readonly #root = new State<AnyRule>();
  #walker: Walker<AnyRule> = new Walker<AnyRule>();
  readonly #converterCache = new Map<ConverterSpec<never> | ConverterSpec<unknown>, Map<string, SegmentConverter>>();
  #dirty = true;
  /**
   * @internal A rule uses a converter that is not built in: its code may throw or match with this
   * map while a walk runs, so walks are guarded (`GuardedWalker`).
   */
  runsUserCode = false;
  /**
   * @internal A rule with `mergeSlashes: false` has `//` in its path: its keys can take an empty
   * segment of a request's path, so after any miss the path is looked at for `//` (lookup.ts).
   */
  keepsDoubleSlashes = false;
  /** @internal Counts `add` calls, so that caches of built URLs know when to start over. */
  version = 0;

  constructor(rules: Iterable<I> = [], options: RuleMapOptions<CT> = {}) {
    this.defaultSubdomain = options.defaultSubdomain ?? '';
    this.strictSlashes = options.strictSlashes ?? true;
    this.mergeSlashes = options.mergeSlashes ?? true;
    this.redirectDefaults = options.redirectDefaults ?? true;
    this.hostMatching = options.hostMatching ?? false;
    this.subdomainMatching = (options.subdomainMatching ?? true) && !this.hostMatching;
    this.sortParameters = options.sortParameters ?? false;
    this.converters = { ...DEFAULT_CONVERTERS, ...options.converters };
    for (const rule of rules) this.add(rule);
  }

  /**
   * Adds a rule, or the rules of a factory, after construction; a `DuplicateRuleError` if one
   * would match exactly like a rule already here. Returns the map, typed with the new rules.
   *
   * @example
   * ```ts
   * const map = new RuleMap().add(new Rule('/', { endpoint: 'index' })).add(new Rule('/a', { endpoint: 'a' }));
   * ```
   */
  add<I2 extends RuleInput>(factory: I2): RuleMap<I | I2, CT> {
    for (const rule of (factory as RuleFactory).getRules(this)) {
      const compiled = rule.bind(this);
      if (!rule.mergeSlashes && rule.path.includes('//')) this.keepsDoubleSlashes = true;
      if (!rule.buildOnly) {
        const state = this.#root.descend([compiled.domain, ...compiled.parts]);
        for (const existing of state.rules) if (isDuplicate(existing, rule)) throw new DuplicateRuleError(existing, rule);
        state.rules.push(rule);
      }
      this.#rules.push(rule);
      let list = this.#byEndpoint.get(rule.endpoint);
      if (list === undefined) this.#byEndpoint.set(rule.endpoint, (list = []));
      list.push(rule);
    }
    this.#dirty = true;
    this.version++;
    return this as RuleMap<I | I2, CT>;
  }

  /** Every rule, in the order added. */
  get rules(): ReadonlyArray<RulesOf<I>> {
    return this.#rules as Array<RulesOf<I>>;
  }

  /**
   * The rules of an endpoint, in build order (aliases last, more arguments first).
   *
   * @example
   * ```ts
   * map.rulesFor('todo').map(String); // ["<Rule '/todos/<id>' (GET, HEAD, PUT) -> todo>"]
   * ```
   */
  rulesFor(endpoint: string | undefined): ReadonlyArray<RulesOf<I>> {
    this.prepare();
    return (this.#byEndpoint.get(endpoint) ?? []) as Array<RulesOf<I>>;
  }

  /**
   * True when some rule of the endpoint has every one of these arguments.
   *
   * @example
   * ```ts
   * map.isEndpointExpecting('todo', 'id'); // true
   * ```
   */
  isEndpointExpecting(endpoint: string, ...names: string[]): boolean {
    return this.rulesFor(endpoint).some((rule) => names.every((name) => rule.arguments.has(name)));
  }

  /**
   * Binds the map to a host (and script name, scheme, subdomain...) to match and build URLs.
   *
   * @example
   * ```ts
   * const urls = map.bind('example.org', { scriptName: '/app', urlScheme: 'https' });
   * ```
   */
  bind(serverName: string, options: BindOptions = {}): MapAdapter<RulesOf<I>, CT> {
    return new MapAdapter<RulesOf<I>, CT>(this as RuleMap<AnyRule, CT>, serverName, options);
  }

  /**
   * Binds the map to a request: host (checked against `trustedHosts`), scheme (`ws`/`wss` for a
   * WebSocket upgrade), script name, path, method and query. Takes an environ or a `Request` (whose
   * own `trustedHosts` then apply). With `record: true`, `match()` stores its result in
   * `environ['tsgi.routing']`.
   *
   * @example
   * ```ts
   * const { endpoint, params } = map.bindToEnviron(environ).match();
   * ```
   */
  bindToEnviron(environ: Environ | RequestLike, options: EnvironBindOptions = {}): MapAdapter<RulesOf<I>, CT> {
    const binding = bindingFromEnviron(environ, options, this);
    const record = options.record ? binding.environ : undefined;
    return new MapAdapter<RulesOf<I>, CT>(this as RuleMap<AnyRule, CT>, binding.serverName, binding.options, record);
  }

  /** Werkzeug's form: `RuleMap([<Rule '/' -> index>, ...])`. */
  toString(): string {
    return `RuleMap([${this.#rules.map(String).join(',\n  ')}])`;
  }

  /** @internal The converter of `<name(args):...>`, made once per map. */
  converter(name: string, args: string | undefined): SegmentConverter & { isPath?: boolean } {
    // Own names only: `<toString:x>` must not find Object.prototype.toString.
    const spec = Object.hasOwn(this.converters, name) ? this.converters[name] : undefined;
    if (spec === undefined) {
      const known = Object.keys(this.converters).join(', ');
      throw new ReferenceError(`the converter ${JSON.stringify(name)} does not exist (known: ${known}); add your own with the \`converters\` option`);
    }
    let cache = this.#converterCache.get(spec);
    if (cache === undefined) this.#converterCache.set(spec, (cache = new Map()));
    const key = args ?? '';
    let converter = cache.get(key);
    if (converter === undefined) {
      const parsed = parseConverterArgs(key);
      let made;
      if (!BUILT_IN_FACTORIES.has(spec)) this.runsUserCode = true;
      if (typeof spec === 'function') made = spec(parsed);
      else if (args === undefined) made = spec;
      else throw new TypeError(`converter ${name} takes no arguments`);
      // A factory makes a converter for this map alone: it may be used as it is.
      converter = Object.assign(toSegmentConverter(`${name}(${JSON.stringify(parsed)})`, made, typeof spec === 'function'), { isPath: made instanceof PathConverter });
      cache.set(key, converter);
    }
    return converter;
  }

  /** @internal The query string of built URLs. */
  encodeQuery(pairs: Array<[string, string]>): string {
    const sort = this.sortParameters;
    if (sort === true) pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    else if (typeof sort === 'function') pairs.sort(sort);
    return pairs.map(([key, value]) => `${quoteQueryPart(key)}=${quoteQueryPart(value)}`).join('&');
  }

  /** @internal The trie, sorted and indexed since the last `add`. */
  prepare(): State<AnyRule> {
    // Small, so that it inlines into the match; the work is in #freeze.
    if (this.#dirty) this.#freeze();
    return this.#root;
  }

  #freeze(): void {
    this.#root.freeze('root');
    for (const list of this.#byEndpoint.values()) {
      list.sort(compareBuildOrder);
      for (const rule of list) {
        // Rules before this one in build order that are its canonical form (defaults redirect).
        rule.compiled!.providers = list.slice(0, list.indexOf(rule)).filter((other) => providesDefaultsFor(other, rule));
        rule.compiled!.redirects = rule.alias || rule.redirectTo !== undefined || rule.compiled!.providers.length !== 0;
      }
    }
    // Custom converters are walked with a guard (walker.ts).
    if (this.runsUserCode && !(this.#walker instanceof GuardedWalker)) this.#walker = new GuardedWalker<AnyRule>();
    this.#dirty = false;
  }

  /** @internal The walker for one match (a new one if a converter matches while one runs). */
  walker(): Walker<AnyRule> {
    // Only a GuardedWalker is ever busy.
    return this.#walker.busy ? new GuardedWalker<AnyRule>() : this.#walker;
  }
}

// Factories whose converters run no code but tsgi's own while matching.
const BUILT_IN_FACTORIES = new Set<unknown>(Object.values(DEFAULT_CONVERTERS));

/**
 * @internal Two rules of the same parts clash: the same websocket flag and methods that overlap
 * beyond HEAD and OPTIONS (or either takes every method). The `Router` checks its routes with it.
 */
export function isDuplicate(a: Pick<AnyRule, 'websocket' | 'methods'>, b: Pick<AnyRule, 'websocket' | 'methods'>): boolean {
  if (a.websocket !== b.websocket) return false;
  if (a.methods === undefined || b.methods === undefined) return true;
  if (a.methods.length === b.methods.length && a.methods.every((m, i) => m === b.methods![i])) return true;
  // HEAD comes with GET and frameworks add OPTIONS everywhere: overlap in those alone is not a clash.
  return a.methods.some((m) => m !== 'HEAD' && m !== 'OPTIONS' && b.methods!.includes(m));
}
