/**
 * Form bodies: urlencoded here; multipart/form-data in `./multipart/`.
 * @module
 */
import { MultiDict } from '../datastructures/multidict.js';
import { RequestEntityTooLarge } from '../errors.js';
import { parseFlatQuery } from './query.js';
/**
 * Parses an `application/x-www-form-urlencoded` body (already decoded to text) into a
 * `MultiDict`; more than `maxParts` fields is a 413.
 *
 * @example
 * ```ts
 * parseUrlencodedForm('name=Ada&lang=en&lang=fr', 1000).getAll('lang'); // ['en', 'fr']
 * ```
 */
export function parseUrlencodedForm(text, maxParts) {
    let fields = text.length ? 1 : 0;
    for (let index = text.indexOf('&'); index !== -1; index = text.indexOf('&', index + 1)) {
        if (++fields > maxParts) {
            throw new RequestEntityTooLarge(`The form has more than the limit of ${maxParts} fields.`);
        }
    }
    return parseFlatQuery(text);
}
//# sourceMappingURL=form.js.map