/**
 * Form bodies: urlencoded here; multipart/form-data in `./multipart/`.
 * @module
 */
import { MultiDict } from '../datastructures/multidict.js';
/**
 * Parses an `application/x-www-form-urlencoded` body (already decoded to text) into a
 * `MultiDict`; more than `maxParts` fields is a 413.
 *
 * @example
 * ```ts
 * parseUrlencodedForm('name=Ada&lang=en&lang=fr', 1000).getAll('lang'); // ['en', 'fr']
 * ```
 */
export declare function parseUrlencodedForm(text: string, maxParts: number): MultiDict<string>;
//# sourceMappingURL=form.d.ts.map