/**
 * Choosing the rule that builds an endpoint's URL (Werkzeug's `_partial_build`), normalizing the
 * values given, and the suggestion a `BuildError` makes.
 * @module
 */
import { MultiDict } from '../datastructures/multidict.js';
import type { AnyRule } from './rule.js';
import { suitableFor } from './rule-build.js';
import { similarity } from './similarity.js';

/** A built URL's parts: domain part, path (with query), and whether it is a websocket rule's. */
export type BuiltParts = readonly [domain: string, path: string, websocket: boolean];

/**
 * Values as building reads them: a `MultiDict` key with one value gives it, with several an array;
 * `null` and `undefined` are dropped. The record inherits nothing (a `constructor` variable is safe).
 */
export function normalizeValues(values: unknown): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  if (values === undefined || values === null) return out;
  if (values instanceof MultiDict) {
    const lists = (values as MultiDict<unknown>).toLists();
    for (const key of Object.keys(lists)) {
      const list = lists[key].filter((value) => value !== null && value !== undefined);
      if (list.length === 1) out[key] = list[0];
      else if (list.length > 1) out[key] = list;
    }
    return out;
  }
  const record = values as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value !== null && value !== undefined) out[key] = value;
  }
  return out;
}

/** What choosing a rule needs from the bound map. */
export interface BuildContext {
  readonly defaultMethod: string;
  readonly serverName: string;
  readonly hostMatching: boolean;
  rulesFor(endpoint: string): readonly AnyRule[];
}

/**
 * The first of the endpoint's rules (in build order) suitable for the values and method that
 * builds; without a method, the bound method is tried first. Under host matching a rule on the
 * current host is preferred.
 */
export function partialBuild(
  context: BuildContext,
  endpoint: string,
  values: Readonly<Record<string, unknown>>,
  method: string | undefined,
  appendUnknown: boolean,
): BuiltParts | undefined {
  if (method === undefined) {
    const built = partialBuild(context, endpoint, values, context.defaultMethod, appendUnknown);
    if (built !== undefined) return built;
  }
  let first: BuiltParts | undefined;
  for (const rule of context.rulesFor(endpoint)) {
    if (!suitableFor(rule, values, method)) continue;
    const built = rule.compiled!.builder.build(values, appendUnknown);
    if (built === undefined) continue;
    const parts: BuiltParts = [built[0], built[1], rule.websocket];
    if (!context.hostMatching || parts[0] === context.serverName) return parts;
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
