/**
 * `sendFile`: a `Response` for a file on disk, with validators, conditional requests and ranges,
 * streamed from the file without buffering it.
 * @module
 */
import { lstat, realpath, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import mime from 'mime';
import { NotFound } from '../../errors.js';
import { contentTypeFor } from '../../http/content-type.js';
import { formatContentDisposition } from '../../http/content-disposition.js';
import { quoteEtag } from '../../http/etag.js';
import { formatHttpDate } from '../../http/dates.js';
import { Response } from '../../response/response.js';
import { makeConditional } from '../../response/conditional.js';
import { checkPath, resolveAndStat } from './safe-path.js';
import { FileBody } from './send-file-body.js';
const SIBLING_EXTENSIONS = { br: '.br', gzip: '.gz' };
const ALL_ENCODINGS = ['br', 'gzip'];
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
export async function sendFile(path, req, options = {}) {
    let found;
    if (options.root !== undefined) {
        const dotfiles = options.dotfiles ?? 'ignore';
        const checked = checkPath(path.startsWith('/') ? path : `/${path}`, dotfiles);
        if (typeof checked === 'string' || checked.trailingSlash)
            throw new NotFound();
        const realRoot = await realRootOf(options.root);
        found = realRoot === null ? null : await resolveAndStat(realRoot, checked.segments, dotfiles);
    }
    else {
        found = await stat(path).then((stats) => ({ real: path, stats }), () => null);
    }
    if (found === null || !found.stats.isFile())
        throw new NotFound();
    return fileResponse(found.real, found.stats, req, options, basename(path));
}
async function realRootOf(root) {
    try {
        return await realpath(root);
    }
    catch {
        return null;
    }
}
async function selectEncoding(real, stats, req, encodings) {
    const identity = { path: real, stats, encoding: undefined };
    const accept = req.acceptEncodings;
    // Without Accept-Encoding any coding is allowed in theory, but every server sends identity.
    if (!accept.provided)
        return identity;
    const wanted = encodings.filter((encoding) => accept.quality(encoding) > 0);
    if (!wanted.length)
        return identity;
    const found = await Promise.all(wanted.map(async (encoding) => {
        const path = real + SIBLING_EXTENSIONS[encoding];
        try {
            // lstat: a symlinked sibling could point anywhere, so only regular files count.
            const sibling = await lstat(path);
            return sibling.isFile() ? { path, stats: sibling, encoding } : null;
        }
        catch {
            return null;
        }
    }));
    const available = found.filter((item) => item !== null);
    if (!available.length)
        return identity;
    const best = accept.bestMatch([...available.map((item) => item.encoding), 'identity']);
    return available.find((item) => item.encoding === best) ?? identity;
}
function etagFor(stats, encoding) {
    const suffix = encoding ? `-${encoding}` : '';
    return `${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}${suffix}`;
}
function cacheControlFor(options) {
    if (options.cacheControl === false)
        return undefined;
    if (typeof options.cacheControl === 'string')
        return options.cacheControl;
    const maxAge = Number.isFinite(options.maxAge) ? Math.max(0, Math.floor(options.maxAge)) : 0;
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
export async function fileResponse(real, stats, req, options, name = basename(real)) {
    const encodings = options.precompressed === true ? ALL_ENCODINGS : options.precompressed || [];
    const selected = encodings.length ? await selectEncoding(real, stats, req, encodings) : undefined;
    const file = selected ?? { path: real, stats, encoding: undefined };
    const contentType = options.contentType ?? contentTypeFor(mime.getType(name) ?? 'application/octet-stream');
    const res = new Response(new FileBody(file.path, 0, file.stats.size, options.chunkSize), { contentType });
    const headers = res.headers;
    headers.set('Content-Length', String(file.stats.size));
    if (file.encoding)
        headers.set('Content-Encoding', file.encoding);
    if (encodings.length)
        headers.append('Vary', 'Accept-Encoding');
    const acceptRanges = options.acceptRanges ?? true;
    if (acceptRanges)
        headers.set('Accept-Ranges', 'bytes');
    const etag = options.etag ?? 'strong';
    if (etag)
        headers.set('ETag', quoteEtag(etagFor(file.stats, file.encoding), etag === 'weak'));
    if (options.lastModified ?? true)
        headers.setOrDelete('Last-Modified', httpDateOrUndefined(file.stats.mtimeMs));
    const cacheControl = cacheControlFor(options);
    if (cacheControl)
        headers.set('Cache-Control', cacheControl);
    const disposition = options.download ? 'attachment' : options.inline ? 'inline' : undefined;
    if (disposition) {
        const given = disposition === 'attachment' ? options.download : options.inline;
        const filename = typeof given === 'string' ? given : name;
        headers.set('Content-Disposition', formatContentDisposition(filename, { type: disposition }));
    }
    return makeConditional(res, req, { acceptRanges, completeLength: file.stats.size });
}
/** The mtime as an HTTP date, or `undefined` for a time HTTP cannot express (before year 0 or after 9999). */
function httpDateOrUndefined(time) {
    try {
        return formatHttpDate(time);
    }
    catch {
        return undefined;
    }
}
//# sourceMappingURL=send-file.js.map