/**
 * The `Content-Disposition` header (RFC 6266) with RFC 8187 `filename*` for non-ASCII names.
 * @module
 */
import { encodeExtValue, isToken, parseOptionsHeader } from './grammar.js';

/** A parsed `Content-Disposition`. */
export interface ContentDisposition {
  /** `inline`, `attachment` or `form-data`, lowercase. */
  type: string;
  /** The file name: from `filename*` when present and decodable, else `filename`. */
  filename?: string;
  /** Every parameter by lowercase name, `filename*` decoded into `filename`. */
  params: Record<string, string>;
}

/** Options for {@link formatContentDisposition}. */
export interface ContentDispositionOptions {
  /** `attachment` (download) or `inline` (display). Default `attachment`. */
  type?: 'attachment' | 'inline' | 'form-data';
  /** Other parameters (`name` for form-data). */
  params?: Record<string, string>;
}

/** An ASCII stand-in for a file name: accents stripped, other non-ASCII and unsafe characters as `_`. */
function asciiFallback(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
}

/**
 * Builds a `Content-Disposition` value. A file name that is not plain printable ASCII is sent
 * twice: an ASCII fallback in `filename=` (for old clients) and the exact name in
 * `filename*=UTF-8''...` (which every current browser prefers). Path separators and control
 * characters are replaced with `_`, so a client never sees directories and a name taken from an
 * upload (where a browser's `%0D%0A` decodes to CR LF) is served, not refused.
 *
 * @example
 * ```ts
 * formatContentDisposition('report.pdf');            // 'attachment; filename="report.pdf"'
 * formatContentDisposition('résumé €.pdf', { type: 'inline' });
 * // 'inline; filename="resume _.pdf"; filename*=UTF-8\'\'r%C3%A9sum%C3%A9%20%E2%82%AC.pdf'
 * ```
 */
export function formatContentDisposition(filename?: string, options: ContentDispositionOptions = {}): string {
  const type = options.type ?? 'attachment';
  let out = type;
  for (const [key, value] of Object.entries(options.params ?? {})) {
    if (!isToken(key) || /[\r\n\0]/.test(value)) throw new TypeError(`invalid Content-Disposition parameter ${key}`);
    out += `; ${key}="${value.replace(/["\\]/g, '\\$&')}"`;
  }
  if (filename === undefined) return out;
  const name = filename.replace(/[/\\\0-\x1f\x7f]/g, '_');
  const fallback = asciiFallback(name);
  out += `; filename="${fallback}"`;
  if (fallback !== name) out += `; filename*=${encodeExtValue(name)}`;
  return out;
}

/**
 * Parses a `Content-Disposition` header; `filename*` (RFC 8187) wins over `filename`. `null` when
 * absent or without a disposition type. Never throws.
 *
 * @example
 * ```ts
 * parseContentDisposition("attachment; filename=\"a.txt\"; filename*=UTF-8''%E2%82%AC.txt")?.filename; // '€.txt'
 * ```
 */
export function parseContentDisposition(header: string | null | undefined): ContentDisposition | null {
  if (!header) return null;
  const { value, params } = parseOptionsHeader(header);
  if (!isToken(value)) return null;
  const result: ContentDisposition = { type: value.toLowerCase(), params };
  if (params.filename !== undefined) result.filename = params.filename;
  return result;
}
