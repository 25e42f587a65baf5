/**
 * Response body sources and the iterator a server pulls from, which runs close callbacks once.
 * @module
 */
import { TextBody, type Body } from '../gateway.js';
import { encodeUtf8 } from '../http/utf8.js';
import { concatBytes } from '../datastructures/bytes.js';

/** What a `Response` body can be built from. Strings (also as chunks) are encoded as UTF-8. */
export type BodyInit =
  | string
  | Uint8Array
  | ArrayBuffer
  | Iterable<Uint8Array | string>
  | AsyncIterable<Uint8Array | string>
  | ReadableStream<Uint8Array>
  | null
  | undefined;

/**
 * @internal A body that wants the environ it is served to calls itself by this key: `Response`
 * calls `body[SERVED_TO](environ)` before handing a streamed body to the server. Event streams use
 * it to follow the request's `tsgi.signal`.
 */
export const SERVED_TO: unique symbol = Symbol('tsgi.servedTo');

/** The bytes of a body whose length is known without reading a stream, else `undefined`. */
export function knownBytes(body: BodyInit): Uint8Array | undefined {
  if (body == null) return new Uint8Array(0);
  if (typeof body === 'string') return encodeUtf8(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return undefined;
}

/**
 * What a `Response` keeps of a body whose length is known without reading a stream: a string as
 * a `TextBody` (encoded only if something asks for bytes), other fixed bodies as bytes;
 * `undefined` for streams.
 */
export function knownBody(body: BodyInit): TextBody | Uint8Array | undefined {
  if (typeof body === 'string') return new TextBody(body);
  const bytes = knownBytes(body);
  // Checked here, where a stream body is the rare case, so strings and bytes pay nothing for it.
  if (bytes === undefined && !isStreamBody(body)) throw unsupportedBody(body);
  return bytes;
}

function isStreamBody(body: unknown): boolean {
  return (
    typeof body === 'object' &&
    body !== null &&
    (Symbol.asyncIterator in body || Symbol.iterator in body || isReadableStream(body))
  );
}

/** The error for a body `new Response(body)` cannot send: a plain object is most likely JSON. */
function unsupportedBody(body: unknown): TypeError {
  let got = `a ${typeof body}`;
  if (typeof body === 'object' && body !== null) {
    const proto: unknown = Object.getPrototypeOf(body);
    got = proto === Object.prototype || proto === null ? 'a plain object' : `a ${body.constructor?.name || 'object'}`;
  }
  return new TypeError(
    'Response body must be a string, Uint8Array, ArrayBuffer, an iterable or async iterable of chunks, or a ' +
      `ReadableStream; got ${got}. For JSON use Response.json(value).`,
  );
}

function toBytes(chunk: Uint8Array | string): Uint8Array {
  if (typeof chunk === 'string') return encodeUtf8(chunk);
  if (chunk instanceof Uint8Array) return chunk;
  throw new TypeError(`response body chunks must be Uint8Array or string, got ${typeof chunk}`);
}

type Step = IteratorResult<Uint8Array, undefined>;
const DONE: Step = { done: true, value: undefined };

/**
 * Wraps a streaming body source in an async iterator that encodes string chunks and calls
 * `onClose` exactly once: at the end of the body, on an error, or when the server calls
 * `return()` (the client went away), also when that happens before the first chunk.
 */
export function closingBody(
  source: Exclude<BodyInit, string | Uint8Array | ArrayBuffer | null | undefined>,
  onClose: () => void,
): Body {
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    onClose();
  };

  // A ReadableStream is read through its reader (not every runtime makes it async-iterable);
  // cancelling it is its `return()`.
  if (isReadableStream(source)) source = readerIterable(source);

  if (Symbol.asyncIterator in source) {
    let inner: AsyncIterator<Uint8Array | string> | undefined;
    const iterator: AsyncIterableIterator<Uint8Array> = {
      async next(): Promise<Step> {
        if (closed) return DONE;
        inner ??= (source as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator]();
        try {
          const step = await inner.next();
          if (step.done) {
            close();
            return DONE;
          }
          return { done: false, value: toBytes(step.value) };
        } catch (error) {
          close();
          throw error;
        }
      },
      async return(): Promise<Step> {
        if (!closed) {
          try {
            // Also when no chunk was pulled yet: a stream's source is cancelled all the same.
            inner ??= (source as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator]();
            await inner.return?.();
          } finally {
            close();
          }
        }
        return DONE;
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  let inner: Iterator<Uint8Array | string> | undefined;
  const iterator: IterableIterator<Uint8Array> = {
    next(): Step {
      if (closed) return DONE;
      inner ??= (source as Iterable<Uint8Array | string>)[Symbol.iterator]();
      try {
        const step = inner.next();
        if (step.done) {
          close();
          return DONE;
        }
        return { done: false, value: toBytes(step.value) };
      } catch (error) {
        close();
        throw error;
      }
    },
    return(): Step {
      if (!closed) {
        try {
          inner?.return?.();
        } finally {
          close();
        }
      }
      return DONE;
    },
    [Symbol.iterator]() {
      return iterator;
    },
  };
  return iterator;
}

function readerIterable(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
      const reader = stream.getReader();
      return {
        next: () => reader.read() as Promise<IteratorResult<Uint8Array, undefined>>,
        async return(): Promise<Step> {
          try {
            await reader.cancel();
          } catch {
            // The stream is gone either way.
          }
          return DONE;
        },
      };
    },
  };
}

/**
 * A one-chunk (or empty) body whose `return()`/end runs `onClose` once.
 */
export function closingBytes(bytes: Uint8Array | undefined, onClose: () => void): Body {
  return closingBody(bytes && bytes.byteLength ? [bytes] : [], onClose);
}

/** Reads a whole streaming body source into one `Uint8Array`. */
export async function collectBody(
  source: Exclude<BodyInit, string | Uint8Array | ArrayBuffer | null | undefined>,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const body = closingBody(source, () => {});
  if (Symbol.asyncIterator in body) for await (const chunk of body) chunks.push(chunk);
  else for (const chunk of body) chunks.push(chunk);
  return concatBytes(chunks);
}

/** True for a Web `ReadableStream`. */
export function isReadableStream(value: unknown): value is ReadableStream<Uint8Array> {
  return typeof value === 'object' && value !== null && typeof (value as ReadableStream).getReader === 'function';
}
