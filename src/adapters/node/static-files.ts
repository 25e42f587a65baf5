/**
 * The `staticFiles` middleware: serves files from directories mounted under URL prefixes and hands
 * every other request to the wrapped app.
 * @module
 */
import type { App, Body, Environ, StartResponse } from '../../gateway.js';
import { MethodNotAllowed, NotFound } from '../../errors.js';
import { quotePath } from '../../http/url.js';
import { redirect } from '../../response/redirect.js';
import { Request } from '../../request/request.js';
import { checkPath, hasEncodedSeparator, resolveAndStat, type DotfilesPolicy } from './safe-path.js';
import { fileResponse, SEND_FILE_OPTIONS, type SendFileOptions } from './send-file.js';
import { optionsChecker } from '../../options.js';
import { nodeFsPromises } from '../../node-builtins.node.js';

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

interface Mount {
  /** The URL prefix without its trailing slash (`''` for `/`). */
  prefix: string;
  directory: string;
  /** The root's real path, resolved on first use; retried when the root did not exist yet. */
  realRoot: Promise<string | null> | undefined;
}

const SERVED_METHODS = new Set(['GET', 'HEAD']);

// sendFile's options but those that name one file (root, download, inline, contentType).
const { root: _root, download: _download, inline: _inline, contentType: _contentType, ...FILE_OPTIONS } = SEND_FILE_OPTIONS;
const checkOptions = optionsChecker<StaticFilesOptions>('staticFiles', {
  ...FILE_OPTIONS,
  index: true,
  fallthrough: true,
  redirect: true,
});

function normalizePrefix(prefix: string): string {
  if (!prefix.startsWith('/')) throw new TypeError(`static prefix must start with "/": ${JSON.stringify(prefix)}`);
  return prefix.replace(/\/+$/, '');
}

function resolveRoot(mount: Mount): Promise<string | null> {
  mount.realRoot ??= nodeFsPromises.load().then((fs) => fs.realpath(mount.directory)).then(
    (real) => real,
    () => {
      mount.realRoot = undefined;
      return null;
    },
  );
  return mount.realRoot;
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
export function staticFiles(app: App | null, mounts: Record<string, string>, options: StaticFilesOptions = {}): App {
  checkOptions(options);
  const list: Mount[] = Object.entries(mounts)
    .map(([prefix, directory]) => ({ prefix: normalizePrefix(prefix), directory, realRoot: undefined }))
    .sort((a, b) => b.prefix.length - a.prefix.length);
  const dotfiles = options.dotfiles ?? 'ignore';
  const indexNames = options.index === false ? [] : [options.index ?? 'index.html'].flat();
  const fallthrough = options.fallthrough ?? true;
  const redirectSlash = options.redirect ?? true;
  const fileOptions: SendFileOptions = { ...options };

  const notFound = (environ: Environ, startResponse: StartResponse): Body | Promise<Body> =>
    new NotFound().getResponse(environ)(environ, startResponse);
  const miss = (environ: Environ, startResponse: StartResponse): Body | Promise<Body> =>
    fallthrough && app ? app(environ, startResponse) : notFound(environ, startResponse);

  return async function staticFilesApp(environ: Environ, startResponse: StartResponse): Promise<Body> {
    const path = environ.PATH_INFO;
    const mount = list.find((m) => path === m.prefix || path.startsWith(`${m.prefix}/`));
    if (!mount) return app ? app(environ, startResponse) : notFound(environ, startResponse);

    if (!SERVED_METHODS.has(environ.REQUEST_METHOD)) {
      if (fallthrough && app) return app(environ, startResponse);
      return new MethodNotAllowed(['GET', 'HEAD']).getResponse(environ)(environ, startResponse);
    }
    const rest = path.slice(mount.prefix.length);
    // Tricks get a 404 of their own: an app behind us should never see them as ordinary misses.
    if (hasEncodedSeparator(environ.REQUEST_URI)) return notFound(environ, startResponse);
    const checked = checkPath(rest, dotfiles);
    if (checked === 'hostile') return notFound(environ, startResponse);
    if (checked === 'hidden') return miss(environ, startResponse);

    const realRoot = await resolveRoot(mount);
    if (realRoot === null) return miss(environ, startResponse);
    const found = await resolveAndStat(realRoot, checked.segments, dotfiles);
    if (found === null) return miss(environ, startResponse);
    const { real, stats } = found;

    if (stats.isFile()) {
      // `/file.txt/` names a directory that does not exist.
      if (checked.trailingSlash) return miss(environ, startResponse);
      const res = await fileResponse(real, stats, new Request(environ), fileOptions, checked.segments.at(-1));
      return res(environ, startResponse);
    }
    if (!stats.isDirectory()) return miss(environ, startResponse);
    if (!checked.trailingSlash) {
      if (!redirectSlash) return miss(environ, startResponse);
      const query = environ.QUERY_STRING ? `?${environ.QUERY_STRING}` : '';
      const location = `${quotePath(`${environ.SCRIPT_NAME}${path}/`)}${query}`;
      return redirect(location, 301)(environ, startResponse);
    }
    for (const name of indexNames) {
      const index = await resolveAndStat(realRoot, [...checked.segments, name], dotfiles);
      if (index?.stats.isFile()) {
        const res = await fileResponse(index.real, index.stats, new Request(environ), fileOptions, name);
        return res(environ, startResponse);
      }
    }
    return miss(environ, startResponse);
  };
}
