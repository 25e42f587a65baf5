/** Bytes read per chunk: the size of a `fs.createReadStream` chunk. */
export declare const DEFAULT_CHUNK_SIZE: number;
/**
 * The bytes `[start, end)` of a file, as an async iterable of chunks. It is "rangeable": `size` is
 * the number of bytes it yields and `slice(start, end)` gives a narrower view of the same file
 * without reading anything, which lets Range requests serve part of a file.
 *
 * The file is opened on the first `next()` (so a HEAD, 304 or 416 never opens it) and closed as soon
 * as the last chunk is read, on an error, or when the consumer calls `return()`. If the file shrinks while it
 * is being sent the iteration fails, because the promised Content-Length can no longer be met;
 * bytes appended after the response started are not sent.
 *
 * While one chunk is being written the next is already being read (one chunk of read-ahead).
 * Callback `fs` functions are used rather than `FileHandle`, which costs noticeably more per call.
 *
 * @example
 * ```ts
 * const { size } = await stat('video.mp4');
 * const body = new FileBody('video.mp4', 0, size);
 * for await (const chunk of body.slice(0, 1024)) process(chunk); // only the first KiB is read
 * ```
 */
export declare class FileBody implements AsyncIterable<Uint8Array> {
    #private;
    /** The file's path (already checked by the caller). */
    readonly path: string;
    /** Offset of the first byte in the file. */
    readonly start: number;
    /** Offset just past the last byte. */
    readonly end: number;
    /** Bytes per chunk. */
    readonly chunkSize: number;
    constructor(path: string, start: number, end: number, chunkSize?: number);
    /** The number of bytes this body yields. */
    get size(): number;
    /** The bytes `[start, end)` of this body, as another `FileBody` (offsets relative to this one). */
    slice(start: number, end?: number): FileBody;
    [Symbol.asyncIterator](): AsyncGenerator<Uint8Array, void, undefined>;
}
//# sourceMappingURL=send-file-body.d.ts.map