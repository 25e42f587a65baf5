/**
 * `sendFile`: a `Response` for a file on disk, with validators, conditional requests and ranges,
 * streamed from the file without buffering it.
 * @module
 */
import type { Stats } from 'node:fs';
import { basename } from 'node:path';
import { NotFound } from '../../errors.js';
import { contentTypeFor } from '../../http/content-type.js';
import { formatContentDisposition } from '../../http/content-disposition.js';
import { quoteEtag } from '../../http/etag.js';
import { formatHttpDate } from '../../http/dates.js';
import type { Request } from '../../request/request.js';
import { Response } from '../../response/response.js';
import { makeConditional } from '../../response/conditional.js';
import { checkPath, resolveAndStat, type DotfilesPolicy } from './safe-path.js';
import { FileBody } from './send-file-body.js';
import { optionsChecker, type OptionNames } from '../../options.js';
import { nodeFsPromises } from '../../node-builtins.node.js';

// mime's table takes about 9 ms to load, so the first file response imports it, not
// `import 'tsgi/node'` (bench/README.md, "Import time"); later responses find it loaded.
let mime: typeof import('mime').default | undefined;
async function loadMime(): Promise<typeof import('mime').default> {
  mime = (await import('mime')).default;
  return mime;
}

/**
 * A content coding for which a precompressed sibling file may exist (`.br`, `.gz`).
 *
 * @example
 * ```ts
 * const encodings: PrecompressedEncoding[] = ['br', 'gzip'];
 * ```
 */
export type PrecompressedEncoding = 'br' | 'gzip';

/**
 * Options for `sendFile` (and, except `root`, `download`, `inline` and `contentType`, for `staticFiles`).
 *
 * @example
 * ```ts
 * const options: SendFileOptions = { maxAge: 31536000, immutable: true, precompressed: true };
 * ```
 */
export interface SendFileOptions {
  /**
   * Treat `path` as a URL-style path (`/docs/a.pdf`) under this directory and apply the same checks
   * as `staticFiles`: no `..`, NUL, backslash, device names or dotfiles, and the real path must stay
   * inside the real root. Use it whenever `path` comes from the request.
   */
  root?: string;
  /** With `root`: `ignore` (default) refuses dotfiles, `allow` serves them. */
  dotfiles?: DotfilesPolicy;
  /** The Content-Type to send; by default it comes from the file's extension (`mime`), `charset=utf-8` added for text. */
  contentType?: string;
  /**
   * The ETag, built from the file's size and modification time: `'strong'` (the default, as nginx
   * does: a file with an unchanged size and mtime has the same bytes, and a strong tag lets
   * `If-Range` work), `'weak'` (`W/"..."`, as Express's `send` does), or `false` for none.
   */
  etag?: 'strong' | 'weak' | false;
  /** Send `Last-Modified` from the file's mtime. Default true. */
  lastModified?: boolean;
  /** `Cache-Control: public, max-age=<maxAge>` in seconds. Default 0 (caches revalidate every time). */
  maxAge?: number;
  /** Add `immutable` to Cache-Control (for fingerprinted file names). Default false. */
  immutable?: boolean;
  /** `false` sends no Cache-Control; a string is sent as given and overrides `maxAge`/`immutable`. */
  cacheControl?: boolean | string;
  /** Send as an attachment (`Content-Disposition: attachment`), named after the file or the given name. */
  download?: boolean | string;
  /** Send `Content-Disposition: inline` with a file name (the file's own or the given one). */
  inline?: boolean | string;
  /**
   * Serve `<file>.br` / `<file>.gz` instead of the file when the request accepts that encoding and
   * the sibling exists as a regular file (not a symlink). `true` means `['br', 'gzip']`. Default false.
   * When on, every response carries `Vary: Accept-Encoding`.
   */
  precompressed?: boolean | readonly PrecompressedEncoding[];
  /** Answer Range requests (206, 416, multipart/byteranges) and send `Accept-Ranges: bytes`. Default true. */
  acceptRanges?: boolean;
  /** Bytes read from the file per body chunk. Default 64 KiB. */
  chunkSize?: number;
}

/** @internal The names of {@link SendFileOptions}; `staticFiles` takes most of them. */
export const SEND_FILE_OPTIONS: OptionNames<SendFileOptions> = {
  root: true,
  dotfiles: true,
  contentType: true,
  etag: true,
  lastModified: true,
  maxAge: true,
  immutable: true,
  cacheControl: true,
  download: true,
  inline: true,
  precompressed: true,
  acceptRanges: true,
  chunkSize: true,
};

const checkOptions = optionsChecker<SendFileOptions>('sendFile', SEND_FILE_OPTIONS);

const SIBLING_EXTENSIONS: Record<PrecompressedEncoding, string> = { br: '.br', gzip: '.gz' };
const ALL_ENCODINGS: readonly PrecompressedEncoding[] = ['br', 'gzip'];

/**
 * A `Response` for the file at `path`: streamed from disk (only the requested range is read), with
 * Content-Type from the extension, `ETag` and `Last-Modified` from the file's size and mtime,
 * Cache-Control, and the request's conditional and Range headers applied (304, 412, 206, 416).
 * Throws `NotFound` when the file does not exist, is not a regular file, or (with `root`) is refused.
 * The file is opened only when the body is sent, and closed when it ends or the client goes away.
 *
 * @example
 * ```ts
 * import { sendFile } from 'tsgi/node';
 * const app = Request.application(async (req) =>
 *   sendFile(req.path.slice('/files'.length), req, { root: './uploads', download: true }),
 * );
 * ```
 */
export async function sendFile(path: string, req: Request, options: SendFileOptions = {}): Promise<Response> {
  checkOptions(options);
  let found: { real: string; stats: Stats } | null;
  if (options.root !== undefined) {
    const dotfiles = options.dotfiles ?? 'ignore';
    const checked = checkPath(path.startsWith('/') ? path : `/${path}`, dotfiles);
    if (typeof checked === 'string' || checked.trailingSlash) throw new NotFound();
    const realRoot = await realRootOf(options.root);
    found = realRoot === null ? null : await resolveAndStat(realRoot, checked.segments, dotfiles);
  } else {
    const fs = nodeFsPromises.get() ?? (await nodeFsPromises.load());
    found = await fs.stat(path).then(
      (stats) => ({ real: path, stats }),
      () => null,
    );
  }
  if (found === null || !found.stats.isFile()) throw new NotFound();
  return fileResponse(found.real, found.stats, req, options, basename(path));
}

async function realRootOf(root: string): Promise<string | null> {
  try {
    return await (nodeFsPromises.get() ?? (await nodeFsPromises.load())).realpath(root);
  } catch {
    return null;
  }
}

interface Selected {
  path: string;
  stats: Stats;
  encoding: PrecompressedEncoding | undefined;
}

async function selectEncoding(
  real: string,
  stats: Stats,
  req: Request,
  encodings: readonly PrecompressedEncoding[],
): Promise<Selected> {
  const identity: Selected = { path: real, stats, encoding: undefined };
  const accept = req.acceptEncodings;
  // Without Accept-Encoding any coding is allowed in theory, but every server sends identity.
  if (!accept.provided) return identity;
  const wanted = encodings.filter((encoding) => accept.quality(encoding) > 0);
  if (!wanted.length) return identity;
  const found = await Promise.all(
    wanted.map(async (encoding): Promise<Selected | null> => {
      const path = real + SIBLING_EXTENSIONS[encoding];
      try {
        // lstat: a symlinked sibling could point anywhere, so only regular files count.
        const sibling = await (nodeFsPromises.get() ?? (await nodeFsPromises.load())).lstat(path);
        return sibling.isFile() ? { path, stats: sibling, encoding } : null;
      } catch {
        return null;
      }
    }),
  );
  const available = found.filter((item): item is Selected => item !== null);
  if (!available.length) return identity;
  const best = accept.bestMatch([...available.map((item) => item.encoding as string), 'identity']);
  return available.find((item) => item.encoding === best) ?? identity;
}

function etagFor(stats: Stats, encoding: PrecompressedEncoding | undefined): string {
  const suffix = encoding ? `-${encoding}` : '';
  return `${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}${suffix}`;
}

function cacheControlFor(options: SendFileOptions): string | undefined {
  if (options.cacheControl === false) return undefined;
  if (typeof options.cacheControl === 'string') return options.cacheControl;
  const maxAge = Number.isFinite(options.maxAge) ? Math.max(0, Math.floor(options.maxAge as number)) : 0;
  return `public, max-age=${maxAge}${options.immutable ? ', immutable' : ''}`;
}

/**
 * The response for a file already found and checked (`real` from `realpath`, `stats` from `stat`);
 * `name` is the name the client asked for, used for the media type and the download name.
 * Shared by `sendFile` and `staticFiles`; not exported from `tsgi/node`.
 *
 * @example
 * ```ts
 * const res = await fileResponse(real, await stat(real), req, { maxAge: 60 }, 'report.pdf');
 * ```
 */
export async function fileResponse(
  real: string,
  stats: Stats,
  req: Request,
  options: SendFileOptions,
  name: string = basename(real),
): Promise<Response> {
  const encodings = options.precompressed === true ? ALL_ENCODINGS : options.precompressed || [];
  const selected = encodings.length ? await selectEncoding(real, stats, req, encodings) : undefined;
  const file = selected ?? { path: real, stats, encoding: undefined };
  const contentType = options.contentType ?? contentTypeFor((mime ?? (await loadMime())).getType(name) ?? 'application/octet-stream');

  const res = new Response(new FileBody(file.path, 0, file.stats.size, options.chunkSize), { contentType });
  const headers = res.headers;
  headers.set('Content-Length', String(file.stats.size));
  if (file.encoding) headers.set('Content-Encoding', file.encoding);
  if (encodings.length) headers.append('Vary', 'Accept-Encoding');
  const acceptRanges = options.acceptRanges ?? true;
  if (acceptRanges) headers.set('Accept-Ranges', 'bytes');
  const etag = options.etag ?? 'strong';
  if (etag) headers.set('ETag', quoteEtag(etagFor(file.stats, file.encoding), etag === 'weak'));
  if (options.lastModified ?? true) headers.setOrDelete('Last-Modified', httpDateOrUndefined(file.stats.mtimeMs));
  const cacheControl = cacheControlFor(options);
  if (cacheControl) headers.set('Cache-Control', cacheControl);
  const disposition = options.download ? 'attachment' : options.inline ? 'inline' : undefined;
  if (disposition) {
    const given = disposition === 'attachment' ? options.download : options.inline;
    const filename = typeof given === 'string' ? given : name;
    headers.set('Content-Disposition', formatContentDisposition(filename, { type: disposition }));
  }
  return makeConditional(res, req, { acceptRanges, completeLength: file.stats.size });
}

/** The mtime as an HTTP date, or `undefined` for a time HTTP cannot express (before year 0 or after 9999). */
function httpDateOrUndefined(time: number): string | undefined {
  try {
    return formatHttpDate(time);
  } catch {
    return undefined;
  }
}
