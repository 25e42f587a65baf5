/**
 * The glue between `Request` and the multipart parser: limits and storage taken from the request,
 * temporary files registered for removal when the request is over.
 * @module
 */
import type { Environ } from '../../gateway.js';
import { memoryStorage, type FileStorageFactory } from '../../datastructures/file-storage.js';
import { UnsupportedMediaType } from '../../errors.js';
import { boundaryOf } from './boundary.js';
import { registerCleanup } from '../cleanup.js';
import type { MultipartLimits } from './limits.js';
import type { MultipartOptions, MultipartResult } from './parse.js';
import { iterateParts, parseMultipart } from './lazy.js';
import type { Part } from './part.js';

/** The environ key where a server may offer a file storage for uploads (the node adapter's is on disk). */
export const FILE_STORAGE_KEY = 'tsgi.file_storage';

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

function options(req: MultipartSource): MultipartOptions {
  const limits: Partial<MultipartLimits> = {
    // `req.stream` is already capped at Content-Length and maxContentLength.
    maxContentLength: Infinity,
    maxFormMemorySize: req.maxFormMemorySize,
    maxFormParts: req.maxFormParts,
    maxFiles: req.maxFiles,
    maxFileSize: req.maxFileSize,
  };
  const offered = req.environ[FILE_STORAGE_KEY] as FileStorageFactory | undefined;
  return {
    limits,
    storage: req.fileStorage ?? (typeof offered?.create === 'function' ? offered : memoryStorage()),
    onCleanup: (dispose) => registerCleanup(req.environ, dispose),
  };
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
export function readMultipart(req: MultipartSource): Promise<MultipartResult> {
  return parseMultipart(req.stream, boundaryOf(req.contentType), options(req));
}

/**
 * The parts of a request's `multipart/form-data` body as a stream (see `iterateParts`); a 415 for
 * any other body.
 *
 * @example
 * ```ts
 * for await (const part of requestParts(req)) console.log(part.name);
 * ```
 */
export function requestParts(req: MultipartSource): AsyncGenerator<Part, void, undefined> {
  if (req.mimetype !== 'multipart/form-data') {
    throw new UnsupportedMediaType(`Expected a multipart/form-data body, got ${JSON.stringify(req.mimetype || 'none')}.`);
  }
  return iterateParts(req.stream, boundaryOf(req.contentType), options(req));
}
