import type { Stats } from 'node:fs';
import type { Request } from '../../request/request.js';
import { Response } from '../../response/response.js';
import { type DotfilesPolicy } from './safe-path.js';
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
export declare function sendFile(path: string, req: Request, options?: SendFileOptions): Promise<Response>;
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
export declare function fileResponse(real: string, stats: Stats, req: Request, options: SendFileOptions, name?: string): Promise<Response>;
//# sourceMappingURL=send-file.d.ts.map