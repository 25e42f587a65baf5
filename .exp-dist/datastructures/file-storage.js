/**
 * Uploaded files: `FileStorage` (what a handler gets from `req.files()`) and the pluggable storage
 * behind it. The core keeps files in memory; `diskStorage()` (Node, `tsgi/node`) spills large ones
 * to temporary files.
 * @module
 */
import { concatBytes, streamFromIterable } from './bytes.js';
import { Headers } from './headers.js';
/**
 * Bytes held in memory, as a list of chunks (joined only when `bytes()` asks for them).
 *
 * @example
 * ```ts
 * const data = MemoryFileData.from([new Uint8Array([1, 2, 3])]);
 * data.size; // 3
 * ```
 */
export class MemoryFileData {
    #chunks;
    size;
    constructor(chunks, size) {
        this.#chunks = chunks;
        this.size = size;
    }
    /** Wraps chunks that the caller gives up (they are not copied). */
    static from(chunks) {
        let size = 0;
        for (const chunk of chunks)
            size += chunk.length;
        return new MemoryFileData(chunks, size);
    }
    async *chunks() {
        for (const chunk of this.#chunks)
            yield chunk;
    }
    async bytes() {
        if (this.#chunks.length === 1)
            return this.#chunks[0];
        const out = concatBytes(this.#chunks, this.size);
        this.#chunks = [out];
        return out;
    }
    async dispose() {
        this.#chunks = [];
    }
}
class MemoryWriter {
    #chunks = [];
    write(chunk) {
        // Small pieces are copied so they do not pin a whole body chunk in memory; large ones are
        // kept as views (body chunks belong to the reader once yielded, as with Node and Web streams).
        this.#chunks.push(chunk.length < 16384 ? Uint8Array.prototype.slice.call(chunk) : chunk);
    }
    async finish() {
        return MemoryFileData.from(this.#chunks);
    }
    async abort() {
        this.#chunks = [];
    }
}
const MEMORY_STORAGE = { create: () => new MemoryWriter() };
/**
 * Keeps every upload in memory: the default where there is no file system (workerd, Deno Deploy).
 * The size of uploads is bounded by the request's limits (`maxContentLength`, `maxFileSize`).
 *
 * @example
 * ```ts
 * class MyRequest extends Request { fileStorage = memoryStorage(); }
 * ```
 */
export function memoryStorage() {
    return MEMORY_STORAGE;
}
const textDecoders = new Map();
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
    name;
    /** The file name as sent by the client (a full Windows path from old IE). */
    filename;
    /** The part's headers. */
    headers;
    #data;
    #mimetype;
    #mimetypeParams;
    constructor(init) {
        this.name = init.name;
        this.filename = init.filename;
        this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
        this.#data = init.data;
        this.#mimetype = init.mimetype;
        this.#mimetypeParams = init.mimetypeParams;
    }
    /** The part's `Content-Type` header, or `undefined`. */
    get contentType() {
        return this.headers.get('content-type');
    }
    /** The media type without parameters, lower-cased (`image/png`); `''` when not sent. */
    get mimetype() {
        if (this.#mimetype !== undefined)
            return this.#mimetype;
        const type = this.contentType;
        if (type === undefined)
            return '';
        const semi = type.indexOf(';');
        return (semi === -1 ? type : type.slice(0, semi)).trim().toLowerCase();
    }
    /** The parameters of `Content-Type` (`{ charset: 'utf-8' }`). */
    get mimetypeParams() {
        if (this.#mimetypeParams)
            return Object.assign(Object.create(null), this.#mimetypeParams);
        // A FileStorage built by hand: a simple split is enough for the values it is given.
        const out = Object.create(null);
        const type = this.contentType;
        if (type === undefined)
            return out;
        for (const param of type.split(';').slice(1)) {
            const eq = param.indexOf('=');
            if (eq <= 0)
                continue;
            let value = param.slice(eq + 1).trim();
            if (value.length >= 2 && value.startsWith('"') && value.endsWith('"'))
                value = value.slice(1, -1);
            out[param.slice(0, eq).trim().toLowerCase()] = value;
        }
        return out;
    }
    /** Size in bytes. */
    get size() {
        return this.#data.size;
    }
    /** The file's path when it is stored on disk (a temporary file, removed after the response). */
    get path() {
        return this.#data.path;
    }
    /** The bytes as a new `ReadableStream` (each read starts from the beginning). */
    get stream() {
        return streamFromIterable(this.#data.chunks());
    }
    /** The bytes, chunk by chunk: `for await (const chunk of file) ...`. */
    [Symbol.asyncIterator]() {
        return this.#data.chunks()[Symbol.asyncIterator]();
    }
    /** All the bytes. */
    bytes() {
        return this.#data.bytes();
    }
    /** The bytes decoded as text: the `charset` of `Content-Type`, else `fallback` (UTF-8). */
    async text(fallback = 'utf-8') {
        const label = (this.mimetypeParams.charset ?? fallback).toLowerCase();
        let decoder = textDecoders.get(label);
        if (!decoder) {
            try {
                decoder = new TextDecoder(label);
            }
            catch {
                decoder = new TextDecoder('utf-8');
            }
            textDecoders.set(label, decoder);
        }
        return decoder.decode(await this.#data.bytes());
    }
    /**
     * Writes the file to a path (needs file-system storage: `diskStorage()` on Node, which the node
     * adapter installs), to a `WritableStream`, or to any object with a `write(chunk)` method.
     */
    async save(target) {
        if (typeof target === 'string') {
            if (!this.#data.saveTo) {
                throw new Error('FileStorage.save(path) needs file-system storage (diskStorage() from tsgi/node); ' +
                    'on this runtime pass a WritableStream or an object with write(chunk) instead.');
            }
            await this.#data.saveTo(target);
            return;
        }
        if (target instanceof WritableStream) {
            const writer = target.getWriter();
            try {
                for await (const chunk of this.#data.chunks())
                    await writer.write(chunk);
                await writer.close();
            }
            catch (error) {
                await writer.abort(error).catch(() => undefined);
                throw error;
            }
            finally {
                writer.releaseLock();
            }
            return;
        }
        for await (const chunk of this.#data.chunks())
            await target.write(chunk);
    }
    /** Frees the storage now (the temporary file is also removed after the response otherwise). */
    close() {
        return this.#data.dispose();
    }
    /** A short description for logs. */
    toString() {
        return `<FileStorage ${JSON.stringify(this.filename)} (${this.mimetype || 'no type'}, ${this.size} bytes)>`;
    }
}
//# sourceMappingURL=file-storage.js.map