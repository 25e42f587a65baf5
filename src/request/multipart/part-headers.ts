/**
 * The header block of one multipart part: decoding, splitting into fields and reading
 * `Content-Disposition` and `Content-Type`.
 * @module
 */
import { BadRequest } from '../../errors.js';
import { parseOptions } from './params.js';

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Control characters other than tab, and a CR that does not end a line. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f]|\r(?!\n)/;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/** What the parser needs to know about a part, read from its headers. */
export interface PartInfo {
  /** The header fields as sent (names as sent, values trimmed). */
  headers: Array<[string, string]>;
  /** The `name` parameter of `Content-Disposition`. */
  name: string;
  /** The `filename` (or decoded `filename*`) parameter; `undefined` for a text field. */
  filename: string | undefined;
  /** The `Content-Type` header, when sent. */
  contentType: string | undefined;
  /** The lower-cased media type of `Content-Type`, `''` when absent. */
  mimetype: string;
  /** The parameters of `Content-Type` (`charset`, ...). */
  mimetypeParams: Record<string, string>;
}

function describe(line: string): string {
  return JSON.stringify(line.length > 80 ? `${line.slice(0, 80)}...` : line);
}

/**
 * Parses a part's raw header block. Lines may end in CRLF or LF; obsolete folded lines are joined;
 * bytes are read as UTF-8 (what browsers send for non-ASCII file names), or Latin-1 when they are
 * not valid UTF-8. Throws `BadRequest` for a line that is not a header, a control character, or a
 * missing `Content-Disposition` or `name`.
 *
 * @example
 * ```ts
 * const info = parsePartHeaders(new TextEncoder().encode('Content-Disposition: form-data; name="a"\r\n\r\n'));
 * info.name; // 'a'
 * ```
 */
export function parsePartHeaders(block: Uint8Array): PartInfo {
  return parseSimpleField(block) ?? parseGeneral(block);
}

/** `Content-Disposition: form-data; name="`, as browsers send it before every field name. */
const SIMPLE_PREFIX = new TextEncoder().encode('Content-Disposition: form-data; name="');
const SIMPLE_PREFIX_LENGTH = SIMPLE_PREFIX.length;
/** `"`, CR LF and the blank line: the rest of the block after the name. */
const SIMPLE_SUFFIX_LENGTH = 5;

/**
 * The common case read straight from the bytes: a block that is exactly one
 * `Content-Disposition: form-data; name="..."` line and the blank line, with a printable-ASCII name
 * free of quotes, backslashes and `%` (nearly every text field a browser sends). Gives what
 * `parseGeneral` would give for it, without decoding, regexes or a parameter map; `undefined`
 * for anything else, which then takes the general path.
 */
function parseSimpleField(block: Uint8Array): PartInfo | undefined {
  const len = block.length;
  const nameEnd = len - SIMPLE_SUFFIX_LENGTH;
  if (nameEnd < SIMPLE_PREFIX_LENGTH) return undefined;
  if (block[nameEnd] !== 0x22 || block[len - 4] !== 0x0d || block[len - 3] !== 0x0a) return undefined;
  if (block[len - 2] !== 0x0d || block[len - 1] !== 0x0a) return undefined;
  for (let k = 0; k < SIMPLE_PREFIX_LENGTH; k++) if (block[k] !== SIMPLE_PREFIX[k]) return undefined;
  let name = '';
  for (let k = SIMPLE_PREFIX_LENGTH; k < nameEnd; k++) {
    const c = block[k];
    // Printable ASCII but `"` (which would end the value early), `\` and `%` (escapes).
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c || c === 0x25) return undefined;
    name += String.fromCharCode(c);
  }
  return new SimpleFieldInfo(name);
}

/** A `PartInfo` of the simple case, whose header list is built only if someone asks for it. */
class SimpleFieldInfo implements PartInfo {
  readonly name: string;
  readonly filename = undefined;
  readonly contentType = undefined;
  readonly mimetype = '';
  readonly mimetypeParams = NO_PARAMS;
  #headers: Array<[string, string]> | undefined;

  constructor(name: string) {
    this.name = name;
  }

  get headers(): Array<[string, string]> {
    return (this.#headers ??= [['Content-Disposition', `form-data; name="${this.name}"`]]);
  }
}

function parseGeneral(block: Uint8Array): PartInfo {
  let text: string;
  try {
    text = utf8.decode(block);
  } catch {
    text = latin1.decode(block);
  }
  if (CONTROL.test(text)) {
    const bad = text.split('\n').find((line) => CONTROL.test(`${line}\n`)) ?? text;
    throw new BadRequest(`Bad header in a multipart part (control character): ${describe(bad.replace(/\r$/, ''))}.`);
  }
  const headers: Array<[string, string]> = [];
  let disposition: string | undefined;
  let contentType: string | undefined;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, text.charCodeAt(end - 1) === 13 && end > start ? end - 1 : end);
    start = end + 1;
    if (line === '') continue;
    const first = line.charCodeAt(0);
    if (first === 0x20 || first === 0x09) {
      const previous = headers[headers.length - 1];
      if (!previous) throw new BadRequest(`Bad header in a multipart part (continuation line first): ${describe(line)}.`);
      previous[1] = `${previous[1]} ${line.trim()}`.trim();
      const lower = previous[0].toLowerCase();
      if (lower === 'content-disposition') disposition = previous[1];
      else if (lower === 'content-type') contentType = previous[1];
      continue;
    }
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trimEnd() : '';
    if (!TOKEN.test(name)) {
      throw new BadRequest(`Bad header in a multipart part (expected "Name: value"): ${describe(line)}.`);
    }
    const value = line.slice(colon + 1).trim();
    headers.push([name, value]);
    // The first of each wins, as Headers.get does.
    if (name.length === 19 && disposition === undefined && name.toLowerCase() === 'content-disposition') {
      disposition = value;
    } else if (name.length === 12 && contentType === undefined && name.toLowerCase() === 'content-type') {
      contentType = value;
    }
  }
  if (disposition === undefined) {
    throw new BadRequest('A multipart part has no Content-Disposition header.');
  }
  const { params } = parseOptions(disposition, true);
  const name = params.get('name');
  if (name === undefined) {
    throw new BadRequest(`A multipart part's Content-Disposition has no name: ${describe(disposition)}.`);
  }
  const type = contentType === undefined ? undefined : parseOptions(contentType);
  return {
    headers,
    name,
    filename: params.get('filename'),
    contentType,
    mimetype: type?.value ?? '',
    mimetypeParams: type ? toRecord(type.params) : NO_PARAMS,
  };
}

const NO_PARAMS: Record<string, string> = Object.freeze(Object.create(null) as Record<string, string>);

function toRecord(params: Map<string, string>): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const [key, value] of params) out[key] = value;
  return out;
}
