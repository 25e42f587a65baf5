/**
 * A plain App mounted in a `Router` under a literal prefix: the prefix moves from `PATH_INFO` to
 * `SCRIPT_NAME`, as `dispatcher` does, so the app builds its URLs under it.
 * @module
 */
import { BadRequest } from '../errors.js';
import type { App, Body, Environ, StartResponse } from '../gateway.js';
import { hasDotSegment } from '../http/dot-segments.js';
import { copyEnviron } from '../signal.js';
import { foreignSyntaxHint } from './route-path.js';

/**
 * A mount prefix without its trailing slash (`'/api'`; `''` for the root); a `TypeError` for one
 * with variables, empty, `.` or `..` segments.
 */
export function checkMountPrefix(prefix: string): string {
  const trimmed = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  const valid =
    (trimmed === '' || trimmed.startsWith('/')) &&
    trimmed.split('/').slice(1).every((s) => s !== '' && s !== '.' && s !== '..') &&
    !/[<>\\?#\0\r\n]/.test(trimmed) &&
    // `/api/:version` would be literal text here, as in a route (route-path.ts).
    foreignSyntaxHint(trimmed) === undefined;
  if (!valid) throw new TypeError(`router.mount: invalid prefix ${JSON.stringify(prefix)}: use '/name' or '/a/b' (no variables, no empty, '.' or '..' segments)`);
  return trimmed;
}

/**
 * The App that hands a matched request to `app` with `prefix` shifted into `SCRIPT_NAME`. A rest
 * holding a dot segment is refused with 400: `/static/../admin` must not reach `/static` as `/../admin`.
 */
export function shiftedApp(prefix: string, app: App): (environ: Environ, startResponse: StartResponse) => Body | Promise<Body> {
  return (environ, startResponse) => {
    // The router matched `prefix`, `prefix/` or `prefix/...`; leading slashes it collapsed go too.
    const path = (environ.PATH_INFO || '').replace(/^\/+/, '/');
    const rest = path.slice(prefix.length);
    if (hasDotSegment(rest)) return new BadRequest('The path holds a "." or ".." segment.').getResponse(environ)(environ, startResponse);
    const inner = copyEnviron(environ);
    inner.SCRIPT_NAME = (environ.SCRIPT_NAME || '') + prefix;
    inner.PATH_INFO = rest;
    return app(inner, startResponse);
  };
}
