/**
 * `parseMultipart`: a whole `multipart/form-data` body into text fields and stored files.
 * @module
 */
import { Headers } from '../../datastructures/headers.js';
import { MultiDict } from '../../datastructures/multidict.js';
import { FileStorage, memoryStorage, } from '../../datastructures/file-storage.js';
import { concatBytes } from '../../datastructures/bytes.js';
import { PartAccounting } from './accounting.js';
import { assertBoundary } from './boundary.js';
import { limitInput, readFailure } from './input.js';
import { resolveLimits } from './limits.js';
import { parsePartHeaders } from './part-headers.js';
import { MultipartScanner } from './scanner.js';
import { decoderFor, isKnownCharset } from './text.js';
/** Receives the scanner's events and builds the form and the files. */
class Collector {
    form = new MultiDict();
    slots = [];
    stored = [];
    /** Writers not yet finished: aborted if parsing fails. */
    open = new Set();
    pending = [];
    current;
    charset;
    #count;
    #storage;
    constructor(limits, storage, charset) {
        this.#count = new PartAccounting(limits);
        this.#storage = storage;
        this.charset = charset;
    }
    partBegin(block) {
        const info = parsePartHeaders(block);
        this.#count.begin(info);
        if (info.filename === undefined) {
            this.current = { kind: 'field', info, chunks: [], size: 0, owned: true };
            return;
        }
        const headers = new Headers(info.headers);
        const writer = this.#storage.create({
            name: info.name,
            filename: info.filename,
            contentType: info.contentType,
            headers,
        });
        this.open.add(writer);
        this.current = { kind: 'file', info, headers, writer, slot: this.slots.length };
        this.slots.push(undefined);
    }
    partData(chunk) {
        this.#count.data(chunk.length);
        const current = this.current;
        if (current.kind === 'field') {
            current.chunks.push(chunk);
            current.size += chunk.length;
            current.owned = false;
            return;
        }
        const result = current.writer.write(chunk);
        if (result) {
            current.last = result;
            this.pending.push(result);
        }
    }
    partEnd() {
        const current = this.current;
        this.current = undefined;
        const { info } = current;
        if (current.kind === 'field') {
            const bytes = current.chunks.length === 1 ? current.chunks[0] : concatBytes(current.chunks, current.size);
            const value = decoderFor(info.mimetypeParams.charset ?? this.charset).decode(bytes);
            this.form.append(info.name, value);
            if (info.name === '_charset_' && isKnownCharset(value))
                this.charset = value;
            return;
        }
        const { writer, slot, headers, last } = current;
        // A writer sees finish() only after its last write settled (FileWriter contract).
        const finished = last ? last.then(() => writer.finish()) : writer.finish();
        this.pending.push(finished.then((data) => {
            this.open.delete(writer);
            this.stored.push(data);
            this.slots[slot] = new FileStorage({
                name: info.name,
                filename: info.filename,
                headers,
                data,
                mimetype: info.mimetype,
                mimetypeParams: info.mimetypeParams,
            });
        }));
    }
    /** After each body chunk: a field still open keeps copies, not views into the chunk. */
    settleChunk() {
        const current = this.current;
        if (current?.kind === 'field' && !current.owned) {
            current.chunks = [concatBytes(current.chunks, current.size)];
            current.owned = true;
        }
    }
    /** Frees everything stored so far (after a failure). */
    async discard() {
        this.current = undefined;
        await Promise.allSettled(this.pending);
        await Promise.allSettled([...this.open].map((writer) => writer.abort()));
        this.open.clear();
        await Promise.allSettled(this.stored.map((data) => data.dispose()));
    }
}
/** The next chunk; a failed read (the client went away) becomes a 400. */
async function readNext(iterator) {
    try {
        return await iterator.next();
    }
    catch (error) {
        throw readFailure(error);
    }
}
/** Waits for every pending storage operation (all of them, even when one fails). */
async function settle(collector) {
    const results = await Promise.allSettled(collector.pending);
    collector.pending = [];
    for (const result of results)
        if (result.status === 'rejected')
            throw result.reason;
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
export async function parseMultipart(input, boundary, options = {}) {
    assertBoundary(boundary);
    const limits = resolveLimits(options.limits);
    const collector = new Collector(limits, options.storage ?? memoryStorage(), options.charset ?? 'utf-8');
    const scanner = new MultipartScanner(boundary, collector, limits);
    // The loop pulls chunks itself (no extra async generator per layer: at multi-GB/s rates those
    // cost as much as the parsing); a body already capped by Request.stream skips limitInput.
    const capped = limits.maxContentLength === Infinity && options.contentLength === undefined;
    const iterator = (capped ? input : limitInput(input, { maxContentLength: limits.maxContentLength, contentLength: options.contentLength }))[Symbol.asyncIterator]();
    let open = true;
    try {
        for (;;) {
            const next = await readNext(iterator);
            if (next.done) {
                open = false;
                break;
            }
            // Epilogue bytes are read (and counted against the limits) but not parsed.
            if (scanner.done)
                continue;
            scanner.write(next.value);
            collector.settleChunk();
            if (collector.pending.length)
                await settle(collector);
        }
        scanner.end();
        await settle(collector);
    }
    catch (error) {
        if (open)
            await iterator.return?.().catch(() => undefined);
        await collector.discard();
        throw error;
    }
    const stored = collector.stored;
    options.onCleanup?.(async () => {
        await Promise.allSettled(stored.map((data) => data.dispose()));
    });
    const files = new MultiDict();
    for (const file of collector.slots)
        files.append(file.name, file);
    return { form: collector.form, files };
}
//# sourceMappingURL=parse.js.map