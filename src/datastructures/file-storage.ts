/**
 * Uploaded files: `FileStorage` (what a handler gets from `req.files()`) and the pluggable storage
 * behind it. The core keeps files in memory; `diskStorage()` (Node, `tsgi/node`) spills large ones
 * to temporary files.
 * @module
 */
import { concatBytes, streamFromIterable } from './bytes.js';
import { Headers, type HeadersInit } from './headers.js';
import { writeChunksToPath } from '../runtime-fs.js';

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
  /** Copies the file to `path` faster than writing its chunks (a temporary file is copied). */
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
export class MemoryFileData implements FileData {
  #chunks: Uint8Array[];
  readonly size: number;

  protected constructor(chunks: Uint8Array[], size: number) {
    this.#chunks = chunks;
    this.size = size;
  }

  /** Wraps chunks that the caller gives up (they are not copied). */
  static from(chunks: Uint8Array[]): MemoryFileData {
    let size = 0;
    for (const chunk of chunks) size += chunk.length;
    return new MemoryFileData(chunks, size);
  }

  async *chunks(): AsyncIterable<Uint8Array> {
    for (const chunk of this.#chunks) yield chunk;
  }

  async bytes(): Promise<Uint8Array> {
    if (this.#chunks.length === 1) return this.#chunks[0];
    const out = concatBytes(this.#chunks, this.size);
    this.#chunks = [out];
    return out;
  }

  async dispose(): Promise<void> {
    this.#chunks = [];
  }
}

class MemoryWriter implements FileWriter {
  #chunks: Uint8Array[] = [];

  write(chunk: Uint8Array): void {
    // Small pieces are copied so they do not pin a whole body chunk in memory; large ones are
    // kept as views (body chunks belong to the reader once yielded, as with Node and Web streams).
    this.#chunks.push(chunk.length < 16384 ? Uint8Array.prototype.slice.call(chunk) : chunk);
  }

  async finish(): Promise<FileData> {
    return MemoryFileData.from(this.#chunks);
  }

  async abort(): Promise<void> {
    this.#chunks = [];
  }
}

const MEMORY_STORAGE: FileStorageFactory = { create: () => new MemoryWriter() };

/**
 * Keeps every upload in memory: the default where there is no file system (workerd, Deno Deploy).
 * The size of uploads is bounded by the request's limits (`maxContentLength`, `maxFileSize`).
 *
 * @example
 * ```ts
 * class MyRequest extends Request { fileStorage = memoryStorage(); }
 * ```
 */
export function memoryStorage(): FileStorageFactory {
  return MEMORY_STORAGE;
}

/** A destination `FileStorage.save` can write to besides a path. */
export type SaveTarget = string | WritableStream<Uint8Array> | { write(chunk: Uint8Array): unknown };

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

const textDecoders = new Map<string, TextDecoder>();

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
export class FileStorage {
  /** The form field name. */
  readonly name: string;
  /** The file name as sent by the client (a full Windows path from old IE). */
  readonly filename: string;
  /** The part's headers. */
  readonly headers: Headers;
  readonly #data: FileData;
  #mimetype: string | undefined;
  #mimetypeParams: Record<string, string> | undefined;

  constructor(init: FileStorageInit) {
    this.name = init.name;
    this.filename = init.filename;
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.#data = init.data;
    this.#mimetype = init.mimetype;
    this.#mimetypeParams = init.mimetypeParams;
  }

  /** The part's `Content-Type` header, or `undefined`. */
  get contentType(): string | undefined {
    return this.headers.get('content-type');
  }

  /** The media type without parameters, lower-cased (`image/png`); `''` when not sent. */
  get mimetype(): string {
    if (this.#mimetype !== undefined) return this.#mimetype;
    const type = this.contentType;
    if (type === undefined) return '';
    const semi = type.indexOf(';');
    return (semi === -1 ? type : type.slice(0, semi)).trim().toLowerCase();
  }

  /** The parameters of `Content-Type` (`{ charset: 'utf-8' }`). */
  get mimetypeParams(): Record<string, string> {
    if (this.#mimetypeParams) return Object.assign(Object.create(null) as Record<string, string>, this.#mimetypeParams);
    // A FileStorage built by hand: a simple split is enough for the values it is given.
    const out = Object.create(null) as Record<string, string>;
    const type = this.contentType;
    if (type === undefined) return out;
    for (const param of type.split(';').slice(1)) {
      const eq = param.indexOf('=');
      if (eq <= 0) continue;
      let value = param.slice(eq + 1).trim();
      if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
      out[param.slice(0, eq).trim().toLowerCase()] = value;
    }
    return out;
  }

  /** Size in bytes. */
  get size(): number {
    return this.#data.size;
  }

  /** The file's path when it is stored on disk (a temporary file, removed after the response). */
  get path(): string | undefined {
    return this.#data.path;
  }

  /** The bytes as a new `ReadableStream` (each read starts from the beginning). */
  get stream(): ReadableStream<Uint8Array> {
    return streamFromIterable(this.#data.chunks());
  }

  /** The bytes, chunk by chunk: `for await (const chunk of file) ...`. */
  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    return this.#data.chunks()[Symbol.asyncIterator]();
  }

  /** All the bytes. */
  bytes(): Promise<Uint8Array> {
    return this.#data.bytes();
  }

  /** The bytes decoded as text: the `charset` of `Content-Type`, else `fallback` (UTF-8). */
  async text(fallback = 'utf-8'): Promise<string> {
    const label = (this.mimetypeParams.charset ?? fallback).toLowerCase();
    let decoder = textDecoders.get(label);
    if (!decoder) {
      try {
        decoder = new TextDecoder(label);
      } catch {
        decoder = new TextDecoder('utf-8');
      }
      textDecoders.set(label, decoder);
    }
    return decoder.decode(await this.#data.bytes());
  }

  /**
   * Writes the file to a path (on runtimes with a file system: Node, Bun, Deno; wherever the upload
   * is stored), to a `WritableStream`, or to any object with a `write(chunk)` method. A path where
   * there is no file system (workerd) is an `Error` that names the runtime.
   */
  async save(target: SaveTarget): Promise<void> {
    if (typeof target === 'string') {
      if (this.#data.saveTo) await this.#data.saveTo(target);
      else await writeChunksToPath(target, this.#data.chunks());
      return;
    }
    if (target instanceof WritableStream) {
      const writer = target.getWriter();
      try {
        for await (const chunk of this.#data.chunks()) await writer.write(chunk);
        await writer.close();
      } catch (error) {
        await writer.abort(error).catch(() => undefined);
        throw error;
      } finally {
        writer.releaseLock();
      }
      return;
    }
    for await (const chunk of this.#data.chunks()) await target.write(chunk);
  }

  /** Frees the storage now (the temporary file is also removed after the response otherwise). */
  close(): Promise<void> {
    return this.#data.dispose();
  }

  /** A short description for logs. */
  toString(): string {
    return `<FileStorage ${JSON.stringify(this.filename)} (${this.mimetype || 'no type'}, ${this.size} bytes)>`;
  }
}
