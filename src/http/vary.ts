/**
 * Adding names to `Vary` in a header list without clobbering what is there.
 * @module
 */
import { splitList } from './grammar.js';

/**
 * Returns `headers` with `names` added to `Vary`: the names already listed (in any case, in any of
 * the list's `Vary` headers) are not repeated, the missing ones are appended to the first `Vary`
 * header, or a `Vary` header is added when there is none. `Vary: *` already covers every name and
 * is left alone. The input list is not changed; when nothing is missing it is returned as it is.
 *
 * @example
 * ```ts
 * addVary([['Vary', 'Accept-Encoding']], ['Origin']); // [['Vary', 'Accept-Encoding, Origin']]
 * addVary([['vary', 'origin']], ['Origin']); // [['vary', 'origin']]
 * addVary([], ['Origin', 'Access-Control-Request-Method']); // [['Vary', 'Origin, Access-Control-Request-Method']]
 * ```
 */
export function addVary(headers: Array<[string, string]>, names: readonly string[]): Array<[string, string]> {
  const listed = new Set<string>();
  let first = -1;
  for (let i = 0; i < headers.length; i++) {
    const [name, value] = headers[i];
    if (name.length !== 4 || name.toLowerCase() !== 'vary') continue;
    if (first === -1) first = i;
    // No item cap: every name must be seen, or one could be added twice. One pass per header.
    for (const item of splitList(value, Infinity)) listed.add(item.toLowerCase());
  }
  if (listed.has('*')) return headers;
  const missing: string[] = [];
  for (const name of names) {
    const key = name.toLowerCase();
    if (listed.has(key)) continue;
    listed.add(key);
    missing.push(name);
  }
  if (missing.length === 0) return headers;
  const out = headers.slice();
  if (first === -1) {
    out.push(['Vary', missing.join(', ')]);
  } else {
    const [name, value] = out[first];
    out[first] = [name, value.trim() === '' ? missing.join(', ') : `${value}, ${missing.join(', ')}`];
  }
  return out;
}
