/**
 * A response body that streams a byte range of a file, opening it only when the server starts
 * pulling chunks and closing it when the body ends or is abandoned.
 * @module
 */
import { nodeFs } from '../../node-builtins.node.js';

/** Bytes read per chunk: the size of a `fs.createReadStream` chunk. */
export const DEFAULT_CHUNK_SIZE = 64 * 1024;

// node:fs is imported by the first open (node-builtins.node.ts); reads and closes follow an open.
function openFile(path: string): Promise<number> {
  const fs = nodeFs.get();
  if (fs === undefined) return nodeFs.load().then(() => openFile(path));
  return new Promise((resolve, reject) => fs.open(path, 'r', (error, fd) => (error ? reject(error) : resolve(fd))));
}

function readInto(fd: number, buffer: Uint8Array, position: number): Promise<number> {
  return new Promise((resolve, reject) =>
    nodeFs.get()!.read(fd, buffer, 0, buffer.byteLength, position, (error, bytesRead) => (error ? reject(error) : resolve(bytesRead))),
  );
}

/** Closes without waiting: nothing that follows depends on it, and a failed close has no remedy. */
function closeFile(fd: number): void {
  nodeFs.get()!.close(fd, () => {});
}

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
export class FileBody implements AsyncIterable<Uint8Array> {
  /** The file's path (already checked by the caller). */
  readonly path: string;
  /** Offset of the first byte in the file. */
  readonly start: number;
  /** Offset just past the last byte. */
  readonly end: number;
  /** Bytes per chunk. */
  readonly chunkSize: number;

  constructor(path: string, start: number, end: number, chunkSize: number = DEFAULT_CHUNK_SIZE) {
    if (!(Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && end >= start)) {
      throw new RangeError(`invalid file range ${start}-${end}`);
    }
    this.path = path;
    this.start = start;
    this.end = end;
    this.chunkSize = Math.max(1, Math.floor(chunkSize));
  }

  /** The number of bytes this body yields. */
  get size(): number {
    return this.end - this.start;
  }

  /** The bytes `[start, end)` of this body, as another `FileBody` (offsets relative to this one). */
  slice(start: number, end: number = this.size): FileBody {
    const from = this.start + Math.min(Math.max(0, start), this.size);
    const to = this.start + Math.min(Math.max(0, end), this.size);
    return new FileBody(this.path, from, Math.max(from, to), this.chunkSize);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array, void, undefined> {
    if (this.end === this.start) return;
    const fd = await openFile(this.path);
    let open = true;
    let pending: Promise<Uint8Array> | undefined;
    try {
      let position = this.start;
      pending = this.#readChunk(fd, position);
      while (pending) {
        const chunk = await pending;
        pending = undefined;
        position += chunk.byteLength;
        if (position < this.end) {
          // Read ahead: the next chunk comes from disk while this one is written to the socket, as
          // a piped ReadStream does; at most two chunks per response are in memory.
          pending = this.#readChunk(fd, position);
        } else {
          // Nothing more to read: close now, while the last chunk is being written, rather than
          // making the end of the response wait for the close.
          open = false;
          closeFile(fd);
        }
        yield chunk;
      }
    } finally {
      if (open) {
        // A read still in flight must finish before its descriptor is closed (and maybe reused).
        if (pending) await pending.catch(() => {});
        closeFile(fd);
      }
    }
  }

  #readChunk(fd: number, position: number): Promise<Uint8Array> {
    // A fresh buffer per chunk: the server may still hold the previous one until it is written.
    const buffer = Buffer.allocUnsafe(Math.min(this.chunkSize, this.end - position));
    const chunk = readInto(fd, buffer, position).then((bytesRead) => {
      if (bytesRead === 0) throw new Error('the file shrank while it was being sent');
      return bytesRead === buffer.byteLength ? buffer : buffer.subarray(0, bytesRead);
    });
    // Handled here so that a read-ahead nobody awaits (the client left) is not an unhandled rejection.
    chunk.catch(() => {});
    return chunk;
  }
}
