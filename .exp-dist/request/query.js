/**
 * Query strings: the flat `args` (fast, URLSearchParams rules) and the nested `query` (qs, under limits).
 * @module
 */
import qs from 'qs';
import { multiDictFromPairs } from '../datastructures/multidict.js';
import { parseUrlencoded } from './urlencoded.js';
import { BadRequest, RequestURITooLarge } from '../errors.js';
/**
 * The defaults of `NestedQueryLimits`.
 *
 * @example
 * ```ts
 * class Api extends Request { override queryLimits = { ...DEFAULT_QUERY_LIMITS, depth: 2 }; }
 * ```
 */
export const DEFAULT_QUERY_LIMITS = Object.freeze({
    depth: 5,
    parameterLimit: 1000,
    arrayLimit: 20,
});
/**
 * Throws a 414 when the query string is longer than `maxLength` characters.
 *
 * @example
 * ```ts
 * checkQueryLength('a=1', 16384); // fine
 * ```
 */
export function checkQueryLength(query, maxLength) {
    if (query.length > maxLength) {
        throw new RequestURITooLarge(`The query string is longer than the limit of ${maxLength} characters.`);
    }
}
/**
 * Parses a flat query string (or urlencoded body) into a `MultiDict`: order, repeats and blank
 * values kept, `+` as space, invalid percent-escapes kept as written, invalid UTF-8 replaced.
 *
 * @example
 * ```ts
 * parseFlatQuery('tag=a&tag=b&empty=&bad=%zz').getAll('tag'); // ['a', 'b']
 * ```
 */
export function parseFlatQuery(query) {
    return multiDictFromPairs(parseUrlencoded(query));
}
/**
 * Parses a query string into nested objects with `qs` (`a[b]=1&list[]=x`), on null-prototype
 * objects so no key can reach `Object.prototype`. Exceeding the depth or parameter limit is a 400.
 *
 * @example
 * ```ts
 * parseNestedQuery('user[name]=Ada&tags[]=a&tags[]=b'); // { user: { name: 'Ada' }, tags: ['a', 'b'] }
 * ```
 */
export function parseNestedQuery(query, limits = DEFAULT_QUERY_LIMITS) {
    try {
        return qs.parse(query, {
            depth: limits.depth,
            strictDepth: true,
            parameterLimit: limits.parameterLimit,
            throwOnLimitExceeded: true,
            arrayLimit: limits.arrayLimit,
            allowPrototypes: false,
            plainObjects: true,
            ignoreQueryPrefix: true,
        });
    }
    catch (error) {
        throw new BadRequest(`The query string is too complex: ${error.message}.`, { cause: error });
    }
}
//# sourceMappingURL=query.js.map