import type { App } from '../../gateway.js';
import { type DotfilesPolicy } from './safe-path.js';
import { type SendFileOptions } from './send-file.js';
/**
 * Options for `staticFiles`; the `sendFile` options (`maxAge`, `immutable`, `etag`...) apply to every file.
 *
 * @example
 * ```ts
 * const options: StaticFilesOptions = { index: ['index.html', 'index.htm'], fallthrough: false, maxAge: 600 };
 * ```
 */
export interface StaticFilesOptions extends Omit<SendFileOptions, 'root' | 'download' | 'inline' | 'contentType'> {
    /** `ignore` (default) treats any path segment starting with `.` as missing; `allow` serves them. */
    dotfiles?: DotfilesPolicy;
    /** The file served for a directory path ending in `/`; a list is tried in order; `false` for none. Default `index.html`. */
    index?: string | readonly string[] | false;
    /**
     * When true (the default) a request under a prefix that names no file (or uses a method other
     * than GET and HEAD) goes on to the wrapped app; when false it gets a 404 (or a 405).
     */
    fallthrough?: boolean;
    /** Redirect a directory path without its trailing slash to the path with it (301). Default true. */
    redirect?: boolean;
}
/**
 * Wraps `app` so that files under each directory are served at their URL prefix. Requests that do
 * not start with a prefix go straight to `app`; so do, by default, requests under a prefix that name
 * no file (see `fallthrough`). Only GET and HEAD are served.
 *
 * - A directory path ending in `/` serves its `index.html`; without the slash it is redirected
 *   (301) to the path with it, keeping the query string. Directories are never listed.
 * - The longest matching prefix wins, so `/static/vendor` can point elsewhere than `/static`.
 * - Safety (see `safe-path.ts`): the path is decoded once (by the server), `..`, `.`, empty
 *   segments, NUL, backslashes, encoded slashes and Windows device names are refused with a 404
 *   (never passed to `app`); the real path must stay inside the real root (no symlinks out, no
 *   sibling directories sharing the root's name as a prefix); dotfiles are hidden unless
 *   `dotfiles: 'allow'`. No response names a file-system path.
 *
 * @example
 * ```ts
 * import { serve, staticFiles } from 'tsgi/node';
 * const site = staticFiles(app, { '/static': './public', '/media': '/srv/media' }, { maxAge: 3600 });
 * serve(site, { port: 8000 });
 * ```
 */
export declare function staticFiles(app: App | null, mounts: Record<string, string>, options?: StaticFilesOptions): App;
//# sourceMappingURL=static-files.d.ts.map