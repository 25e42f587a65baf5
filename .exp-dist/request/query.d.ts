import { type MultiDict } from '../datastructures/multidict.js';
/** Limits for nested query parsing with `qs` (DESIGN section 5). */
export interface NestedQueryLimits {
    /** Deepest bracket nesting (`a[b][c]` is depth 2). Default 5; deeper is a 400. */
    depth: number;
    /** Most parameters. Default 1000; more is a 400. */
    parameterLimit: number;
    /** Highest array index kept as an array; larger indices make an object, as qs does. Default 20. */
    arrayLimit: number;
}
/**
 * The defaults of `NestedQueryLimits`.
 *
 * @example
 * ```ts
 * class Api extends Request { override queryLimits = { ...DEFAULT_QUERY_LIMITS, depth: 2 }; }
 * ```
 */
export declare const DEFAULT_QUERY_LIMITS: Readonly<NestedQueryLimits>;
/**
 * Throws a 414 when the query string is longer than `maxLength` characters.
 *
 * @example
 * ```ts
 * checkQueryLength('a=1', 16384); // fine
 * ```
 */
export declare function checkQueryLength(query: string, maxLength: number): void;
/**
 * Parses a flat query string (or urlencoded body) into a `MultiDict`: order, repeats and blank
 * values kept, `+` as space, invalid percent-escapes kept as written, invalid UTF-8 replaced.
 *
 * @example
 * ```ts
 * parseFlatQuery('tag=a&tag=b&empty=&bad=%zz').getAll('tag'); // ['a', 'b']
 * ```
 */
export declare function parseFlatQuery(query: string): MultiDict<string>;
/**
 * Parses a query string into nested objects with `qs` (`a[b]=1&list[]=x`), on null-prototype
 * objects so no key can reach `Object.prototype`. Exceeding the depth or parameter limit is a 400.
 *
 * @example
 * ```ts
 * parseNestedQuery('user[name]=Ada&tags[]=a&tags[]=b'); // { user: { name: 'Ada' }, tags: ['a', 'b'] }
 * ```
 */
export declare function parseNestedQuery(query: string, limits?: NestedQueryLimits): Record<string, unknown>;
//# sourceMappingURL=query.d.ts.map