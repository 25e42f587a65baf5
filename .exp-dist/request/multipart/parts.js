/**
 * `iterateParts`: a multipart body as an async sequence of parts, each read as a stream, so that a
 * handler can send uploads straight to another store without buffering or touching the disk.
 * @module
 */
import { BadRequest } from '../../errors.js';
import { Headers } from '../../datastructures/headers.js';
import { concatBytes, streamFromIterable } from '../../datastructures/bytes.js';
import { PartAccounting } from './accounting.js';
import { assertBoundary } from './boundary.js';
import { limitInput } from './input.js';
import { resolveLimits } from './limits.js';
import { parsePartHeaders } from './part-headers.js';
import { MultipartScanner } from './scanner.js';
import { decoderFor, isKnownCharset } from './text.js';
/** Feeds the scanner on demand and hands out its events one at a time. */
class PartSource {
    charset;
    #iterator;
    #scanner;
    #count;
    #events = [];
    #head = 0;
    #ended = false;
    constructor(input, boundary, options) {
        const limits = resolveLimits(options.limits);
        this.#iterator = limitInput(input, {
            maxContentLength: limits.maxContentLength,
            contentLength: options.contentLength,
        })[Symbol.asyncIterator]();
        this.#scanner = new MultipartScanner(boundary, this, limits);
        this.#count = new PartAccounting(limits);
        this.charset = options.charset ?? 'utf-8';
    }
    partBegin(block) {
        const info = parsePartHeaders(block);
        this.#count.begin(info);
        this.#events.push({ type: 'begin', info });
    }
    partData(chunk) {
        this.#count.data(chunk.length);
        this.#events.push({ type: 'data', chunk });
    }
    partEnd() {
        this.#events.push({ type: 'end' });
    }
    /** The next event, reading more of the body when needed; `undefined` at the end. */
    async next() {
        while (this.#head >= this.#events.length) {
            this.#events = [];
            this.#head = 0;
            if (this.#ended)
                return undefined;
            const next = await this.#iterator.next();
            if (next.done) {
                this.#ended = true;
                this.#scanner.end();
            }
            else if (!this.#scanner.done) {
                this.#scanner.write(next.value);
            }
        }
        return this.#events[this.#head++];
    }
    async close() {
        this.#events = [];
        if (!this.#ended) {
            this.#ended = true;
            await this.#iterator.return?.();
        }
    }
}
/**
 * One part of a multipart body as `req.parts()` yields it. Its bytes can be read only while it is
 * the current part: moving on to the next part skips whatever was not read.
 *
 * @example
 * ```ts
 * for await (const part of req.parts()) {
 *   if (part.filename !== undefined) await bucket.upload(part.name, part.stream);
 *   else fields[part.name] = await part.text();
 * }
 * ```
 */
export class Part {
    /** The form field name. */
    name;
    /** The file name as sent, or `undefined` for a text field. */
    filename;
    /** The part's `Content-Type`, when sent. */
    contentType;
    /** The lower-cased media type (`''` when not sent). */
    mimetype;
    /** The `Content-Type` parameters. */
    mimetypeParams;
    #info;
    #source;
    #headers;
    #finished = false;
    #reading = false;
    constructor(info, source) {
        this.#info = info;
        this.#source = source;
        this.name = info.name;
        this.filename = info.filename;
        this.contentType = info.contentType;
        this.mimetype = info.mimetype;
        this.mimetypeParams = info.mimetypeParams;
    }
    /** True for a file (a part with a `filename`, even an empty one). */
    get isFile() {
        return this.filename !== undefined;
    }
    /** The part's headers. */
    get headers() {
        return (this.#headers ??= new Headers(this.#info.headers));
    }
    /** The bytes as they arrive. Can be iterated once. */
    async *[Symbol.asyncIterator]() {
        if (this.#reading || this.#finished) {
            throw new Error(`The part ${JSON.stringify(this.name)} was already read (or skipped by moving on).`);
        }
        this.#reading = true;
        for (;;) {
            const chunk = await this.#read();
            if (chunk === undefined)
                return;
            yield chunk;
        }
    }
    /** The bytes as a `ReadableStream` (read once). */
    get stream() {
        return streamFromIterable(this);
    }
    /** All the bytes (for a text field, at most `maxFormMemorySize`). */
    async bytes() {
        const chunks = [];
        let size = 0;
        for await (const chunk of this) {
            chunks.push(chunk);
            size += chunk.length;
        }
        return concatBytes(chunks, size);
    }
    /** The bytes decoded: the part's charset, else the form's (`_charset_`), else UTF-8. */
    async text() {
        const bytes = await this.bytes();
        const value = decoderFor(this.mimetypeParams.charset ?? this.#source.charset).decode(bytes);
        if (this.name === '_charset_' && !this.isFile && isKnownCharset(value))
            this.#source.charset = value;
        return value;
    }
    /** Reads and drops the rest of the part (done for you when the loop moves on). */
    async skip() {
        this.#reading = true;
        while ((await this.#read()) !== undefined) {
            // discard
        }
    }
    async #read() {
        if (this.#finished)
            return undefined;
        const event = await this.#source.next();
        if (event?.type === 'data')
            return event.chunk;
        this.#finished = true;
        if (event === undefined || event.type !== 'end') {
            // The scanner always ends a part before the next begins or the body ends; this is a guard.
            throw new BadRequest('The multipart body ended inside a part (truncated body).');
        }
        return undefined;
    }
}
/**
 * The parts of a `multipart/form-data` body, one at a time, each a `Part` whose bytes are read as
 * a stream; nothing is stored. The same limits apply as for `parseMultipart` (413 / 431 / 400 as
 * the bytes arrive). Leaving the loop early closes the body.
 *
 * @example
 * ```ts
 * for await (const part of iterateParts(environ['tsgi.input'], boundaryOf(environ.CONTENT_TYPE!))) {
 *   console.log(part.name, part.filename, (await part.bytes()).length);
 * }
 * ```
 */
export async function* iterateParts(input, boundary, options = {}) {
    assertBoundary(boundary);
    const source = new PartSource(input, boundary, options);
    try {
        for (;;) {
            const event = await source.next();
            if (event === undefined)
                return;
            if (event.type !== 'begin')
                continue; // cannot happen: parts are drained before the next
            const part = new Part(event.info, source);
            yield part;
            await part.skip();
        }
    }
    finally {
        await source.close();
    }
}
//# sourceMappingURL=parts.js.map