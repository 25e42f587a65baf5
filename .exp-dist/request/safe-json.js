/**
 * JSON parsing for request bodies: malformed JSON is a 400, and `__proto__` or
 * `constructor.prototype` keys are refused so a later merge cannot pollute prototypes.
 * @module
 */
import { BadRequest } from '../errors.js';
// Only texts that could spell a dangerous key (directly or through \u escapes) are walked.
const SUSPICIOUS = /__proto__|prototype|\\u/;
/**
 * Parses JSON text from a client; throws `BadRequest` on malformed input or a forbidden key.
 *
 * @example
 * ```ts
 * parseJsonBody('{"a":1}');              // { a: 1 }
 * parseJsonBody('{"__proto__":{"x":1}}'); // throws BadRequest
 * ```
 */
export function parseJsonBody(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new BadRequest(`The request body is not valid JSON: ${error.message}`, { cause: error });
    }
    if (SUSPICIOUS.test(text))
        assertNoPrototypeKeys(value);
    return value;
}
function assertNoPrototypeKeys(root) {
    const stack = [root];
    while (stack.length) {
        const node = stack.pop();
        if (typeof node !== 'object' || node === null)
            continue;
        if (Array.isArray(node)) {
            for (const item of node)
                stack.push(item);
            continue;
        }
        if (Object.prototype.hasOwnProperty.call(node, '__proto__')) {
            throw new BadRequest('The JSON body holds a "__proto__" key, which is refused.');
        }
        const ctor = node.constructor;
        if (Object.prototype.hasOwnProperty.call(node, 'constructor') && typeof ctor === 'object' && ctor !== null &&
            Object.prototype.hasOwnProperty.call(ctor, 'prototype')) {
            throw new BadRequest('The JSON body holds a "constructor.prototype" key, which is refused.');
        }
        for (const key of Object.keys(node))
            stack.push(node[key]);
    }
}
//# sourceMappingURL=safe-json.js.map