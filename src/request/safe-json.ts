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
export function parseJsonBody(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BadRequest(`The request body is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (SUSPICIOUS.test(text)) assertNoPrototypeKeys(value);
  return value;
}

function assertNoPrototypeKeys(root: unknown): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(node, '__proto__')) {
      throw new BadRequest('The JSON body holds a "__proto__" key, which is refused.');
    }
    const ctor = (node as Record<string, unknown>).constructor;
    if (Object.prototype.hasOwnProperty.call(node, 'constructor') && typeof ctor === 'object' && ctor !== null &&
      Object.prototype.hasOwnProperty.call(ctor, 'prototype')) {
      throw new BadRequest('The JSON body holds a "constructor.prototype" key, which is refused.');
    }
    for (const key of Object.keys(node)) stack.push((node as Record<string, unknown>)[key]);
  }
}
