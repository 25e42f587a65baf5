/**
 * `dispatcher`: mounts apps under path prefixes, moving the prefix from `PATH_INFO` to
 * `SCRIPT_NAME` as Werkzeug's `DispatcherMiddleware` does.
 * @module
 */
import type { App } from '../gateway.js';
/** Apps by mount prefix: `{ '/api': api, '/static': files }`. */
export type Mounts = Record<string, App>;
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
export declare function dispatcher(app: App, mounts: Mounts): App;
//# sourceMappingURL=dispatcher.d.ts.map