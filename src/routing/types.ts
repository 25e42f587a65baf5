/**
 * Types read from rule strings: `PatternParams<'/users/<int:id>/<any(a, b):tab>'>` is
 * `{ id: number; tab: 'a' | 'b' }`. Each converter gives its value type (custom ones through their
 * `toValue`); `any(...)` gives the union of its listed values.
 * @module
 */

/**
 * The value type of each built-in converter, by name (`any` is computed from its arguments).
 *
 * @example
 * ```ts
 * type Id = BuiltinConverterTypes['int']; // number
 * ```
 */
export interface BuiltinConverterTypes {
  default: string;
  string: string;
  path: string;
  int: number;
  float: number;
  uuid: string;
}

type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;
type DropComma<S extends string> = Trim<S> extends `,${infer R}` ? R : Trim<S>;

/** The items of `any(a, "b,c", 'd')`: quoted items may hold commas. */
type AnyItems<A extends string, Acc extends string = never> =
  Trim<A> extends `"${infer Q}"${infer Rest}` ? AnyItems<DropComma<Rest>, Acc | Q>
  : Trim<A> extends `'${infer Q}'${infer Rest}` ? AnyItems<DropComma<Rest>, Acc | Q>
  : Trim<A> extends `${infer H},${infer T}` ? AnyItems<T, Acc | Trim<H>>
  : Trim<A> extends '' ? Acc
  : Acc | Trim<A>;

/** `[name, converter, arguments]` of the text between `<` and `>`. */
type ParseVar<V extends string> =
  V extends `${infer C}(${infer A}):${infer N}` ? [N, C, A]
  : V extends `${infer C}:${infer N}` ? [N, C, '']
  : [V, 'default', ''];

type ValueOf<C extends string, A extends string, Conv> =
  C extends 'any' ? AnyItems<A> : C extends keyof Conv ? Conv[C] : unknown;

/** Flattens an intersection for readable hovers. */
export type Simplify<T> = { -readonly [K in keyof T]: T[K] } & {};

/**
 * The variables of a rule or host pattern and their types; a non-literal `string` gives a record
 * of unknowns.
 *
 * @example
 * ```ts
 * type P = PatternParams<'/v<int:major>.<int:minor>/<path:rest>'>; // { major: number; minor: number; rest: string }
 * ```
 */
export type PatternParams<P extends string, Conv = BuiltinConverterTypes> =
  string extends P ? Record<string, unknown> : Simplify<VariablesOf<P, Conv>>;

type VariablesOf<P extends string, Conv> =
  P extends `${string}<${infer V}>${infer Rest}`
    ? { [K in ParseVar<V>[0]]: ValueOf<ParseVar<V>[1], ParseVar<V>[2], Conv> } & VariablesOf<Rest, Conv>
    : {};

/**
 * The value type a converter (or converter factory) produces: its `toValue`'s return type, and
 * `string` when it has none.
 *
 * @example
 * ```ts
 * type B = ConverterValue<{ regex: 'yes|no'; toValue(raw: string): boolean }>; // boolean
 * ```
 */
export type ConverterValue<S> =
  S extends (...args: never[]) => infer C ? ConverterValue<C>
  : S extends { toValue?: (raw: string) => infer T } ? (unknown extends T ? string : T)
  : unknown;

/**
 * The value types of a map's converters: the built-in ones, replaced or extended by `CT`.
 *
 * @example
 * ```ts
 * type T = ConverterTypes<{ bool: Converter<boolean> }>['bool']; // boolean
 * ```
 */
export type ConverterTypes<CT> = Simplify<Omit<BuiltinConverterTypes, keyof CT> & { [K in keyof CT]: ConverterValue<CT[K]> }>;
