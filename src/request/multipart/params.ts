/**
 * Parameters of the `Content-Disposition` and `Content-Type` headers of a multipart part, parsed
 * the way browsers really send them (quoted or bare values, unescaped Windows paths, RFC 2231 /
 * RFC 5987 `name*=charset''percent-encoded` values and `name*0*` continuations).
 * @module
 */

/** A header value split into its leading token and its parameters (names lower-cased). */
export interface ParsedOptions {
  /** The value before the first `;`, trimmed and lower-cased (`form-data`, `image/png`). */
  value: string;
  /** Parameters by lower-cased name; extended (`name*`) values are already decoded. */
  params: Map<string, string>;
}

const BACKSLASH = 0x5c;

/**
 * Splits `form-data; name="a"; filename*=UTF-8''%E2%82%AC.txt` into its value and parameters.
 * Never throws: parameters that cannot be read are skipped.
 *
 * With `formData` (a part's Content-Disposition), quoted values are also decoded the way the HTML
 * standard's multipart encoder escapes names and file names: `%22` is `"`, `%0D` is CR and `%0A`
 * is LF (as Werkzeug 2.3+ does for `%22`). Nothing else is percent-decoded: browsers send a `%`
 * as it is, so `100%.txt` stays `100%.txt` (and a file really named `a%22.txt` arrives as `a".txt`,
 * which no server can tell apart).
 *
 * @example
 * ```ts
 * parseOptions('form-data; name="file"; filename="a b.txt"');
 * // { value: 'form-data', params: Map { 'name' => 'file', 'filename' => 'a b.txt' } }
 * parseOptions('form-data; name="f"; filename="a %22b%22.txt"', true).params.get('filename'); // 'a "b".txt'
 * ```
 */
export function parseOptions(header: string, formData = false): ParsedOptions {
  const semi = header.indexOf(';');
  const value = (semi === -1 ? header : header.slice(0, semi)).trim().toLowerCase();
  // A Map, not an object: a null-prototype object with client-chosen keys is ten times slower
  // to fill (measured), and a plain object would let `__proto__` through.
  const params = new Map<string, string>();
  if (semi === -1) return { value, params };
  let extended: Array<[string, string]> | undefined;
  let i = semi + 1;
  const len = header.length;
  while (i < len) {
    let c = header.charCodeAt(i);
    while (c === 0x20 || c === 0x09 || c === 0x3b) c = header.charCodeAt(++i);
    if (i >= len) break;
    const nameStart = i;
    while (i < len && c !== 0x3d && c !== 0x3b) c = header.charCodeAt(++i);
    const name = header.slice(nameStart, i).trim().toLowerCase();
    if (i >= len || c === 0x3b) continue; // a flag without a value: ignored
    c = header.charCodeAt(++i); // after '='
    while (c === 0x20 || c === 0x09) c = header.charCodeAt(++i);
    let paramValue: string;
    if (c === 0x22) {
      const start = ++i;
      // A backslash takes the next character with it (so `\"` does not end the string), as in
      // RFC 9110 quoted-pair; what it turns into is decided by unquote().
      let escaped = false;
      while (i < len && (c = header.charCodeAt(i)) !== 0x22) {
        if (c === BACKSLASH) {
          escaped = true;
          i += 2;
        } else i++;
      }
      paramValue = header.slice(start, Math.min(i, len));
      if (escaped) paramValue = unquote(paramValue);
      if (formData && paramValue.includes('%')) paramValue = unescapeFormData(paramValue);
      i++; // closing quote
      while (i < len && header.charCodeAt(i) !== 0x3b) i++;
    } else {
      const start = i;
      while (i < len && header.charCodeAt(i) !== 0x3b) i++;
      paramValue = header.slice(start, i).trim();
    }
    if (!name) continue;
    if (name.charCodeAt(name.length - 1) === 0x2a || name.includes('*')) (extended ??= []).push([name, paramValue]);
    else if (!params.has(name)) params.set(name, paramValue);
  }
  if (extended) addExtended(params, extended);
  return { value, params };
}

/**
 * Undoes quoted-pair escaping the way Werkzeug does for file names: `\"` is a quote and `\\` a
 * backslash, any other backslash is kept (IE sends `C:\dir\file.png` unescaped), and a value that
 * starts with `\\` is a UNC path kept exactly as sent.
 */
function unquote(inner: string): string {
  if (!inner.includes('\\') || inner.startsWith('\\\\')) return inner;
  return inner.replace(/\\(["\\])/g, '$1');
}

const FORM_ESCAPES: Record<string, string> = { '%22': '"', '%0d': '\r', '%0a': '\n' };

/** Undoes the HTML standard's escaping of `"`, CR and LF in multipart names and file names. */
function unescapeFormData(inner: string): string {
  return inner.replace(/%(?:22|0[dD]|0[aA])/g, (escape) => FORM_ESCAPES[escape.toLowerCase()]);
}

/** Adds RFC 2231 / 5987 parameters (`name*`, `name*0*`...), which win over plain ones (RFC 6266). */
function addExtended(params: Map<string, string>, raw: Array<[string, string]>): void {
  const extended = new Map<string, string>();
  const continued = new Map<string, Array<{ index: number; value: string; encoded: boolean }>>();
  for (const [name, value] of raw) {
    const cont = /^(.+?)\*(\d{1,3})(\*?)$/.exec(name);
    if (cont) {
      const list = continued.get(cont[1]) ?? [];
      list.push({ index: Number(cont[2]), value, encoded: cont[3] === '*' });
      continued.set(cont[1], list);
    } else if (name.endsWith('*')) {
      const decoded = decodeExtended(value);
      if (decoded !== undefined && !extended.has(name.slice(0, -1))) extended.set(name.slice(0, -1), decoded);
    }
  }
  for (const [name, parts] of continued) {
    if (extended.has(name) || parts.length > 64) continue;
    parts.sort((a, b) => a.index - b.index);
    if (parts.some((part, k) => part.index !== k)) continue;
    const decoded = decodeContinuation(parts);
    if (decoded !== undefined) extended.set(name, decoded);
  }
  for (const [name, value] of extended) params.set(name, value);
}

/** Decodes `charset'language'percent-encoded`; `undefined` when it is not well formed. */
function decodeExtended(value: string): string | undefined {
  const match = /^([^']*)'[^']*'(.*)$/.exec(value);
  if (!match) return undefined;
  return percentDecode(match[2], match[1] || 'utf-8');
}

function decodeContinuation(parts: Array<{ value: string; encoded: boolean }>): string | undefined {
  const first = parts[0];
  let charset = 'utf-8';
  let out = '';
  for (let k = 0; k < parts.length; k++) {
    let piece = parts[k].value;
    if (!parts[k].encoded) {
      out += piece;
      continue;
    }
    if (k === 0 && first.encoded) {
      const match = /^([^']*)'[^']*'(.*)$/.exec(piece);
      if (!match) return undefined;
      charset = match[1] || 'utf-8';
      piece = match[2];
    }
    const decoded = percentDecode(piece, charset);
    if (decoded === undefined) return undefined;
    out += decoded;
  }
  return out;
}

function percentDecode(text: string, charset: string): string | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x25) {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (code < 0x80) {
      bytes.push(code);
    } else {
      return undefined; // RFC 5987 values are ASCII; anything else is not an extended value
    }
  }
  try {
    return new TextDecoder(charset).decode(new Uint8Array(bytes));
  } catch {
    return undefined; // an unknown charset label
  }
}
