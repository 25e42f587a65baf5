/**
 * The status line and headers of a node:http response: the status line checked and split once
 * per distinct line, the framing headers a list already has, and writing the head so that headers
 * a framework set before (Express) are merged rather than lost.
 * @module
 */
import type { ServerResponse } from 'node:http';
import type { HeaderList } from '../../gateway.js';

/**
 * Node's private key for headers set with `res.setHeader()`. When a framework around us (Express)
 * set some, `writeHead` must merge with them; otherwise the header list goes straight to the
 * socket. Found by its description, on the first response (so that importing this module does
 * not load node:http), so a Node that renames it only costs the slower check: `null` then.
 */
let outHeaders: symbol | null | undefined;

export function hasPresetHeaders(res: ServerResponse): boolean {
  outHeaders ??= Object.getOwnPropertySymbols(res).find((s) => s.description === 'kOutHeaders') ?? null;
  if (outHeaders !== null) return (res as unknown as Record<symbol, unknown>)[outHeaders] != null;
  return res.getHeaderNames().length > 0;
}

/** Writes the status line and headers, merging with headers a framework set before (see above). */
export function sendHead(res: ServerResponse, code: number, reason: string | undefined, list: HeaderList): void {
  if (!hasPresetHeaders(res)) {
    res.writeHead(code, reason, list);
    return;
  }
  // Ours replace same-named ones set before; repeats among ours (Set-Cookie) are all kept.
  const seen = new Set<string>();
  for (const [name, value] of list) {
    const lower = name.toLowerCase();
    if (seen.has(lower)) res.appendHeader(name, value);
    else {
      seen.add(lower);
      res.setHeader(name, value);
    }
  }
  res.writeHead(code, reason);
}

/** A status line split into its code and reason phrase. */
export interface ParsedStatus {
  code: number;
  reason: string;
}

// Apps send a handful of constant status lines: each is checked and split once.
const STATUS_LINES = new Map<string, ParsedStatus>();

function parseStatus(status: unknown): ParsedStatus {
  if (typeof status !== 'string' || status.length < 3 || (status.length > 3 && status.charCodeAt(3) !== 32)) {
    throw new TypeError(`invalid status line ${JSON.stringify(status)}: expected "200 OK"`);
  }
  const code = Number(status.slice(0, 3));
  if (!(code >= 100 && code <= 999)) throw new TypeError(`invalid status code in ${JSON.stringify(status)}`);
  return { code, reason: status.length > 4 ? status.slice(4) : '' };
}

/** The code and reason of a status line such as `'200 OK'`; a `TypeError` for a malformed one. */
export function statusOf(status: string): ParsedStatus {
  let parsed = STATUS_LINES.get(status);
  if (parsed === undefined) {
    parsed = parseStatus(status);
    if (STATUS_LINES.size < 256) STATUS_LINES.set(status, parsed);
  }
  return parsed;
}

const HAS_LENGTH = 1;
const HAS_TRANSFER_ENCODING = 2;

/** Which framing headers a header list already holds. */
export function framing(headers: HeaderList): number {
  let flags = 0;
  for (let i = 0; i < headers.length; i++) {
    const name = headers[i][0];
    if (name.length === 14 && (name === 'Content-Length' || name.toLowerCase() === 'content-length')) {
      flags |= HAS_LENGTH;
    } else if (name.length === 17 && name.toLowerCase() === 'transfer-encoding') {
      flags |= HAS_TRANSFER_ENCODING;
    }
  }
  return flags;
}
