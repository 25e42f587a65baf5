/**
 * The glue between `Request` and the multipart parser: limits and storage taken from the request,
 * temporary files registered for removal when the request is over.
 * @module
 */
import type { Environ } from '../../gateway.js';
import { type FileStorageFactory } from '../../datastructures/file-storage.js';
import { type MultipartResult } from './parse.js';
import { type Part } from './parts.js';
/** The environ key where a server may offer a file storage for uploads (the node adapter's is on disk). */
export declare const FILE_STORAGE_KEY = "tsgi.file_storage";
/** What the multipart readers need from a `Request`. */
export interface MultipartSource {
    readonly environ: Environ;
    readonly contentType: string;
    readonly mimetype: string;
    /** The body, already capped at Content-Length and `maxContentLength`. */
    readonly stream: AsyncIterable<Uint8Array>;
    readonly maxFormMemorySize: number;
    readonly maxFormParts: number;
    readonly maxFiles: number;
    readonly maxFileSize: number;
    readonly fileStorage: FileStorageFactory | null;
}
/**
 * Parses a request's `multipart/form-data` body with its limits and storage; stored files are
 * removed by the request's cleanup (`runCleanup(environ)`, run when the response is closed).
 *
 * @example
 * ```ts
 * const { form, files } = await readMultipart(req);
 * ```
 */
export declare function readMultipart(req: MultipartSource): Promise<MultipartResult>;
/**
 * The parts of a request's `multipart/form-data` body as a stream (see `iterateParts`); a 415 for
 * any other body.
 *
 * @example
 * ```ts
 * for await (const part of requestParts(req)) console.log(part.name);
 * ```
 */
export declare function requestParts(req: MultipartSource): AsyncGenerator<Part, void, undefined>;
//# sourceMappingURL=request-body.d.ts.map