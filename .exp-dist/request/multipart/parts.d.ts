import { Headers } from '../../datastructures/headers.js';
import type { MultipartOptions } from './parse.js';
import { type PartInfo } from './part-headers.js';
import { type ScanHandler } from './scanner.js';
type Event = {
    type: 'begin';
    info: PartInfo;
} | {
    type: 'data';
    chunk: Uint8Array;
} | {
    type: 'end';
};
/** Feeds the scanner on demand and hands out its events one at a time. */
declare class PartSource implements ScanHandler {
    #private;
    charset: string;
    constructor(input: AsyncIterable<Uint8Array>, boundary: string, options: MultipartOptions);
    partBegin(block: Uint8Array): void;
    partData(chunk: Uint8Array): void;
    partEnd(): void;
    /** The next event, reading more of the body when needed; `undefined` at the end. */
    next(): Promise<Event | undefined>;
    close(): Promise<void>;
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
export declare class Part implements AsyncIterable<Uint8Array> {
    #private;
    /** The form field name. */
    readonly name: string;
    /** The file name as sent, or `undefined` for a text field. */
    readonly filename: string | undefined;
    /** The part's `Content-Type`, when sent. */
    readonly contentType: string | undefined;
    /** The lower-cased media type (`''` when not sent). */
    readonly mimetype: string;
    /** The `Content-Type` parameters. */
    readonly mimetypeParams: Record<string, string>;
    constructor(info: PartInfo, source: PartSource);
    /** True for a file (a part with a `filename`, even an empty one). */
    get isFile(): boolean;
    /** The part's headers. */
    get headers(): Headers;
    /** The bytes as they arrive. Can be iterated once. */
    [Symbol.asyncIterator](): AsyncGenerator<Uint8Array, void, undefined>;
    /** The bytes as a `ReadableStream` (read once). */
    get stream(): ReadableStream<Uint8Array>;
    /** All the bytes (for a text field, at most `maxFormMemorySize`). */
    bytes(): Promise<Uint8Array>;
    /** The bytes decoded: the part's charset, else the form's (`_charset_`), else UTF-8. */
    text(): Promise<string>;
    /** Reads and drops the rest of the part (done for you when the loop moves on). */
    skip(): Promise<void>;
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
export declare function iterateParts(input: AsyncIterable<Uint8Array>, boundary: string, options?: MultipartOptions): AsyncGenerator<Part, void, undefined>;
export {};
//# sourceMappingURL=parts.d.ts.map