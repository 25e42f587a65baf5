import { Headers, type HeadersInit } from './headers.js';
/**
 * Where the bytes of one stored upload live (memory, a temporary file, another store).
 *
 * @example
 * ```ts
 * const data: FileData = MemoryFileData.from([new TextEncoder().encode('hi')]);
 * await data.bytes(); // Uint8Array [104, 105]
 * ```
 */
export interface FileData {
    /** Length in bytes. */
    readonly size: number;
    /** The file's path when it is on disk, so that it can be handed to other tools. */
    readonly path?: string;
    /** The bytes, chunk by chunk, from the start (may be called more than once). */
    chunks(): AsyncIterable<Uint8Array>;
    /** All the bytes in one array. */
    bytes(): Promise<Uint8Array>;
    /** Copies the file to `path` (only storages with file-system access provide this). */
    saveTo?(path: string): Promise<void>;
    /** Frees the storage (removes a temporary file). Safe to call more than once. */
    dispose(): Promise<void>;
}
/**
 * Receives the bytes of one upload while it is parsed. The parser awaits a returned promise before
 * it reads more of the body (back-pressure), and calls exactly one of `finish` or `abort`.
 *
 * @example
 * ```ts
 * const writer = memoryStorage().create(info);
 * writer.write(chunk);
 * const data = await writer.finish();
 * ```
 */
export interface FileWriter {
    /** Stores a chunk; the chunk is a view into the request body, so copy it to keep it. */
    write(chunk: Uint8Array): void | Promise<void>;
    /** All bytes were written: the stored file. */
    finish(): Promise<FileData>;
    /** Parsing failed or was abandoned: drop what was stored. */
    abort(): Promise<void>;
}
/** What a storage is told about an upload before its bytes arrive. */
export interface FileInfo {
    /** The form field name. */
    readonly name: string;
    /** The file name as the client sent it (never a safe path: see `secureFilename`). */
    readonly filename: string;
    /** The part's `Content-Type`, when sent. */
    readonly contentType: string | undefined;
    /** The part's headers. */
    readonly headers: Headers;
}
/**
 * Decides where uploads go. One factory may serve many requests at once.
 *
 * @example
 * ```ts
 * const storage: FileStorageFactory = { create: (info) => myBucketWriter(info.filename) };
 * ```
 */
export interface FileStorageFactory {
    /** Starts storing one upload. */
    create(info: FileInfo): FileWriter;
}
/**
 * Bytes held in memory, as a list of chunks (joined only when `bytes()` asks for them).
 *
 * @example
 * ```ts
 * const data = MemoryFileData.from([new Uint8Array([1, 2, 3])]);
 * data.size; // 3
 * ```
 */
export declare class MemoryFileData implements FileData {
    #private;
    readonly size: number;
    protected constructor(chunks: Uint8Array[], size: number);
    /** Wraps chunks that the caller gives up (they are not copied). */
    static from(chunks: Uint8Array[]): MemoryFileData;
    chunks(): AsyncIterable<Uint8Array>;
    bytes(): Promise<Uint8Array>;
    dispose(): Promise<void>;
}
/**
 * Keeps every upload in memory: the default where there is no file system (workerd, Deno Deploy).
 * The size of uploads is bounded by the request's limits (`maxContentLength`, `maxFileSize`).
 *
 * @example
 * ```ts
 * class MyRequest extends Request { fileStorage = memoryStorage(); }
 * ```
 */
export declare function memoryStorage(): FileStorageFactory;
/** A destination `FileStorage.save` can write to besides a path. */
export type SaveTarget = string | WritableStream<Uint8Array> | {
    write(chunk: Uint8Array): unknown;
};
/** What `FileStorage` is built from. */
export interface FileStorageInit {
    name: string;
    filename: string;
    headers?: Headers | HeadersInit;
    data: FileData;
    /** The parsed `Content-Type` (the multipart parser passes what it already parsed). */
    mimetype?: string;
    /** The parsed `Content-Type` parameters. */
    mimetypeParams?: Record<string, string>;
}
/**
 * An uploaded file, as `req.files()` returns it. The file name is the client's and must never be
 * used as a path as is (see `secureFilename`).
 *
 * @example
 * ```ts
 * const avatar = (await req.files()).get('avatar');
 * if (avatar) await avatar.save(`/srv/uploads/${secureFilename(avatar.filename) || 'upload'}`);
 * ```
 */
export declare class FileStorage {
    #private;
    /** The form field name. */
    readonly name: string;
    /** The file name as sent by the client (a full Windows path from old IE). */
    readonly filename: string;
    /** The part's headers. */
    readonly headers: Headers;
    constructor(init: FileStorageInit);
    /** The part's `Content-Type` header, or `undefined`. */
    get contentType(): string | undefined;
    /** The media type without parameters, lower-cased (`image/png`); `''` when not sent. */
    get mimetype(): string;
    /** The parameters of `Content-Type` (`{ charset: 'utf-8' }`). */
    get mimetypeParams(): Record<string, string>;
    /** Size in bytes. */
    get size(): number;
    /** The file's path when it is stored on disk (a temporary file, removed after the response). */
    get path(): string | undefined;
    /** The bytes as a new `ReadableStream` (each read starts from the beginning). */
    get stream(): ReadableStream<Uint8Array>;
    /** The bytes, chunk by chunk: `for await (const chunk of file) ...`. */
    [Symbol.asyncIterator](): AsyncIterator<Uint8Array>;
    /** All the bytes. */
    bytes(): Promise<Uint8Array>;
    /** The bytes decoded as text: the `charset` of `Content-Type`, else `fallback` (UTF-8). */
    text(fallback?: string): Promise<string>;
    /**
     * Writes the file to a path (needs file-system storage: `diskStorage()` on Node, which the node
     * adapter installs), to a `WritableStream`, or to any object with a `write(chunk)` method.
     */
    save(target: SaveTarget): Promise<void>;
    /** Frees the storage now (the temporary file is also removed after the response otherwise). */
    close(): Promise<void>;
    /** A short description for logs. */
    toString(): string;
}
//# sourceMappingURL=file-storage.d.ts.map