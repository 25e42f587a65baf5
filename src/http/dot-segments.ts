/**
 * Dot segments in a decoded path: what an app mounted under a prefix must never be handed.
 * @module
 */

/**
 * True when a decoded path holds a `.` or `..` segment (a backslash counts as a separator too:
 * it is one to some file systems and URL parsers). `dispatcher` and `Router.mount` refuse such
 * paths with 400: `/static/../admin` must not reach the `/static` app as `/../admin`.
 *
 * @example
 * ```ts
 * hasDotSegment('/static/../admin'); // true
 * hasDotSegment('/static/a..b'); // false
 * ```
 */
export function hasDotSegment(path: string): boolean {
  if (path.indexOf('.') === -1) return false;
  for (const segment of path.split('/')) if (segment === '.' || segment === '..') return true;
  if (path.includes('\\')) return path.split(/[\\/]/).some((s) => s === '.' || s === '..');
  return false;
}
