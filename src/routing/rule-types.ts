/**
 * Types over a map's rules: the params a rule's match gives, the values `build` needs for an
 * endpoint, and the result of `match` as a union discriminated by endpoint.
 * @module
 */
import type { MultiDict } from '../datastructures/multidict.js';
import type { AnyRule, Rule } from './rule.js';
import type { BuiltinConverterTypes, PatternParams, Simplify } from './types.js';

/**
 * The params of a matched rule: its host or subdomain variables, its path variables, its defaults.
 *
 * @example
 * ```ts
 * const rule = new Rule('/users/<int:id>/<any(a, b):tab>', { endpoint: 'user' });
 * type P = RuleParams<typeof rule>; // { id: number; tab: 'a' | 'b' }
 * ```
 */
export type RuleParams<R, Conv = BuiltinConverterTypes> =
  R extends Rule<infer P, infer _E, infer D, infer Df> ? Simplify<PatternParams<D, Conv> & PatternParams<P, Conv> & Df> : never;

/**
 * The endpoints of a set of rules (rules without one left out).
 *
 * @example
 * ```ts
 * type E = EndpointOf<Rule<'/', 'index'> | Rule<'/a', 'a'>>; // 'index' | 'a'
 * ```
 */
export type EndpointOf<R> = R extends Rule<infer _P, infer E, infer _D, infer _Df> ? Exclude<E, undefined> : never;

// A string variable is built from any text, and numbers too (ids): `String(value)`.
type BuildInput<T> = { [K in keyof T]: T[K] extends string ? (string extends T[K] ? string | number : T[K]) : T[K] };

type RuleBuildValues<R, Conv> =
  R extends Rule<infer P, infer _E, infer D, infer Df>
    ? Simplify<BuildInput<Omit<PatternParams<D, Conv> & PatternParams<P, Conv>, keyof Df>> & { [K in keyof Df]?: unknown }> & Record<string, unknown>
    : never;

/**
 * The values `build(endpoint, values)` accepts: those of one of the endpoint's rules (a variable
 * with a default may be left out), plus any others, which go to the query string.
 *
 * @example
 * ```ts
 * type V = BuildValues<Rule<'/todos/<int:id>', 'todo'>, 'todo'>; // { id: number } & Record<string, unknown>
 * ```
 */
export type BuildValues<R, E, Conv = BuiltinConverterTypes> =
  R extends unknown ? (E extends EndpointOf<R> ? RuleBuildValues<R, Conv> : never) : never;

/**
 * What `build` takes after the endpoint: values (optional when none is required) and options.
 *
 * @example
 * ```ts
 * type A = BuildArgs<Rule<'/', 'index'>, 'index'>; // [values?, options?]
 * ```
 */
export type BuildArgs<R, E, Conv = BuiltinConverterTypes> =
  {} extends BuildValues<R, E, Conv>
    ? [values?: BuildValues<R, E, Conv> | MultiDict<unknown>, options?: BuildOptions]
    : [values: BuildValues<R, E, Conv> | MultiDict<unknown>, options?: BuildOptions];

/**
 * Options of `build`.
 *
 * @example
 * ```ts
 * urls.build('todo', { id: 3 }, { external: true }); // 'http://example.org/todos/3'
 * ```
 */
export interface BuildOptions {
  /** Choose among the endpoint's rules by method (the bound method is tried first by default). */
  method?: string;
  /** An absolute URL even when the host is the current one. */
  external?: boolean;
  /** The scheme of an absolute URL; the bound one by default. */
  urlScheme?: string;
  /** Values that are not variables go to the query string (default) or are dropped. */
  appendUnknown?: boolean;
}

/**
 * A successful match: the endpoint, the converted params and the rule (a union over the map's
 * rules, so checking `endpoint` narrows `params`).
 *
 * @example
 * ```ts
 * const m = urls.match('/todos/3');
 * if (m.endpoint === 'todo') m.params.id; // number
 * ```
 */
export type MatchResult<R, Conv = BuiltinConverterTypes> =
  R extends AnyRule ? { readonly endpoint: R['endpoint']; readonly params: RuleParams<R, Conv>; readonly rule: R } : never;
