/**
 * The Fetch `ResponseInit` for a status line and header list, with the shortcuts the runtimes
 * reward: the Content-Length they write themselves left out, one prebuilt init per status and
 * Content-Type, a body joined into one `Uint8Array`.
 * @module
 */
import type { HeaderList, TextBody } from '../../gateway.js';
import { STATUS_PHRASES } from '../../http/status.js';

type WorkersResponseInit = ResponseInit & { encodeBody?: 'manual' };

/**
 * The Fetch init for a status line and header list. `known` is the body handed to the runtime as
 * a string or bytes (`null` for none): a Content-Length header that gives its length is left out,
 * since the runtime writes that itself, and Deno builds a response whose only header is
 * Content-Type on a fast path (0.4 us, against 2.6 us with a Content-Length besides).
 */
export function responseInit(code: number, status: string, headers: HeaderList, known: TextBody | Uint8Array | null): WorkersResponseInit {
  let skip = -1;
  let manual = false;
  for (let i = 0; i < headers.length; i++) {
    const name = headers[i][0];
    // tsgi bodies are the bytes to send. Workers would otherwise compress a body that carries a
    // Content-Encoding header a second time; other runtimes ignore this field.
    if (name.length === 16) manual ||= isName(name, 'Content-Encoding');
    else if (name.length === 14 && known !== null && skip === -1 && isLength(headers[i][1], known.byteLength)) {
      if (isName(name, 'Content-Length')) skip = i;
    }
  }
  const count = skip === -1 ? headers.length : headers.length - 1;
  if (!manual && count <= 1) {
    const pair = count === 0 ? undefined : headers[skip === 0 ? 1 : 0];
    const type = pair === undefined ? '' : pair[0].length === 12 && isName(pair[0], 'Content-Type') ? pair[1] : undefined;
    const init = type === undefined ? undefined : commonInit(code, status, type);
    if (init !== undefined) return init;
  }
  // The Response constructor copies and validates the pairs (a bad name or value throws: a 500).
  const init: WorkersResponseInit = { status: code, headers: skip === -1 ? headers : without(headers, skip) };
  const reason = status.slice(4);
  if (reason !== STATUS_PHRASES[code]) init.statusText = reason;
  if (manual) init.encodeBody = 'manual';
  return init;
}

/** True when `name` is `canonical` in any case; the usual spelling is matched without lower-casing. */
function isName(name: string, canonical: string): boolean {
  return name === canonical || name.toLowerCase() === canonical.toLowerCase();
}

/** `headers` without the pair at `index`. */
export function without(headers: HeaderList, index: number): HeaderList {
  const list: HeaderList = [];
  for (let i = 0; i < headers.length; i++) if (i !== index) list.push(headers[i]);
  return list;
}

// The inits of the responses most apps give, a status line with one Content-Type or no header at
// all, by status line and type: made once, as the runtime copies an init's headers. Their headers
// are a `Headers` (Bun copies one in 0.3 us against 0.5 us for pairs), or on Deno a record for the
// types it has a fast path for (below). Bounded, in case an app makes types or status lines from input.
const COMMON_INITS = new Map<string, Map<string, WorkersResponseInit>>();

// Deno 2.9 takes a record whose one key is Content-Type with one of these values without copying
// it through its Headers (0.22 us against 0.42 us for a Headers object); Bun takes a Headers object
// fastest (0.34 us against 0.55 us for the record).
const RECORD_TYPES: ReadonlySet<string> =
  typeof (globalThis as { Deno?: unknown }).Deno === 'object' ? new Set(['application/json', 'text/plain', 'text/plain;charset=UTF-8']) : new Set();

/** The shared init for `status` with Content-Type `type` (`''`: no header); `undefined` past the bounds. */
function commonInit(code: number, status: string, type: string): WorkersResponseInit | undefined {
  let byType = COMMON_INITS.get(status);
  if (byType === undefined) {
    if (COMMON_INITS.size >= 32) return undefined;
    COMMON_INITS.set(status, (byType = new Map()));
  }
  let init = byType.get(type);
  if (init === undefined) {
    if (byType.size >= 32) return undefined;
    // Throws for a value the Response constructor would refuse too (a 500), and then caches nothing.
    const headers = type === '' ? undefined : RECORD_TYPES.has(type) ? { 'Content-Type': type } : new globalThis.Headers([['Content-Type', type]]);
    init = headers === undefined ? { status: code } : { status: code, headers };
    const reason = status.slice(4);
    if (reason !== STATUS_PHRASES[code]) init.statusText = reason;
    byType.set(type, init);
  }
  return init;
}

/** True when `value` is the decimal `length`, without making a string of it. */
function isLength(value: string, length: number): boolean {
  if (value.length === 0 || value.length > 15) return false;
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
    n = n * 10 + digit;
  }
  return n === length;
}

/** The chunks of an array body as one `Uint8Array`, `null` when there are no bytes. */
export function joinChunks(chunks: readonly Uint8Array[]): Uint8Array | null {
  let only: Uint8Array | null = null;
  let size = 0;
  let parts = 0;
  for (const chunk of chunks) {
    if (!(chunk.byteLength > 0)) continue;
    only = chunk;
    size += chunk.byteLength;
    parts++;
  }
  if (parts <= 1) return only;
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    if (!(chunk.byteLength > 0)) continue;
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** True when a response to this method with this status carries no body. */
export function bodiless(method: string, code: number): boolean {
  return method === 'HEAD' || code < 200 || code === 204 || code === 304;
}
