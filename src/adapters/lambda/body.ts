/**
 * How a response body travels in a Lambda result, which is JSON: as UTF-8 text when it is text
 * (readable in logs, a third smaller than base64) and as base64 otherwise, so every byte arrives.
 * @module
 */
import type { HeaderList } from '../../gateway.js';
import { parseContentType } from '../../http/content-type.js';
import { encodeBase64 } from './base64.js';

/** A body as a Lambda result carries it. */
export interface EncodedBody {
  body: string;
  isBase64Encoded: boolean;
}

const PATTERN = /^(?:\*|[a-z0-9!#$&^_.+-]+)\/[a-z0-9!#$&^_.+*-]+$/;
const UTF8 = new Set(['utf-8', 'utf8', 'us-ascii']);
// `fatal` refuses bytes that are not UTF-8 instead of replacing them; `ignoreBOM` keeps a BOM.
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A test for media types built from `textTypes` patterns, checked once: each pattern is
 * `type/subtype`, where `*` stands for any run of characters (`text/*`, `application/*+json`).
 *
 * @example
 * ```ts
 * const isText = textTypeMatcher(['text/*', 'application/*+json'], 'toLambdaHandler');
 * isText('application/ld+json'); // true
 * ```
 */
export function textTypeMatcher(patterns: readonly string[], where = 'tsgi/lambda'): (mimetype: string) => boolean {
  if (!Array.isArray(patterns)) throw new TypeError(`${where}: textTypes must be an array of media types`);
  const sources = patterns.map((pattern) => {
    const lower = typeof pattern === 'string' ? pattern.toLowerCase() : '';
    if (!PATTERN.test(lower)) throw new TypeError(`${where}: textTypes: ${JSON.stringify(pattern)} is not a media type pattern`);
    return lower.replace(/[.+^$]/g, '\\$&').replace(/\*/g, '.*');
  });
  if (sources.length === 0) return () => false;
  const test = new RegExp(`^(?:${sources.join('|')})$`);
  return (mimetype) => test.test(mimetype);
}

/**
 * The body of a response with `headers` as a Lambda result carries it: text when its media type
 * is a text type, its charset (if any) is UTF-8, it is not compressed and its bytes are valid
 * UTF-8; base64 otherwise. Whichever it is, the client gets the same bytes.
 *
 * @example
 * ```ts
 * encodeBody(new Uint8Array([104, 105]), [['Content-Type', 'text/plain']], isText); // { body: 'hi', isBase64Encoded: false }
 * ```
 */
export function encodeBody(bytes: Uint8Array, headers: HeaderList, isText: (mimetype: string) => boolean): EncodedBody {
  if (bytes.byteLength === 0) return { body: '', isBase64Encoded: false };
  if (sendsAsText(headers, isText)) {
    try {
      return { body: strictDecoder.decode(bytes), isBase64Encoded: false };
    } catch {
      // Declared as text but not UTF-8: base64 keeps the bytes as they are.
    }
  }
  return { body: encodeBase64(bytes), isBase64Encoded: true };
}

function sendsAsText(headers: HeaderList, isText: (mimetype: string) => boolean): boolean {
  let contentType: string | undefined;
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (lower === 'content-encoding' && value.trim().toLowerCase() !== 'identity') return false;
    if (lower === 'content-type' && contentType === undefined) contentType = value;
  }
  const { mimetype, params } = parseContentType(contentType);
  if (mimetype === '' || !isText(mimetype)) return false;
  return params.charset === undefined || UTF8.has(params.charset.toLowerCase());
}
