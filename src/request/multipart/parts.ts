/**
 * `iterateParts`: a multipart body as an async sequence of parts, each read as a stream, so that a
 * handler can send uploads straight to another store without buffering or touching the disk. Loaded
 * on first use (`./engine.ts`); the public `iterateParts` is the one of `./lazy.ts`.
 * @module
 */
import { PartAccounting } from './accounting.js';
import { assertBoundary } from './boundary.js';
import { limitInput } from './input.js';
import { resolveLimits } from './limits.js';
import type { MultipartOptions } from './parse.js';
import { Part, type PartEvent, type PartEvents } from './part.js';
import { parsePartHeaders } from './part-headers.js';
import { MultipartScanner, type ScanHandler } from './scanner.js';

/** Feeds the scanner on demand and hands out its events one at a time. */
class PartSource implements ScanHandler, PartEvents {
  charset: string;
  readonly #iterator: AsyncIterator<Uint8Array>;
  readonly #scanner: MultipartScanner;
  readonly #count: PartAccounting;
  #events: PartEvent[] = [];
  #head = 0;
  #ended = false;

  constructor(input: AsyncIterable<Uint8Array>, boundary: string, options: MultipartOptions) {
    const limits = resolveLimits(options.limits);
    this.#iterator = limitInput(input, {
      maxContentLength: limits.maxContentLength,
      contentLength: options.contentLength,
    })[Symbol.asyncIterator]();
    this.#scanner = new MultipartScanner(boundary, this, limits);
    this.#count = new PartAccounting(limits);
    this.charset = options.charset ?? 'utf-8';
  }

  partBegin(block: Uint8Array): void {
    const info = parsePartHeaders(block);
    this.#count.begin(info);
    this.#events.push({ type: 'begin', info });
  }

  partData(chunk: Uint8Array): void {
    this.#count.data(chunk.length);
    this.#events.push({ type: 'data', chunk });
  }

  partEnd(): void {
    this.#events.push({ type: 'end' });
  }

  /** The next event, reading more of the body when needed; `undefined` at the end. */
  async next(): Promise<PartEvent | undefined> {
    while (this.#head >= this.#events.length) {
      this.#events = [];
      this.#head = 0;
      if (this.#ended) return undefined;
      const next = await this.#iterator.next();
      if (next.done) {
        this.#ended = true;
        this.#scanner.end();
      } else if (!this.#scanner.done) {
        this.#scanner.write(next.value);
      }
    }
    return this.#events[this.#head++];
  }

  async close(): Promise<void> {
    this.#events = [];
    if (!this.#ended) {
      this.#ended = true;
      await this.#iterator.return?.();
    }
  }
}

/** `iterateParts` itself; `tsgi` exports it through `./lazy.ts`, which documents it and loads this on first use. */
export async function* iterateParts(
  input: AsyncIterable<Uint8Array>,
  boundary: string,
  options: MultipartOptions = {},
): AsyncGenerator<Part, void, undefined> {
  assertBoundary(boundary);
  const source = new PartSource(input, boundary, options);
  try {
    for (;;) {
      const event = await source.next();
      if (event === undefined) return;
      if (event.type !== 'begin') continue; // cannot happen: parts are drained before the next
      const part = new Part(event.info, source);
      yield part;
      await part.skip();
    }
  } finally {
    await source.close();
  }
}
