/**
 * What `new Response(body, init)` takes, and the checked Content-Type it makes from `mimetype` or
 * `contentType`.
 * @module
 */
import type { Headers, HeadersInit } from '../datastructures/headers.js';
import { assertHeader } from '../datastructures/headers.js';
import { contentTypeFor } from '../http/content-type.js';

/**
 * Options for `new Response(body, init)`.
 *
 * @example
 * ```ts
 * const init: ResponseInit = { status: 201, mimetype: 'text/html', headers: { Location: '/items/7' } };
 * ```
 */
export interface ResponseInit {
  /** A status code (`404`) or a full status line (`'404 Not Found'`). Default 200. */
  status?: number | string;
  /** Initial headers. */
  headers?: HeadersInit | Headers | null;
  /** The media type; `charset=utf-8` is added for text types. Ignored when `contentType` is given. */
  mimetype?: string;
  /** The full Content-Type value, used as given. */
  contentType?: string;
}

/** The init of a `new Response(body)` given none; shared, so never changed. */
export const NO_INIT: ResponseInit = Object.freeze({});

// Content-Type values already checked, by the mimetype or exact value they were made from:
// responses are built from a handful of constant types, so each is checked (and given its
// charset) once. Bounded, in case an app builds types from input.
const CHECKED_MIMETYPES = new Map<string, string>();
const CHECKED_EXACT = new Map<string, string>();

/**
 * The Content-Type for `mimetype` (charset added where it belongs) or, when `exact`, the value as
 * given; a `TypeError` for a value that could split the header.
 */
export function checkedContentType(value: string, exact: boolean): string {
  const cache = exact ? CHECKED_EXACT : CHECKED_MIMETYPES;
  let checked = cache.get(value);
  if (checked === undefined) {
    checked = exact ? value : contentTypeFor(value);
    assertHeader('Content-Type', checked);
    if (cache.size < 256) cache.set(value, checked);
  }
  return checked;
}
