/**
 * Turning a request path into a file inside a root directory, refusing every trick that could
 * step outside it or reach a file that should stay hidden.
 *
 * The rules, in order (each refusal is a plain 404 for the caller, never an error that names a path):
 * 1. The path is decoded exactly once, by the server, into `PATH_INFO`; nothing here decodes again,
 *    so a request for `%252e%252e` looks for a file literally named `%2e%2e`.
 * 2. Segments that are empty, `.` or `..`, or that hold NUL, a control character or a backslash, are
 *    refused; so are Windows device names (`CON`, `NUL`, `COM1`, `LPT1.txt`...) on every platform, so
 *    a tree behaves the same wherever it is deployed. On Windows, `:` (drive letters, alternate data
 *    streams) and trailing dots or spaces (which Windows strips) are refused too.
 * 3. Dotfiles (any segment starting with `.`) are hidden unless allowed.
 * 4. The joined path is resolved with `realpath`, and the result must be the real root or lie under
 *    it followed by a separator, so a symlink pointing out and a sibling such as `/srv/public2` next
 *    to `/srv/public` are both refused.
 * @module
 */
import type { Stats } from 'node:fs';
import { join, sep } from 'node:path';
import { nodeFs } from '../../node-builtins.node.js';

/** What to do with dotfiles: `ignore` hides them (the default), `allow` serves them. */
export type DotfilesPolicy = 'ignore' | 'allow';

/** Why a path was refused: `hostile` for tricks, `hidden` for dotfiles. */
export type PathRefusal = 'hostile' | 'hidden';

/** The segments of a checked relative path, and whether it named a directory (trailing `/`). */
export interface CheckedPath {
  segments: string[];
  trailingSlash: boolean;
}

const IS_WINDOWS = process.platform === 'win32';
// Device names Windows resolves in every directory, with or without an extension; `COM0`/`LPT0`
// and the superscript digits are reserved on recent versions too.
const DEVICE_NAME = /^(?:con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\$|conout\$|clock\$)(?:\..*)?$/i;
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHAR = /[\u0000-\u001f\u007f\\]/;
const WINDOWS_FORBIDDEN = /[:<>"|?*]|[. ]$/;

/**
 * True when `segment` names a Windows device, with or without an extension and ignoring the
 * trailing dots and spaces Windows strips.
 *
 * @example
 * ```ts
 * isWindowsDeviceName('con.txt'); // true
 * isWindowsDeviceName('console'); // false
 * ```
 */
export function isWindowsDeviceName(segment: string): boolean {
  return DEVICE_NAME.test(segment.replace(/[. ]+$/, ''));
}

/**
 * Splits an already-decoded relative path (such as `/css/site.css`) into segments, or says why it is
 * refused. It never touches the file system.
 *
 * @example
 * ```ts
 * checkPath('/css/site.css', 'ignore');  // { segments: ['css', 'site.css'], trailingSlash: false }
 * checkPath('/../etc/passwd', 'ignore'); // 'hostile'
 * checkPath('/.env', 'ignore');          // 'hidden'
 * ```
 */
export function checkPath(path: string, dotfiles: DotfilesPolicy): CheckedPath | PathRefusal {
  if (path !== '' && !path.startsWith('/')) return 'hostile';
  const trailingSlash = path.length > 1 && path.endsWith('/');
  const inner = path.slice(1, trailingSlash ? -1 : undefined);
  if (inner === '') return { segments: [], trailingSlash: path === '/' || trailingSlash };
  const segments = inner.split('/');
  let hidden = false;
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') return 'hostile';
    if (FORBIDDEN_CHAR.test(segment) || isWindowsDeviceName(segment)) return 'hostile';
    if (IS_WINDOWS && WINDOWS_FORBIDDEN.test(segment)) return 'hostile';
    if (segment.startsWith('.')) hidden = true;
  }
  if (hidden && dotfiles !== 'allow') return 'hidden';
  return { segments, trailingSlash };
}

/**
 * True when the raw request target (`REQUEST_URI`) holds an encoded slash or backslash (`%2F`,
 * `%5C`) in its path. Like Apache's default, such paths are refused: after decoding they would
 * split into segments the client did not write.
 *
 * @example
 * ```ts
 * hasEncodedSeparator('/static/a%2Fb.txt?x=1'); // true
 * ```
 */
export function hasEncodedSeparator(requestUri: string | undefined): boolean {
  if (!requestUri) return false;
  const query = requestUri.indexOf('?');
  const rawPath = query === -1 ? requestUri : requestUri.slice(0, query);
  return /%(?:2f|5c)/i.test(rawPath);
}

/**
 * True when the real path `real` is the real root or lies under it. Both must come from `realpath`;
 * the separator check is what keeps `/srv/public2` out of `/srv/public`.
 *
 * @example
 * ```ts
 * isInside('/srv/public', '/srv/public/a.txt'); // true
 * isInside('/srv/public', '/srv/public2/a.txt'); // false
 * ```
 */
export function isInside(realRoot: string, real: string): boolean {
  if (real === realRoot) return true;
  const prefix = realRoot.endsWith(sep) ? realRoot : realRoot + sep;
  return real.startsWith(prefix);
}

// Callback `fs` wrapped by hand: measured here, a promise-API `stat` or `realpath` costs about 40%
// more CPU than the callback one, and these run on every request. node:fs is imported by the
// first call (node-builtins.node.ts).
function realpathOrNull(path: string): Promise<string | null> {
  const fs = nodeFs.get();
  if (fs === undefined) return nodeFs.load().then(() => realpathOrNull(path));
  return new Promise((resolve) => fs.realpath.native(path, (error, real) => resolve(error ? null : real)));
}

function statOrNull(path: string): Promise<Stats | null> {
  const fs = nodeFs.get();
  if (fs === undefined) return nodeFs.load().then(() => statOrNull(path));
  return new Promise((resolve) => fs.stat(path, (error, stats) => resolve(error ? null : stats)));
}

/**
 * Resolves checked segments under a real root to a real path, or `null` when the file does not exist,
 * cannot be resolved, or resolves outside the root (a symlink out) or onto a hidden file.
 *
 * @example
 * ```ts
 * const real = await resolveInside(await realpath('public'), ['css', 'site.css'], 'ignore');
 * ```
 */
export async function resolveInside(
  realRoot: string,
  segments: readonly string[],
  dotfiles: DotfilesPolicy,
): Promise<string | null> {
  const real = await realpathOrNull(segments.length ? join(realRoot, ...segments) : realRoot);
  if (real === null) return null;
  if (!isInside(realRoot, real)) return null;
  // A symlink inside the root may still point at a dotfile inside it.
  if (dotfiles !== 'allow' && real.length > realRoot.length) {
    const rest = real.slice(realRoot.length).split(sep);
    if (rest.some((segment) => segment.startsWith('.'))) return null;
  }
  return real;
}

/** A file found inside a root: its real path and its `stat`. */
export interface ResolvedFile {
  real: string;
  stats: Stats;
}

/**
 * `resolveInside` and `stat` together, or `null` when either fails. The two run side by side (they
 * are independent reads of the same path), which saves a thread-pool round trip per request; the
 * stats are used only when the real path passed the checks. A file swapped between the two calls
 * can at worst be described by the other's size and mtime, which the body reader detects when the
 * file turns out shorter.
 *
 * @example
 * ```ts
 * const found = await resolveAndStat(realRoot, ['css', 'site.css'], 'ignore');
 * if (found?.stats.isFile()) serve(found.real, found.stats);
 * ```
 */
export async function resolveAndStat(
  realRoot: string,
  segments: readonly string[],
  dotfiles: DotfilesPolicy,
): Promise<ResolvedFile | null> {
  const candidate = segments.length ? join(realRoot, ...segments) : realRoot;
  const [real, stats] = await Promise.all([
    resolveInside(realRoot, segments, dotfiles),
    statOrNull(candidate),
  ]);
  return real === null || stats === null ? null : { real, stats };
}
