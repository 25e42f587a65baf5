/**
 * What `Request.application` says when a handler returns something that is not an App: a
 * `TypeError` naming what came back and the likely fix, instead of a crash deep inside tsgi.
 * @module
 */

/**
 * The error for a handler result that is not a `Response` (or another App). `resolved` tells that
 * the value came out of the handler's promise.
 *
 * @example
 * ```ts
 * badHandlerResult({ ok: true }, false).message;
 * // 'Request.application: the handler must return a Response (or another App), got an object
 * //  (did you mean Response.json(...)?)'
 * ```
 */
export function badHandlerResult(value: unknown, resolved: boolean): TypeError {
  const got = resolved ? `a Promise of ${describeResult(value)}` : describeResult(value);
  return new TypeError(`Request.application: the handler must return a Response (or another App), got ${got}`);
}

function describeResult(value: unknown): string {
  if (value === undefined) return 'undefined (did you forget return?)';
  if (value === null) return 'null';
  if (typeof value === 'string') return 'a string (wrap it: new Response(text))';
  if (typeof value !== 'object') return `a ${typeof value}`;
  if (Array.isArray(value)) return 'an array (did you mean Response.json(...)?)';
  // A Fetch Response is the likeliest object to come back by mistake (from fetch() or Hono).
  if (typeof globalThis.Response === 'function' && value instanceof globalThis.Response) {
    return 'a Fetch API Response (return a tsgi Response, or wrap a Fetch handler with fromFetchHandler from tsgi/fetch)';
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) return 'an object (did you mean Response.json(...)?)';
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? `a ${name} object` : 'an object';
}
