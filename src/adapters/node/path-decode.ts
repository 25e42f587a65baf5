/**
 * Percent-decoding of the request path for `PATH_INFO` and `SCRIPT_NAME`.
 * @module
 */

/**
 * Percent-decodes a URL path as UTF-8. Sequences that are not valid (`%zz`, a lone `%`, bytes that
 * do not form UTF-8) are kept as they were, so no request path ever makes decoding throw.
 *
 * @example
 * ```ts
 * decodePath('/caf%C3%A9/%zz'); // '/café/%zz'
 * ```
 */
export function decodePath(raw: string): string {
  // Most paths hold no escape at all: skip decoding entirely.
  if (raw.indexOf('%') === -1) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return decodeLeniently(raw);
  }
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 0x20;
  if (lower >= 97 && lower <= 102) return lower - 87;
  return -1;
}

/** The byte of a `%XX` escape starting at `i`, or -1 when there is none. */
function escapedByte(raw: string, i: number): number {
  if (raw.charCodeAt(i) !== 37 || i + 2 >= raw.length) return -1;
  const high = hexValue(raw.charCodeAt(i + 1));
  const low = hexValue(raw.charCodeAt(i + 2));
  return high < 0 || low < 0 ? -1 : (high << 4) | low;
}

/** How many bytes a UTF-8 sequence starting with `lead` holds, or 0 when `lead` cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** The slow path: decodes escape by escape, keeping each one that does not decode. */
function decodeLeniently(raw: string): string {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const byte = escapedByte(raw, i);
    if (byte < 0) {
      out += raw[i];
      i += 1;
      continue;
    }
    const length = sequenceLength(byte);
    const end = i + length * 3;
    if (length > 0 && end <= raw.length) {
      let whole = true;
      for (let j = i + 3; j < end; j += 3) {
        if (escapedByte(raw, j) < 0) {
          whole = false;
          break;
        }
      }
      if (whole) {
        try {
          out += decodeURIComponent(raw.slice(i, end));
          i = end;
          continue;
        } catch {
          // Not valid UTF-8 (overlong, surrogate, bad continuation): keep the escape below.
        }
      }
    }
    out += raw.slice(i, i + 3);
    i += 3;
  }
  return out;
}
