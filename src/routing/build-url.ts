/**
 * Choosing the rule that builds an endpoint's URL (Werkzeug's `_partial_build`), normalizing the
 * values given, and the suggestion a `BuildError` makes.
 * @module
 */
import { MultiDict } from '../datastructures/multidict.js';
import { ValidationError } from './converter.js';
import type { AnyRule } from './rule.js';
import { suitableFor } from './rule-build.js';
import { similarity } from './similarity.js';

/** A built URL's parts: domain part, path (with query), and whether it is a websocket rule's. */
export interface BuiltParts {
  readonly domain: string;
  readonly path: string;
  readonly websocket: boolean;
  /** The path may start with `//` (see `RuleBuilder.mayStartWithSlashes`). */
  readonly slashes: boolean;
}

const EMPTY: Readonly<Record<string, unknown>> = Object.freeze(Object.create(null) as Record<string, unknown>);

/**
 * Values as building reads them: a `MultiDict` key with one value gives it, with several an
 * array (nulls dropped); a plain object is read as it is (`null` and `undefined` mean "no value").
 */
export function buildValues(values: unknown): Readonly<Record<string, unknown>> {
  if (values === undefined || values === null) return EMPTY;
  if (!(values instanceof MultiDict)) return values as Readonly<Record<string, unknown>>;
  const out = Object.create(null) as Record<string, unknown>;
  const lists = (values as MultiDict<unknown>).toLists();
  for (const key of Object.keys(lists)) {
    const list = lists[key].filter((value) => value !== null && value !== undefined);
    if (list.length === 1) out[key] = list[0];
    else if (list.length > 1) out[key] = list;
  }
  return out;
}

/** The values given, without those that mean "no value" (for an error message). */
export function givenValues(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(values)) if (values[key] !== null && values[key] !== undefined) out[key] = values[key];
  return out;
}

/** What choosing a rule needs from the bound map. */
export interface BuildContext {
  readonly defaultMethod: string;
  readonly serverName: string;
}

/**
 * The first of the endpoint's rules (in build order) suitable for the values and method that
 * builds; without a method, the bound method is tried first. Under host matching a rule on the
 * current host is preferred.
 */
export function partialBuild(
  context: BuildContext,
  rules: readonly AnyRule[],
  hostMatching: boolean,
  values: Readonly<Record<string, unknown>>,
  method: string | undefined,
  appendUnknown: boolean,
): BuiltParts | undefined {
  if (method === undefined) {
    const built = partialBuild(context, rules, hostMatching, values, context.defaultMethod, appendUnknown);
    if (built !== undefined) return built;
  }
  let first: BuiltParts | undefined;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (!suitableFor(rule, values, method)) continue;
    const builder = rule.compiled!.builder;
    const domain = builder.domain(values);
    if (domain === undefined) continue;
    const path = builder.path(values, appendUnknown);
    if (path === undefined) continue;
    const parts: BuiltParts = { domain, path, websocket: rule.websocket, slashes: builder.mayStartWithSlashes };
    if (!hostMatching || domain === context.serverName) return parts;
    first ??= parts;
  }
  return first;
}

/**
 * The rule most like what was asked: mostly by endpoint name, then by having the given values as
 * arguments, then by allowing the method (Werkzeug's scoring).
 */
export function closestRule(
  rules: readonly AnyRule[],
  endpoint: string,
  values: Readonly<Record<string, unknown>>,
  method: string | undefined,
): AnyRule | undefined {
  let best: AnyRule | undefined;
  let bestScore = -1;
  const keys = Object.keys(values);
  for (const rule of rules) {
    const score =
      0.98 * similarity(String(rule.endpoint), endpoint) +
      0.01 * (keys.every((key) => rule.arguments.has(key)) ? 1 : 0) +
      0.01 * (rule.methods !== undefined && method !== undefined && rule.methods.includes(method) ? 1 : 0);
    if (score > bestScore) {
      best = rule;
      bestScore = score;
    }
  }
  return best;
}

/**
 * For a BuildError's message: the first value the rule's converters refuse, and why (a string
 * value with a slash, an `any` value outside its list...). Only on the error path.
 *
 * @example
 * ```ts
 * refusedValue(rule, { name: 'a/b' }); // { name: 'name', reason: 'a path segment cannot be "a/b": ...' }
 * ```
 */
export function refusedValue(rule: AnyRule, values: Readonly<Record<string, unknown>>): { name: string; reason: string } | undefined {
  for (const [name, converter] of rule.compiled?.converters ?? []) {
    if (!Object.hasOwn(values, name)) continue;
    try {
      converter.toUrl(values[name]);
    } catch (error) {
      if (error instanceof ValidationError) return { name, reason: error.message };
      throw error;
    }
  }
  return undefined;
}
