/**
 * Content-Type parsing that never throws on client input, and the charset rule for responses.
 * @module
 */
import { parse } from 'content-type';
/**
 * Parses a Content-Type value with the `content-type` package; a value it rejects still yields
 * its lower-case media type (the part before `;`) with no parameters, so client input never throws.
 *
 * @example
 * ```ts
 * parseContentType('text/HTML; charset="utf-8"'); // { mimetype: 'text/html', params: { charset: 'utf-8' } }
 * ```
 */
export function parseContentType(value) {
    if (!value)
        return { mimetype: '', params: Object.create(null) };
    // Without parameters the package's answer is the trimmed, lower-cased value (or, for an invalid
    // type, the fallback below, which is the same): skip its regular expressions.
    if (value.indexOf(';') === -1)
        return { mimetype: value.trim().toLowerCase(), params: Object.create(null) };
    try {
        const parsed = parse(value);
        const params = Object.assign(Object.create(null), parsed.parameters);
        return { mimetype: parsed.type, params };
    }
    catch {
        const semi = value.indexOf(';');
        const mimetype = (semi === -1 ? value : value.slice(0, semi)).trim().toLowerCase();
        return { mimetype, params: Object.create(null) };
    }
}
/**
 * The media type alone, lower-cased, without parsing parameters (cheap, for hot paths).
 *
 * @example
 * ```ts
 * mimetypeOf('application/json; charset=utf-8'); // 'application/json'
 * ```
 */
export function mimetypeOf(value) {
    if (!value)
        return '';
    const semi = value.indexOf(';');
    return (semi === -1 ? value : value.slice(0, semi)).trim().toLowerCase();
}
/**
 * True for media types that carry text and so get `charset=utf-8` added when tsgi sets them.
 *
 * @example
 * ```ts
 * needsCharset('text/html'); // true
 * needsCharset('application/json'); // false (JSON is always UTF-8, RFC 8259)
 * ```
 */
export function needsCharset(mimetype) {
    return (mimetype.startsWith('text/') ||
        mimetype === 'application/xml' ||
        mimetype === 'application/javascript' ||
        mimetype === 'application/ecmascript' ||
        mimetype === 'application/x-www-form-urlencoded' ||
        (mimetype.startsWith('application/') && mimetype.endsWith('+xml')));
}
/**
 * The Content-Type value tsgi writes for a media type: `charset=utf-8` added where it belongs.
 *
 * @example
 * ```ts
 * contentTypeFor('text/html'); // 'text/html; charset=utf-8'
 * ```
 */
export function contentTypeFor(mimetype, charset = 'utf-8') {
    return needsCharset(mimetype.toLowerCase()) && !mimetype.includes(';') ? `${mimetype}; charset=${charset}` : mimetype;
}
/**
 * True for JSON media types: `application/json` and any `+json` suffix type.
 *
 * @example
 * ```ts
 * isJsonMimetype('application/problem+json'); // true
 * ```
 */
export function isJsonMimetype(mimetype) {
    return mimetype === 'application/json' || (mimetype.startsWith('application/') && mimetype.endsWith('+json'));
}
//# sourceMappingURL=content-type.js.map