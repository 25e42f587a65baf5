/**
 * `Part`: one part of a multipart body as `iterateParts` and `req.parts()` yield it. Apart from the
 * parser (`./parts.ts`), which loads on first use, because `Part` is a public class of `tsgi`.
 * @module
 */
import { BadRequest } from '../../errors.js';
import { Headers } from '../../datastructures/headers.js';
import { concatBytes, streamFromIterable } from '../../datastructures/bytes.js';
import type { PartInfo } from './part-headers.js';
import { decoderFor, isKnownCharset } from './text.js';

/** What the parser hands a `Part`: its headers, then its bytes, then its end. */
export type PartEvent = { type: 'begin'; info: PartInfo } | { type: 'data'; chunk: Uint8Array } | { type: 'end' };

/** The parser as a `Part` reads from it (`PartSource` in `./parts.ts`). */
export interface PartEvents {
  /** The form's charset, which a `_charset_` field changes. */
  charset: string;
  /** The next event, `undefined` at the end of the body. */
  next(): Promise<PartEvent | undefined>;
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
export class Part implements AsyncIterable<Uint8Array> {
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
  readonly #info: PartInfo;
  readonly #source: PartEvents;
  #headers: Headers | undefined;
  #finished = false;
  #reading = false;

  constructor(info: PartInfo, source: PartEvents) {
    this.#info = info;
    this.#source = source;
    this.name = info.name;
    this.filename = info.filename;
    this.contentType = info.contentType;
    this.mimetype = info.mimetype;
    this.mimetypeParams = info.mimetypeParams;
  }

  /** True for a file (a part with a `filename`, even an empty one). */
  get isFile(): boolean {
    return this.filename !== undefined;
  }

  /** The part's headers. */
  get headers(): Headers {
    return (this.#headers ??= new Headers(this.#info.headers));
  }

  /** The bytes as they arrive. Can be iterated once. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array, void, undefined> {
    if (this.#reading || this.#finished) {
      throw new Error(`The part ${JSON.stringify(this.name)} was already read (or skipped by moving on).`);
    }
    this.#reading = true;
    for (;;) {
      const chunk = await this.#read();
      if (chunk === undefined) return;
      yield chunk;
    }
  }

  /** The bytes as a `ReadableStream` (read once). */
  get stream(): ReadableStream<Uint8Array> {
    return streamFromIterable(this);
  }

  /** All the bytes (for a text field, at most `maxFormMemorySize`). */
  async bytes(): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of this) {
      chunks.push(chunk);
      size += chunk.length;
    }
    return concatBytes(chunks, size);
  }

  /** The bytes decoded: the part's charset, else the form's (`_charset_`), else UTF-8. */
  async text(): Promise<string> {
    const bytes = await this.bytes();
    const value = decoderFor(this.mimetypeParams.charset ?? this.#source.charset).decode(bytes);
    if (this.name === '_charset_' && !this.isFile && isKnownCharset(value)) this.#source.charset = value;
    return value;
  }

  /** Reads and drops the rest of the part (done for you when the loop moves on). */
  async skip(): Promise<void> {
    this.#reading = true;
    while ((await this.#read()) !== undefined) {
      // discard
    }
  }

  async #read(): Promise<Uint8Array | undefined> {
    if (this.#finished) return undefined;
    const event = await this.#source.next();
    if (event?.type === 'data') return event.chunk;
    this.#finished = true;
    if (event === undefined || event.type !== 'end') {
      // The scanner always ends a part before the next begins or the body ends; this is a guard.
      throw new BadRequest('The multipart body ended inside a part (truncated body).');
    }
    return undefined;
  }
}
