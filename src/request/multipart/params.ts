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
  params: Record<string, string>;
}

const BACKSLASH = 0x5c;

/**
 * Splits `form-data; name="a"; filename*=UTF-8''%E2%82%AC.txt` into its value and parameters.
 * Never throws: parameters that cannot be read are skipped.
 *
 * @example
 * ```ts
 * parseOptions('form-data; name="file"; filename="a b.txt"');
 * // { value: 'form-data', params: { name: 'file', filename: 'a b.txt' } }
 * ```
 */
export function parseOptions(header: string): ParsedOptions {
  const semi = header.indexOf(';');
  const value = (semi === -1 ? header : header.slice(0, semi)).trim().toLowerCase();
  const raw: Array<[string, string, boolean]> = [];
  let i = semi === -1 ? header.length : semi + 1;
  const len = header.length;
  while (i < len) {
    while (i < len && (header[i] === ' ' || header[i] === '\t' || header[i] === ';')) i++;
    if (i >= len) break;
    const nameStart = i;
    while (i < len && header[i] !== '=' && header[i] !== ';') i++;
    const name = header.slice(nameStart, i).trim().toLowerCase();
    if (i >= len || header[i] === ';') continue; // a flag without a value: ignored
    i++; // '='
    while (i < len && (header[i] === ' ' || header[i] === '\t')) i++;
    let paramValue: string;
    let quoted = false;
    if (header[i] === '"') {
      quoted = true;
      const start = ++i;
      // A backslash takes the next character with it (so `\"` does not end the string), as in
      // RFC 9110 quoted-pair; what it turns into is decided by unquote().
      while (i < len && header[i] !== '"') i += header.charCodeAt(i) === BACKSLASH ? 2 : 1;
      paramValue = unquote(header.slice(start, Math.min(i, len)));
      i++; // closing quote
      while (i < len && header[i] !== ';') i++;
    } else {
      const start = i;
      while (i < len && header[i] !== ';') i++;
      paramValue = header.slice(start, i).trim();
    }
    if (name) raw.push([name, paramValue, quoted]);
  }
  return { value, params: combine(raw) };
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

function combine(raw: Array<[string, string, boolean]>): Record<string, string> {
  const params = Object.create(null) as Record<string, string>;
  const extended = Object.create(null) as Record<string, string>;
  const continued = new Map<string, Array<{ index: number; value: string; encoded: boolean }>>();
  for (const [name, value] of raw) {
    const cont = /^(.+?)\*(\d{1,3})(\*?)$/.exec(name);
    if (cont) {
      const list = continued.get(cont[1]) ?? [];
      list.push({ index: Number(cont[2]), value, encoded: cont[3] === '*' });
      continued.set(cont[1], list);
    } else if (name.endsWith('*')) {
      const decoded = decodeExtended(value);
      if (decoded !== undefined) extended[name.slice(0, -1)] = decoded;
    } else if (!(name in params)) {
      params[name] = value;
    }
  }
  for (const [name, parts] of continued) {
    parts.sort((a, b) => a.index - b.index);
    if (parts[0].index !== 0 || parts.some((part, k) => part.index !== k)) continue;
    const decoded = decodeContinuation(parts);
    if (decoded !== undefined && !(name in extended)) extended[name] = decoded;
  }
  // An extended value (`filename*`) wins over the plain one, as RFC 6266 section 4.3 asks.
  for (const name of Object.keys(extended)) params[name] = extended[name];
  return params;
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
