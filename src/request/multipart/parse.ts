/**
 * `parseMultipart`: a whole `multipart/form-data` body into text fields and stored files.
 * @module
 */
import { Headers } from '../../datastructures/headers.js';
import { MultiDict } from '../../datastructures/multidict.js';
import {
  FileStorage,
  memoryStorage,
  type FileData,
  type FileStorageFactory,
  type FileWriter,
} from '../../datastructures/file-storage.js';
import { concatBytes } from '../../datastructures/bytes.js';
import { PartAccounting } from './accounting.js';
import { assertBoundary } from './boundary.js';
import { limitInput, readFailure } from './input.js';
import { resolveLimits, type MultipartLimits } from './limits.js';
import { parsePartHeaders, type PartInfo } from './part-headers.js';
import { MultipartScanner, type ScanHandler } from './scanner.js';
import { decoderFor, isKnownCharset } from './text.js';

/** Options of `parseMultipart` and `iterateParts`. */
export interface MultipartOptions {
  /** Limits; missing ones take the defaults of `DEFAULT_MULTIPART_LIMITS`. */
  limits?: Partial<MultipartLimits>;
  /** Where files go; `memoryStorage()` by default. */
  storage?: FileStorageFactory;
  /** The declared `Content-Length`: a body that is shorter or longer is a 400. */
  contentLength?: number;
  /**
   * Called with a function that frees every stored file: register it with the request's cleanup
   * (`registerCleanup(environ, fn)`) so temporary files go when the response is done.
   */
  onCleanup?: (dispose: () => Promise<void>) => void;
  /** Charset of text fields without one (until a `_charset_` field says otherwise); UTF-8. */
  charset?: string;
}

/** The result of `parseMultipart`. */
export interface MultipartResult {
  /** Text fields, in order. */
  form: MultiDict<string>;
  /** Files, in order. */
  files: MultiDict<FileStorage>;
}

type Current =
  | { kind: 'field'; info: PartInfo; chunks: Uint8Array[]; size: number; owned: boolean }
  | { kind: 'file'; info: PartInfo; headers: Headers; writer: FileWriter; slot: number; last?: Promise<void> };

/** Receives the scanner's events and builds the form and the files. */
class Collector implements ScanHandler {
  readonly form = new MultiDict<string>();
  readonly slots: Array<FileStorage | undefined> = [];
  readonly stored: FileData[] = [];
  /** Writers not yet finished: aborted if parsing fails. */
  readonly open = new Set<FileWriter>();
  pending: Array<Promise<unknown>> = [];
  current: Current | undefined;
  charset: string;
  readonly #count: PartAccounting;
  readonly #storage: FileStorageFactory;

  constructor(limits: MultipartLimits, storage: FileStorageFactory, charset: string) {
    this.#count = new PartAccounting(limits);
    this.#storage = storage;
    this.charset = charset;
  }

  partBegin(block: Uint8Array): void {
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

  partData(chunk: Uint8Array): void {
    this.#count.data(chunk.length);
    const current = this.current!;
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

  partEnd(): void {
    const current = this.current!;
    this.current = undefined;
    const { info } = current;
    if (current.kind === 'field') {
      const bytes = current.chunks.length === 1 ? current.chunks[0] : concatBytes(current.chunks, current.size);
      const value = decoderFor(info.mimetypeParams.charset ?? this.charset).decode(bytes);
      this.form.append(info.name, value);
      if (info.name === '_charset_' && isKnownCharset(value)) this.charset = value;
      return;
    }
    const { writer, slot, headers, last } = current;
    // A writer sees finish() only after its last write settled (FileWriter contract).
    const finished = last ? last.then(() => writer.finish()) : writer.finish();
    this.pending.push(
      finished.then((data) => {
        this.open.delete(writer);
        this.stored.push(data);
        this.slots[slot] = new FileStorage({
          name: info.name,
          filename: info.filename!,
          headers,
          data,
          mimetype: info.mimetype,
          mimetypeParams: info.mimetypeParams,
        });
      }),
    );
  }

  /** After each body chunk: a field still open keeps copies, not views into the chunk. */
  settleChunk(): void {
    const current = this.current;
    if (current?.kind === 'field' && !current.owned) {
      current.chunks = [concatBytes(current.chunks, current.size)];
      current.owned = true;
    }
  }

  /** Frees everything stored so far (after a failure). */
  async discard(): Promise<void> {
    this.current = undefined;
    await Promise.allSettled(this.pending);
    await Promise.allSettled([...this.open].map((writer) => writer.abort()));
    this.open.clear();
    await Promise.allSettled(this.stored.map((data) => data.dispose()));
  }
}

/** The next chunk; a failed read (the client went away) becomes a 400. */
async function readNext(iterator: AsyncIterator<Uint8Array>): Promise<IteratorResult<Uint8Array>> {
  try {
    return await iterator.next();
  } catch (error) {
    throw readFailure(error);
  }
}

/** Waits for every pending storage operation (all of them, even when one fails). */
async function settle(collector: Collector): Promise<void> {
  const results = await Promise.allSettled(collector.pending);
  collector.pending = [];
  for (const result of results) if (result.status === 'rejected') throw result.reason;
}

/** `parseMultipart` itself; `tsgi` exports it through `./lazy.ts`, which documents it and loads this on first use. */
export async function parseMultipart(
  input: AsyncIterable<Uint8Array>,
  boundary: string,
  options: MultipartOptions = {},
): Promise<MultipartResult> {
  assertBoundary(boundary);
  const limits = resolveLimits(options.limits);
  const collector = new Collector(limits, options.storage ?? memoryStorage(), options.charset ?? 'utf-8');
  const scanner = new MultipartScanner(boundary, collector, limits);
  // The loop pulls chunks itself (no extra async generator per layer: at multi-GB/s rates those
  // cost as much as the parsing); a body already capped by Request.stream skips limitInput.
  const capped = limits.maxContentLength === Infinity && options.contentLength === undefined;
  const iterator = (capped ? input : limitInput(input, { maxContentLength: limits.maxContentLength, contentLength: options.contentLength }))[
    Symbol.asyncIterator
  ]();
  let open = true;
  try {
    for (;;) {
      const next = await readNext(iterator);
      if (next.done) {
        open = false;
        break;
      }
      // Epilogue bytes are read (and counted against the limits) but not parsed.
      if (scanner.done) continue;
      scanner.write(next.value);
      collector.settleChunk();
      if (collector.pending.length) await settle(collector);
    }
    scanner.end();
    await settle(collector);
  } catch (error) {
    if (open) await iterator.return?.().catch(() => undefined);
    await collector.discard();
    throw error;
  }
  const stored = collector.stored;
  options.onCleanup?.(async () => {
    await Promise.allSettled(stored.map((data) => data.dispose()));
  });
  const files = new MultiDict<FileStorage>();
  for (const file of collector.slots) files.append(file!.name, file!);
  return { form: collector.form, files };
}
