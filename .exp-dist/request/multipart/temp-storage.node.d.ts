import { type FileStorageFactory } from '../../datastructures/file-storage.js';
/** Options of `diskStorage`. */
export interface DiskStorageOptions {
    /** Files up to this many bytes stay in memory. Default 1 MiB. */
    threshold?: number;
    /**
     * Bytes all in-memory uploads of this storage may hold together (across concurrent requests);
     * beyond it, new data spills to disk even under `threshold`. Default 64 MiB.
     */
    memoryBudget?: number;
    /** Where temporary directories are made. Default `os.tmpdir()`. */
    directory?: string;
}
/** Prefix of the temporary directories (one per spilled file). */
export declare const TEMP_PREFIX = "tsgi-upload-";
/**
 * Upload storage for Node: small files in memory, larger ones in temporary files that
 * `FileStorage.save(path)` copies and the request's cleanup removes. The node adapter installs one
 * as `environ['tsgi.file_storage']`.
 *
 * @example
 * ```ts
 * class UploadRequest extends Request { fileStorage = diskStorage({ threshold: 256 * 1024 }); }
 * ```
 */
export declare function diskStorage(options?: DiskStorageOptions): FileStorageFactory;
//# sourceMappingURL=temp-storage.node.d.ts.map