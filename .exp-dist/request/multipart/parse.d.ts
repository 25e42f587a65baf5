import { MultiDict } from '../../datastructures/multidict.js';
import { FileStorage, type FileStorageFactory } from '../../datastructures/file-storage.js';
import { type MultipartLimits } from './limits.js';
/** Options of `parseMultipart` and `iterateParts`. */
export interface MultipartOptions {
    /** Limits; missing ones take the defaults of `DEFAULT_MULTIPART_LIMITS`. */
    limits?: Partial<MultipartLimits>;
    /** Where files go; `memoryStorage()` by default. */
    storage?: FileStorageFactory;
    /** The declared `Content-Length`: a body that is shorter or longer is a 400. */
    contentLength?: number;
    /**
     * Called with a function that frees every stored file: register it with the request's cleanup
     * (`registerCleanup(environ, fn)`) so temporary files go when the response is done.
     */
    onCleanup?: (dispose: () => Promise<void>) => void;
    /** Charset of text fields without one (until a `_charset_` field says otherwise); UTF-8. */
    charset?: string;
}
/** The result of `parseMultipart`. */
export interface MultipartResult {
    /** Text fields, in order. */
    form: MultiDict<string>;
    /** Files, in order. */
    files: MultiDict<FileStorage>;
}
/**
 * Reads a whole `multipart/form-data` body: text fields into `form`, files into `files` (stored by
 * `options.storage`). Every limit is checked as bytes arrive; malformed bodies are a 400, limit
 * breaches a 413 (431 for part headers). On failure every stored file is freed before the error
 * is thrown; on success `options.onCleanup` receives the function that frees them (without it,
 * the caller frees them with `FileStorage.close()`).
 *
 * @example
 * ```ts
 * const { form, files } = await parseMultipart(environ['tsgi.input'], boundaryOf(environ.CONTENT_TYPE!), {
 *   storage: diskStorage(),
 *   onCleanup: (dispose) => registerCleanup(environ, dispose),
 * });
 * ```
 */
export declare function parseMultipart(input: AsyncIterable<Uint8Array>, boundary: string, options?: MultipartOptions): Promise<MultipartResult>;
//# sourceMappingURL=parse.d.ts.map