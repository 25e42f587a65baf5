/**
 * The `Content-Disposition` header (RFC 6266) with RFC 8187 `filename*` for non-ASCII names.
 * @module
 */
import { encodeExtValue, isToken, parseOptionsHeader } from './grammar.js';
/** An ASCII stand-in for a file name: accents stripped, other non-ASCII and unsafe characters as `_`. */
function asciiFallback(name) {
    return name
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^\x20-\x7e]|["\\%]/g, '_');
}
/**
 * Builds a `Content-Disposition` value. A file name that is not plain printable ASCII is sent
 * twice: an ASCII fallback in `filename=` (for old clients) and the exact name in
 * `filename*=UTF-8''...` (which every current browser prefers). Path separators are replaced so a
 * client never sees directories; CR, LF and NUL throw a `TypeError`.
 *
 * @example
 * ```ts
 * formatContentDisposition('report.pdf');            // 'attachment; filename="report.pdf"'
 * formatContentDisposition('résumé €.pdf', { type: 'inline' });
 * // 'inline; filename="resume _.pdf"; filename*=UTF-8\'\'r%C3%A9sum%C3%A9%20%E2%82%AC.pdf'
 * ```
 */
export function formatContentDisposition(filename, options = {}) {
    const type = options.type ?? 'attachment';
    let out = type;
    for (const [key, value] of Object.entries(options.params ?? {})) {
        if (!isToken(key) || /[\r\n\0]/.test(value))
            throw new TypeError(`invalid Content-Disposition parameter ${key}`);
        out += `; ${key}="${value.replace(/["\\]/g, '\\$&')}"`;
    }
    if (filename === undefined)
        return out;
    if (/[\r\n\0]/.test(filename))
        throw new TypeError('file name holds CR, LF or NUL');
    const name = filename.replace(/[/\\]/g, '_');
    const fallback = asciiFallback(name);
    out += `; filename="${fallback}"`;
    if (fallback !== name)
        out += `; filename*=${encodeExtValue(name)}`;
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
export function parseContentDisposition(header) {
    if (!header)
        return null;
    const { value, params } = parseOptionsHeader(header);
    if (!isToken(value))
        return null;
    const result = { type: value.toLowerCase(), params };
    if (params.filename !== undefined)
        result.filename = params.filename;
    return result;
}
//# sourceMappingURL=content-disposition.js.map