/**
 * Parses JSON text from a client; throws `BadRequest` on malformed input or a forbidden key.
 *
 * @example
 * ```ts
 * parseJsonBody('{"a":1}');              // { a: 1 }
 * parseJsonBody('{"__proto__":{"x":1}}'); // throws BadRequest
 * ```
 */
export declare function parseJsonBody(text: string): unknown;
//# sourceMappingURL=safe-json.d.ts.map