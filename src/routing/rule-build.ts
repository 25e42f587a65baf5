/**
 * Building a rule's URL from values, without generated code: the rule's trace becomes a list of
 * quoted static strings and variable slots once, at add time; building fills the slots through
 * each converter's `toUrl` and quotes the result. Also the rule tests `build` and the defaults
 * redirect use (Werkzeug's `suitable_for`, `provides_defaults_for`, `build_compare_key`).
 * @module
 */
import { quoteUrlPath } from '../http/url.js';
import { ValidationError, type SegmentConverter } from './converter.js';
import type { TraceItem } from './compile.js';

type Op = string | { readonly name: string; readonly converter: SegmentConverter };

/** What building reads of a rule. */
export interface BuildableRule {
  readonly endpoint: string | undefined;
  readonly methods: readonly string[] | undefined;
  readonly defaults: Readonly<Record<string, unknown>> | undefined;
  readonly arguments: ReadonlySet<string>;
  readonly buildOnly: boolean;
  readonly alias: boolean;
}

/** A compiled builder. */
export interface RuleBuilder {
  /** `[domain part, path?query]`, or `undefined` when a converter refuses a value. */
  build(values: Readonly<Record<string, unknown>>, appendUnknown: boolean): [string, string] | undefined;
}

/** Makes the builder of a rule from its traces (static text and variable names). */
export function compileBuilder(
  rule: BuildableRule,
  domainTrace: readonly TraceItem[],
  pathTrace: readonly TraceItem[],
  converters: ReadonlyMap<string, SegmentConverter>,
  map: { encodeQuery(pairs: Array<[string, string]>): string },
): RuleBuilder {
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
  const domainOps = compileOps(domainTrace);
  const pathOps = compileOps(pathTrace);
  const known = rule.arguments;
  return {
    build(values, appendUnknown) {
      const domain = fill(domainOps, values);
      const path = fill(pathOps, values);
      if (domain === undefined || path === undefined) return undefined;
      if (!appendUnknown) return [domain, path];
      const pairs: Array<[string, string]> = [];
      for (const key of Object.keys(values)) {
        if (known.has(key)) continue;
        const value = values[key];
        if (Array.isArray(value)) {
          for (const item of value) if (item !== null && item !== undefined) pairs.push([key, String(item)]);
        } else if (value !== null && value !== undefined) {
          pairs.push([key, String(value)]);
        }
      }
      return [domain, pairs.length ? `${path}?${map.encodeQuery(pairs)}` : path];
    },
  };
}

function fill(ops: readonly Op[], values: Readonly<Record<string, unknown>>): string | undefined {
  let out = '';
  for (const op of ops) {
    if (typeof op === 'string') {
      out += op;
      continue;
    }
    try {
      // The value goes to the converter as it is: a custom one may take a tuple.
      out += quoteUrlPath(op.converter.toUrl(values[op.name]));
    } catch (error) {
      if (error instanceof ValidationError) return undefined;
      throw error;
    }
  }
  return out;
}

/**
 * The rule can be built from these values (and method): every variable has a value or a default,
 * and the values given for defaults equal them.
 */
export function suitableFor(rule: BuildableRule, values: Readonly<Record<string, unknown>>, method: string | undefined): boolean {
  if (method !== undefined && rule.methods !== undefined && !rule.methods.includes(method)) return false;
  const defaults = rule.defaults ?? {};
  for (const key of rule.arguments) {
    if (!Object.hasOwn(defaults, key) && values[key] === undefined) return false;
  }
  for (const key of Object.keys(defaults)) {
    if (values[key] !== undefined && values[key] !== defaults[key]) return false;
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
