/**
 * The result of a match: endpoint, rule, and params built on first read. Building an object with
 * the rule's variable names as keys costs more than the whole walk that found it (V8 adds each
 * key through its generic, megamorphic store: about 45 ns for one key, measured), so a match
 * keeps the converted values and makes the object when `params` is read, once.
 * @module
 */
import type { AnyRule } from './rule.js';

/**
 * A hit: the endpoint, the params and the rule (what `match` returns).
 *
 * @example
 * ```ts
 * const { endpoint, params } = urls.match('/todos/3'); // 'todo', { id: 3 }
 * ```
 */
export class RouteMatch<R extends AnyRule = AnyRule> {
  readonly endpoint: R['endpoint'];
  readonly rule: R;
  #params: Record<string, unknown> | undefined;
  // The converted values in the order of the rule's names, until `params` is read: the first
  // three in fields (no array to allocate for most rules), the rest in an array.
  #first: unknown;
  #second: unknown;
  #third: unknown;
  #rest: unknown[] | undefined;

  /** @internal Made by the matcher: the rule and the converted values of its variables. */
  constructor(rule: R, first?: unknown, second?: unknown, third?: unknown, rest?: unknown[]) {
    this.endpoint = rule.endpoint;
    this.rule = rule;
    this.#params = undefined;
    this.#first = first;
    this.#second = second;
    this.#third = third;
    this.#rest = rest;
  }

  /** The rule's variables by name (converted), then its defaults. */
  get params(): Record<string, unknown> {
    return (this.#params ??= this.#build());
  }

  /** `JSON.stringify` shows the params too (a getter is not an own property). */
  toJSON(): { endpoint: R['endpoint']; params: Record<string, unknown>; rule: R } {
    return { endpoint: this.endpoint, params: this.params, rule: this.rule };
  }

  #build(): Record<string, unknown> {
    const names = this.rule.compiled!.names;
    const params: Record<string, unknown> = {};
    const count = names.length;
    if (count > 0) params[names[0]] = this.#first;
    if (count > 1) params[names[1]] = this.#second;
    if (count > 2) params[names[2]] = this.#third;
    for (let i = 3; i < count; i++) params[names[i]] = this.#rest![i - 3];
    this.#first = this.#second = this.#third = this.#rest = undefined;
    const defaults = this.rule.defaults;
    if (defaults !== undefined) Object.assign(params, defaults);
    return params;
  }
}
