/**
 * Percent-decoding of the request path for `PATH_INFO` and `SCRIPT_NAME`.
 * @module
 */
import { decodePathInfo } from '../../request/create-environ.js';

/**
 * Percent-decodes a URL path as UTF-8. Sequences that are not valid (`%zz`, a lone `%`, bytes that
 * do not form UTF-8) are kept as they were, so no request path ever makes decoding throw. Same
 * result as `decodePathInfo` (which `createEnviron` uses); this adds the native fast path, since
 * the server runs it on every request.
 *
 * @example
 * ```ts
 * decodePath('/caf%C3%A9/%zz'); // '/café/%zz'
 * ```
 */
export function decodePath(raw: string): string {
  // Most paths hold no escape at all; most others are valid UTF-8, which the native decoder handles.
  if (raw.indexOf('%') === -1) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return decodePathInfo(raw);
  }
}
