/**
 * Building a rule's URL from values, without generated code: the rule's trace becomes a list of
 * quoted static strings and variable slots once, at add time; building fills the slots through
 * each converter's `toUrl` and quotes the result. Also the rule tests `build` and the defaults
 * redirect use (Werkzeug's `suitable_for`, `provides_defaults_for`, `build_compare_key`).
 * @module
 */
import { quoteQueryPart, quoteUrlPath } from '../http/url.js';
import { ValidationError, type SegmentConverter } from './converter.js';
import type { TraceItem } from './compile.js';
import { allowsMethod, type MethodMatch } from './methods.js';

type Op = string | { readonly name: string; readonly converter: SegmentConverter };

/** What building reads of a rule. */
export interface BuildableRule {
  readonly endpoint: string | undefined;
  readonly methods: readonly string[] | undefined;
  readonly methodMatch: MethodMatch;
  readonly defaults: Readonly<Record<string, unknown>> | undefined;
  readonly arguments: ReadonlySet<string>;
  readonly buildOnly: boolean;
  readonly alias: boolean;
}

/** What a builder reads of its map. */
export interface BuildSettings {
  readonly sortParameters: unknown;
  encodeQuery(pairs: Array<[string, string]>): string;
}

/**
 * A rule's compiled builder. Values are read as given: `null` and `undefined` mean "no value".
 * (Rule variables cannot be named like `Object.prototype` members, so a plain object's inherited
 * `toString` is never taken for a value.)
 */
export class RuleBuilder {
  /** Variables without a default: each needs a value. */
  readonly required: readonly string[];
  /** The defaults, as pairs: a value given for one must equal it. */
  readonly defaultPairs: ReadonlyArray<readonly [string, unknown]>;
  /** The domain part when it has no variables (the usual case). */
  readonly staticDomain: string | undefined;
  /**
   * A built path may start with `//` (a variable first, or static text that does), which the
   * adapter then collapses. Checking the built string itself would flatten it: it is a rope of
   * concatenations, and reading a char of one copies it whole.
   */
  readonly mayStartWithSlashes: boolean;
  readonly #domainOps: readonly Op[];
  readonly #pathOps: readonly Op[];
  readonly #known: ReadonlySet<string>;
  readonly #settings: BuildSettings;

  constructor(
    rule: BuildableRule,
    domainTrace: readonly TraceItem[],
    pathTrace: readonly TraceItem[],
    converters: ReadonlyMap<string, SegmentConverter>,
    settings: BuildSettings,
  ) {
    const defaults = rule.defaults ?? {};
    const compileOps = (trace: readonly TraceItem[]): Op[] => {
      const ops: Op[] = [];
      for (const item of trace) {
        let op: Op;
        if (typeof item === 'string') op = quoteUrlPath(item);
        // A variable with a default is always built from it (Werkzeug resolves it ahead of time).
        else if (Object.hasOwn(defaults, item.name)) op = quoteUrlPath(converters.get(item.name)!.toUrl(defaults[item.name]));
        else op = { name: item.name, converter: converters.get(item.name)! };
        const last = ops.length - 1;
        if (typeof op === 'string' && typeof ops[last] === 'string') ops[last] += op;
        else ops.push(op);
      }
      return ops;
    };
    this.#domainOps = compileOps(domainTrace);
    this.#pathOps = compileOps(pathTrace);
    const domainOps = this.#domainOps;
    this.staticDomain = domainOps.length === 0 ? '' : domainOps.length === 1 && typeof domainOps[0] === 'string' ? domainOps[0] : undefined;
    const first = this.#pathOps[0];
    this.mayStartWithSlashes = typeof first !== 'string' || first.length < 2 || first.charCodeAt(1) === 47;
    this.#known = rule.arguments;
    this.required = [...converters.keys()].filter((name) => !Object.hasOwn(defaults, name));
    this.defaultPairs = Object.entries(defaults);
    this.#settings = settings;
  }

  /** The domain part (subdomain or host), or `undefined` when a converter refuses a value. */
  domain(values: Readonly<Record<string, unknown>>): string | undefined {
    return this.staticDomain ?? fill(this.#domainOps, values);
  }

  /** The path, with the other values as a query string when asked; `undefined` when refused. */
  path(values: Readonly<Record<string, unknown>>, appendUnknown: boolean): string | undefined {
    const path = fill(this.#pathOps, values);
    if (path === undefined || !appendUnknown) return path;
    const query = this.#settings.sortParameters ? this.#sortedQuery(values) : this.#query(values);
    return query === '' ? path : `${path}?${query}`;
  }

  #query(values: Readonly<Record<string, unknown>>): string {
    const known = this.#known;
    let query = '';
    for (const key in values) {
      if (known.has(key)) continue;
      const value = values[key];
      if (value === null || value === undefined) continue;
      if (Array.isArray(value)) {
        for (const item of value) if (item !== null && item !== undefined) query += `${query ? '&' : ''}${quoteQueryPart(key)}=${quoteQueryPart(String(item))}`;
      } else {
        query += `${query ? '&' : ''}${quoteQueryPart(key)}=${quoteQueryPart(String(value))}`;
      }
    }
    return query;
  }

  #sortedQuery(values: Readonly<Record<string, unknown>>): string {
    const pairs: Array<[string, string]> = [];
    for (const key in values) {
      if (this.#known.has(key)) continue;
      const value = values[key];
      for (const item of Array.isArray(value) ? value : [value]) if (item !== null && item !== undefined) pairs.push([key, String(item)]);
    }
    return this.#settings.encodeQuery(pairs);
  }
}

function fill(ops: readonly Op[], values: Readonly<Record<string, unknown>>): string | undefined {
  let out = '';
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (typeof op === 'string') {
      out += op;
      continue;
    }
    try {
      // The value goes to the converter as it is: a custom one may take a tuple.
      out += quoteSegment(op.converter.toUrl(values[op.name]));
    } catch (error) {
      if (error instanceof ValidationError) return undefined;
      throw error;
    }
  }
  return out;
}

// What quoteUrlPath leaves as it is (its PATH_SAFE set), as a table: a short value (an id, a slug)
// is checked by a loop in less time than the regular expression takes to start.
const SAFE = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,/:;=@") SAFE[c.charCodeAt(0)] = 1;

/** `quoteUrlPath(text)`, with short text that needs no quoting returned at once. */
export function quoteSegment(text: string): string {
  const length = text.length;
  if (length > 32) return quoteUrlPath(text);
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code > 127 || SAFE[code] === 0) return quoteUrlPath(text);
  }
  return text;
}

/**
 * The rule can be built from these values (and method): every variable has a value or a default,
 * and the values given for defaults equal them.
 */
export function suitableFor(rule: BuildableRule & { readonly compiled?: { readonly builder: RuleBuilder } }, values: Readonly<Record<string, unknown>>, method: string | undefined): boolean {
  if (method !== undefined && rule.methods !== undefined && !allowsMethod(rule.methodMatch, method)) return false;
  const builder = rule.compiled!.builder;
  const required = builder.required;
  for (let i = 0; i < required.length; i++) {
    const value = values[required[i]];
    if (value === undefined || value === null) return false;
  }
  const defaults = builder.defaultPairs;
  for (let i = 0; i < defaults.length; i++) {
    const value = values[defaults[i][0]];
    if (value !== undefined && value !== null && value !== defaults[i][1]) return false;
  }
  return true;
}

/** `rule` is the canonical form of `other`: same endpoint and arguments, and defaults of its own. */
export function providesDefaultsFor(rule: BuildableRule, other: BuildableRule): boolean {
  return (
    !rule.buildOnly &&
    rule.defaults !== undefined &&
    Object.keys(rule.defaults).length > 0 &&
    rule.endpoint === other.endpoint &&
    rule !== other &&
    rule.arguments.size === other.arguments.size &&
    [...rule.arguments].every((name) => other.arguments.has(name))
  );
}

/** Build order within an endpoint: aliases last, then more arguments first, then more defaults. */
export function compareBuildOrder(a: BuildableRule, b: BuildableRule): number {
  const key = (rule: BuildableRule): number[] => [rule.alias ? 1 : 0, -rule.arguments.size, -Object.keys(rule.defaults ?? {}).length];
  const ka = key(a);
  const kb = key(b);
  return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
}
