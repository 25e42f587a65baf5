/**
 * `dispatcher`: mounts apps under path prefixes, moving the prefix from `PATH_INFO` to
 * `SCRIPT_NAME` as Werkzeug's `DispatcherMiddleware` does.
 * @module
 */
import type { App } from '../gateway.js';
import { copyEnviron } from '../signal.js';
import { hasDotSegment } from '../http/dot-segments.js';

/** Apps by mount prefix: `{ '/api': api, '/static': files }`. */
export type Mounts = Record<string, App>;

const encoder = new TextEncoder();

/**
 * Sends each request to the app mounted at the longest prefix that matches whole path segments
 * (`/api` matches `/api` and `/api/users`, never `/apix`), and everything else to `app`. The
 * mounted app sees the prefix in `SCRIPT_NAME` and the rest in `PATH_INFO`, so the URLs it builds
 * keep the prefix. A path holding a `.` or `..` segment is refused with 400 before any app runs:
 * `/static/../admin` must not reach the `/static` app as `/../admin`.
 *
 * @example
 * ```ts
 * const site = dispatcher(frontend, { '/api': api, '/api/v2': apiV2 });
 * // GET /api/v2/users -> apiV2 with SCRIPT_NAME '/api/v2', PATH_INFO '/users'
 * ```
 */
export function dispatcher(app: App, mounts: Mounts): App {
  // Longest first, so the first match is the most specific one.
  const table = Object.entries(mounts)
    .map(([prefix, mounted]) => [checkPrefix(prefix), mounted] as const)
    .sort((a, b) => b[0].length - a[0].length);
  return (environ, startResponse) => {
    const path = environ.PATH_INFO || '';
    if (hasDotSegment(path)) {
      const body = encoder.encode('400 Bad Request\n\nThe path holds a "." or ".." segment.\n');
      startResponse('400 Bad Request', [
        ['Content-Type', 'text/plain; charset=utf-8'],
        ['Content-Length', String(body.byteLength)],
      ]);
      return [body];
    }
    for (const [prefix, mounted] of table) {
      if (path === prefix || (path.startsWith(prefix) && path.charCodeAt(prefix.length) === 47)) {
        const inner = copyEnviron(environ);
        inner.SCRIPT_NAME = (environ.SCRIPT_NAME || '') + prefix;
        inner.PATH_INFO = path.slice(prefix.length);
        return mounted(inner, startResponse);
      }
    }
    return app(environ, startResponse);
  };
}

function checkPrefix(prefix: string): string {
  const trimmed = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  const segments = trimmed.split('/').slice(1);
  const valid =
    trimmed.startsWith('/') &&
    segments.every((s) => s !== '' && s !== '.' && s !== '..') &&
    !/[\\?#\0\r\n]/.test(trimmed);
  if (!valid) {
    throw new TypeError(
      `dispatcher: invalid mount prefix ${JSON.stringify(prefix)}: use '/name' or '/a/b' (no empty, '.' or '..' segments)`,
    );
  }
  return trimmed;
}
