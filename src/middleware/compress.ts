/**
 * `compress`: gzip, deflate, brotli and zstd response compression negotiated by `Accept-Encoding`,
 * streamed with back-pressure, using only Web APIs (`CompressionStream`).
 * @module
 */
import type { App, HeaderList, StartResponse } from '../gateway.js';
import { closingIterable, openBody, type BodyReader } from './body-reader.js';
import { pumpThrough } from './codec-pump.js';
import { parseEncodingAccept } from '../http/accept.js';
import { addVary } from '../http/vary.js';
import { optionsChecker, type OptionNames } from '../options.js';

/** Makes one compressing transform per response; `level` is passed on where the codec has one. */
export type CodecFactory = (level?: number) => ReadableWritablePair<Uint8Array, Uint8Array>;

/** Options for `compress`. */
export interface CompressOptions {
  /** Bodies smaller than this many bytes are sent as they are. Default 1024. */
  threshold?: number;
  /** Compression level, for codecs that take one (`node:zlib` ones do; `CompressionStream` has none). */
  level?: number;
  /**
   * Content-codings to offer, most preferred first, among those the codecs provide. Default:
   * `['zstd', 'br', 'gzip', 'deflate']`. The client's q-values decide; this order breaks ties.
   */
  encodings?: string[];
  /** The codecs by content-coding; default `webCodecs()` (what this runtime's `CompressionStream` has). */
  codecs?: Record<string, CodecFactory>;
  /** Which media types to compress; default `isCompressible`. */
  filter?: (mimetype: string) => boolean;
}

/** @internal The names of {@link CompressOptions}, which `compressNode` takes too. */
export const COMPRESS_OPTIONS: OptionNames<CompressOptions> = {
  threshold: true,
  level: true,
  encodings: true,
  codecs: true,
  filter: true,
};

const checkOptions = optionsChecker<CompressOptions>('compress', COMPRESS_OPTIONS);

const FORMATS: Record<string, string> = { gzip: 'gzip', deflate: 'deflate', br: 'brotli', zstd: 'zstd' };
let detected: Record<string, CodecFactory> | undefined;

/**
 * The codecs this runtime's `CompressionStream` supports, by content-coding: `gzip` and `deflate`
 * everywhere, `br` on Bun and Deno, `zstd` on Bun (feature-detected once, no runtime sniffing).
 *
 * @example
 * ```ts
 * Object.keys(webCodecs()); // on Node 20: ['gzip', 'deflate']
 * ```
 */
export function webCodecs(): Record<string, CodecFactory> {
  if (detected) return detected;
  const found: Record<string, CodecFactory> = {};
  for (const [coding, format] of Object.entries(FORMATS)) {
    try {
      new CompressionStream(format as CompressionFormat);
      // CompressionStream's writable side takes any BufferSource: Uint8Array in is fine.
      found[coding] = () =>
        new CompressionStream(format as CompressionFormat) as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;
    } catch {
      // Not supported by this runtime (or called where streams may not be made): not offered.
    }
  }
  detected = found;
  return found;
}

const COMPRESSIBLE = /^(?:text\/(?!event-stream)|application\/(?:json|javascript|ecmascript|xml|xhtml\+xml|rss\+xml|atom\+xml|ld\+json|manifest\+json|geo\+json|x-ndjson|x-javascript|x-www-form-urlencoded|wasm|graphql\+json|problem\+json|problem\+xml|x-sh|x-tar|rtf)$|application\/[\w.+-]+\+(?:json|xml)$|image\/(?:svg\+xml|bmp|x-icon|vnd\.microsoft\.icon)$|font\/(?:ttf|otf|eot)$|application\/vnd\.ms-fontobject$)/;

/**
 * True for media types worth compressing: text (except `text/event-stream`, whose events must not
 * wait in a compressor's buffer), JSON, XML, JavaScript, SVG, WASM, uncompressed fonts. Images,
 * video, audio, archives and `application/octet-stream` are already compressed or unknown.
 *
 * @example
 * ```ts
 * isCompressible('application/json'); // true
 * isCompressible('image/png'); // false
 * ```
 */
export function isCompressible(mimetype: string): boolean {
  return COMPRESSIBLE.test(mimetype);
}

interface Started {
  status: string;
  headers: HeaderList;
  error?: unknown;
}

function findHeader(headers: HeaderList, name: string): string | undefined {
  for (const [key, value] of headers) if (key.toLowerCase() === name) return value;
  return undefined;
}

/** Vary plus Accept-Encoding, unless it is already there or Vary is `*`. */
function withVary(headers: HeaderList): HeaderList {
  return addVary(headers, ['Accept-Encoding']);
}

/** Headers for the compressed representation: no length, the coding, weak ETag, Vary. */
function compressedHeaders(headers: HeaderList, coding: string): HeaderList {
  const out: HeaderList = [];
  for (const [name, value] of withVary(headers)) {
    const key = name.toLowerCase();
    if (key === 'content-length') continue;
    // Byte-for-byte equality no longer holds for the encoded bytes: a strong ETag becomes weak.
    if (key === 'etag' && !value.startsWith('W/')) out.push([name, `W/${value}`]);
    else out.push([name, value]);
  }
  out.push(['Content-Encoding', coding]);
  return out;
}

/**
 * Compresses responses for clients that accept it. The coding is the client's best-rated
 * (`Accept-Encoding` q-values) among the codecs available, ties going to `encodings` order.
 * Responses are left alone for 1xx/204/206/304, a `Content-Encoding` or `Content-Range`
 * already set, `Cache-Control: no-transform`, types that do not compress (`filter`), and bodies
 * under `threshold` bytes (known from `Content-Length`, or by holding at most `threshold` bytes
 * before deciding). Compressed responses lose `Content-Length`, get `Vary: Accept-Encoding` and a
 * weak ETag. A HEAD response is never encoded (there is no body to measure), but it gets the
 * `Vary` its GET would, so caches key both alike. The body streams through the codec one chunk
 * at a time: the app is pulled only as fast as the client reads, so memory stays bounded for any
 * body size.
 *
 * `CompressionStream` has gzip and deflate everywhere, brotli on Bun and Deno, zstd on Bun. On
 * Node, use `compressNode` from `tsgi/node` for brotli and levels.
 *
 * @example
 * ```ts
 * const app = compress(site, { threshold: 512 });
 * ```
 */
export function compress(app: App, options: CompressOptions = {}): App {
  checkOptions(options);
  const threshold = options.threshold ?? 1024;
  const preference = options.encodings ?? ['zstd', 'br', 'gzip', 'deflate'];
  // Detected on the first request, not here: Workers forbid creating streams in the global scope,
  // where apps are usually built.
  let codecs: Record<string, CodecFactory> | undefined = options.codecs;
  let offered: string[] | undefined;
  const filter = options.filter ?? isCompressible;
  const level = options.level;

  return async (environ, startResponse) => {
    codecs ??= webCodecs();
    const available = codecs;
    offered ??= preference.filter((coding) => coding in available);
    let started: Started | undefined;
    let outerStarted = false;
    let compressing = false;
    const innerStart: StartResponse = (status, headers, error) => {
      if (outerStarted) {
        // Committed to an encoding: replacement headers would not match the encoded bytes, so the
        // error ends the body. Otherwise the server decides (it re-raises once headers are out).
        if (compressing) throw error ?? new Error('startResponse called a second time without an error');
        startResponse(status, headers, error);
      }
      started = error === undefined ? { status, headers } : { status, headers, error };
    };
    const body = await app(environ, innerStart);
    const method = environ.REQUEST_METHOD;
    const acceptEncoding = typeof environ.HTTP_ACCEPT_ENCODING === 'string' ? environ.HTTP_ACCEPT_ENCODING : undefined;

    const start = (status: string, headers: HeaderList) => {
      if (started?.error !== undefined) startResponse(status, headers, started.error);
      else startResponse(status, headers);
      outerStarted = true;
    };

    /** Whether this response (or, for HEAD, its GET) may be compressed, whatever the client accepts. */
    const eligible = (s: Started): boolean => {
      const code = Number(s.status.slice(0, 3));
      if (code < 200 || code === 204 || code === 206 || code === 304) return false;
      if (findHeader(s.headers, 'content-encoding') !== undefined) return false;
      if (findHeader(s.headers, 'content-range') !== undefined) return false;
      if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(findHeader(s.headers, 'cache-control') ?? '')) return false;
      const type = findHeader(s.headers, 'content-type');
      if (type === undefined || !filter(type.split(';')[0].trim().toLowerCase())) return false;
      const length = findHeader(s.headers, 'content-length');
      return length === undefined || !(Number(length) < threshold);
    };

    // The common case: the app has set its headers by now (a Response does, in serve()). A
    // response that will not be encoded is handed on as it is, not through a generator: an async
    // generator's return() waits for its pending next(), so a body waiting for an event (a
    // server-sent event stream) would not hear that the client left until its next event came.
    if (started !== undefined) {
      const response: Started = started;
      const compressible = eligible(response);
      if (!compressible || method === 'HEAD' || negotiate(acceptEncoding, offered) === undefined) {
        start(response.status, compressible ? withVary(response.headers) : response.headers);
        return body;
      }
    }

    const reader = openBody(body);
    return closingIterable(compressed(), reader);

    async function* compressed(): AsyncGenerator<Uint8Array, void, undefined> {
      const held: Uint8Array[] = [];
      try {
        // The app may call startResponse lazily, from inside its body.
        let ended = false;
        while (started === undefined) {
          const result = await reader.next();
          if (result.done) {
            ended = true;
            break;
          }
          if (result.value.byteLength > 0) held.push(result.value);
        }
        if (started === undefined) throw new Error('the app returned a body without calling startResponse');
        const response: Started = started;
        const compressible = eligible(response);
        const coding = compressible && method !== 'HEAD' ? negotiate(acceptEncoding, offered ?? []) : undefined;
        if (coding !== undefined && findHeader(response.headers, 'content-length') === undefined) {
          // Unknown length: hold up to `threshold` bytes to learn whether the body is small.
          let size = held.reduce((n, c) => n + c.byteLength, 0);
          while (!ended && size < threshold) {
            const result = await reader.next();
            if (result.done) ended = true;
            else if (result.value.byteLength > 0) {
              held.push(result.value);
              size += result.value.byteLength;
            }
          }
          if (ended && size < threshold) {
            start(response.status, withVary(response.headers));
            yield* held;
            return;
          }
        }
        if (coding === undefined) {
          start(response.status, compressible ? withVary(response.headers) : response.headers);
          yield* held;
          held.length = 0;
          yield* passThrough(reader);
          return;
        }
        start(response.status, compressedHeaders(response.headers, coding));
        compressing = true;
        yield* pumpThrough(reader, held, available[coding](level));
      } finally {
        // Rule 8.1 on the inner side: return() exactly once, also after a normal end.
        await reader.close();
      }
    }
  };
}

/**
 * The client's preferred coding among `offered` (ties to the earlier offer), or undefined for
 * identity. No header, or an empty one, means identity: RFC 9110 allows any coding then, but a
 * client that did not ask may not decode it.
 */
function negotiate(header: string | undefined, offered: readonly string[]): string | undefined {
  if (header === undefined || header.trim() === '' || offered.length === 0) return undefined;
  return parseEncodingAccept(header).bestMatch(offered);
}

async function* passThrough(reader: BodyReader): AsyncGenerator<Uint8Array, void, undefined> {
  for (;;) {
    const { done, value } = await reader.next();
    if (done) return;
    yield value;
  }
}
