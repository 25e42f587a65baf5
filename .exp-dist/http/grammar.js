/**
 * The shared pieces of HTTP header grammar (RFC 9110 section 5.6): tokens, quoted strings,
 * comma lists and `;`-parameters. Every scanner here walks its input once, left to right, so
 * its cost is linear in the header's length whatever the input holds.
 * @module
 */
import { wellFormed } from './utf8.js';
/**
 * Default cap on the items read from a list header (DESIGN section 5).
 *
 * @example
 * ```ts
 * splitList(hugeHeader).length <= MAX_LIST_ITEMS; // true
 * ```
 */
export const MAX_LIST_ITEMS = 100;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/**
 * True when `value` is an RFC 9110 token (the characters allowed unquoted in header values).
 *
 * @example
 * ```ts
 * isToken('gzip');      // true
 * isToken('two words'); // false
 * ```
 */
export function isToken(value) {
    return TOKEN.test(value);
}
/**
 * Quotes a header parameter value when it is not a token, escaping `"` and `\`.
 *
 * @example
 * ```ts
 * quoteHeaderValue('utf-8');        // 'utf-8'
 * quoteHeaderValue('say "hi"');     // '"say \\"hi\\""'
 * quoteHeaderValue('');             // '""'
 * ```
 */
export function quoteHeaderValue(value) {
    if (value !== '' && TOKEN.test(value))
        return value;
    return `"${value.replace(/["\\]/g, '\\$&')}"`;
}
/**
 * Removes the surrounding quotes of a quoted string and its backslash escapes; any other value is
 * returned as it is.
 *
 * @example
 * ```ts
 * unquoteHeaderValue('"a \\"b\\""'); // 'a "b"'
 * unquoteHeaderValue('token');       // 'token'
 * ```
 */
export function unquoteHeaderValue(value) {
    if (value.length >= 2 && value.charCodeAt(0) === 0x22 && value.charCodeAt(value.length - 1) === 0x22) {
        return value.slice(1, -1).replace(/\\([\s\S])/g, '$1');
    }
    return value;
}
const isSpace = (code) => code === 0x20 || code === 0x09;
/**
 * Splits a comma-separated list into its trimmed, non-empty items, keeping quoted strings (commas
 * inside quotes do not split) and their quotes. An item whose quote never closes is dropped.
 * Stops after `max` items, so a huge header costs no more than its first `max` items.
 *
 * @example
 * ```ts
 * splitList('a, "b, c" ,, d'); // ['a', '"b, c"', 'd']
 * ```
 */
export function splitList(value, max = MAX_LIST_ITEMS) {
    const items = [];
    const length = value.length;
    let start = 0;
    let quoted = false;
    for (let i = 0; i < length && items.length < max; i++) {
        const code = value.charCodeAt(i);
        if (quoted) {
            if (code === 0x5c)
                i++;
            else if (code === 0x22)
                quoted = false;
        }
        else if (code === 0x22) {
            quoted = true;
        }
        else if (code === 0x2c) {
            pushTrimmed(items, value, start, i);
            start = i + 1;
        }
    }
    if (!quoted && items.length < max)
        pushTrimmed(items, value, start, length);
    return items;
}
function pushTrimmed(items, value, start, end) {
    while (start < end && isSpace(value.charCodeAt(start)))
        start++;
    while (end > start && isSpace(value.charCodeAt(end - 1)))
        end--;
    if (end > start)
        items.push(value.slice(start, end));
}
/**
 * Parses a comma list header (`Vary`, `Allow`, `Connection`...) into its items, unquoting quoted
 * ones. At most `max` items are read.
 *
 * @example
 * ```ts
 * parseList('token, "quoted, value"'); // ['token', 'quoted, value']
 * ```
 */
export function parseList(value, options = {}) {
    if (!value)
        return [];
    return splitList(value, options.max).map(unquoteHeaderValue);
}
/**
 * Reads `;`-separated `key=value` parameters from `value`, starting at `start`, into `out` as
 * `[lowercase key, unquoted value]` pairs. Parameters without `=`, with a non-token key or with an
 * unterminated quoted value are skipped. Returns nothing; runs in one pass.
 *
 * @example
 * ```ts
 * const out: Array<[string, string]> = [];
 * scanParameters('text/html; Level="1"', 9, out); // out: [['level', '1']]
 * ```
 */
export function scanParameters(value, start, out) {
    const length = value.length;
    let i = start;
    while (i < length) {
        // Skip separators and whitespace before a key.
        while (i < length && (value.charCodeAt(i) === 0x3b || isSpace(value.charCodeAt(i))))
            i++;
        const keyStart = i;
        while (i < length) {
            const code = value.charCodeAt(i);
            if (code === 0x3d || code === 0x3b)
                break;
            i++;
        }
        const key = value.slice(keyStart, i).trim();
        if (i >= length || value.charCodeAt(i) === 0x3b)
            continue; // no "=": not a parameter
        i++; // past "="
        while (i < length && isSpace(value.charCodeAt(i)))
            i++;
        let parsed;
        if (value.charCodeAt(i) === 0x22) {
            let text = '';
            let chunk = i + 1;
            let j = i + 1;
            for (; j < length; j++) {
                const code = value.charCodeAt(j);
                if (code === 0x5c && j + 1 < length) {
                    text += value.slice(chunk, j);
                    chunk = j + 1;
                    j++;
                }
                else if (code === 0x22)
                    break;
            }
            if (j < length) {
                parsed = text + value.slice(chunk, j);
                i = j + 1;
            }
            else {
                i = length; // unterminated quoted string: the rest of the value is dropped
            }
            // Anything between the closing quote and the next ";" is junk.
            while (i < length && value.charCodeAt(i) !== 0x3b)
                i++;
        }
        else {
            const valueStart = i;
            while (i < length && value.charCodeAt(i) !== 0x3b)
                i++;
            parsed = value.slice(valueStart, i).trim();
        }
        if (parsed !== undefined && key !== '' && TOKEN.test(key))
            out.push([key.toLowerCase(), parsed]);
    }
}
/**
 * Parses a `value; key=value; key2="quoted"` header (Content-Type, Content-Disposition...).
 * Parameter names are lowercased; RFC 8187 `key*=UTF-8''percent%20encoded` values are decoded and
 * win over the plain `key`. Never throws.
 *
 * @example
 * ```ts
 * parseOptionsHeader('text/html; charset="utf-8"');
 * // { value: 'text/html', params: { charset: 'utf-8' } }
 * parseOptionsHeader("attachment; filename*=UTF-8''%E2%82%AC.txt").params.filename; // '€.txt'
 * ```
 */
export function parseOptionsHeader(header) {
    const params = Object.create(null);
    if (!header)
        return { value: '', params };
    const semicolon = indexOutsideQuotes(header, 0x3b, 0);
    const main = (semicolon === -1 ? header : header.slice(0, semicolon)).trim();
    if (semicolon === -1)
        return { value: main, params };
    const pairs = [];
    scanParameters(header, semicolon + 1, pairs);
    const extended = new Set();
    for (const [key, raw] of pairs) {
        if (key.endsWith('*') && key.length > 1) {
            const name = key.slice(0, -1);
            const decoded = decodeExtValue(raw);
            if (decoded === undefined)
                continue;
            params[name] = decoded;
            extended.add(name);
        }
        else if (!extended.has(key) && !(key in params)) {
            params[key] = raw;
        }
    }
    return { value: main, params };
}
/**
 * The index of `code` in `value` at or after `from`, skipping quoted strings; -1 when absent.
 *
 * @example
 * ```ts
 * indexOutsideQuotes('a="x;y"; b', 0x3b, 0); // 7
 * ```
 */
export function indexOutsideQuotes(value, code, from) {
    let quoted = false;
    for (let i = from; i < value.length; i++) {
        const c = value.charCodeAt(i);
        if (quoted) {
            if (c === 0x5c)
                i++;
            else if (c === 0x22)
                quoted = false;
        }
        else if (c === 0x22)
            quoted = true;
        else if (c === code)
            return i;
    }
    return -1;
}
/**
 * Decodes an RFC 8187 ext-value (`charset'lang'percent-encoded`). UTF-8 and ISO-8859-1 (and ASCII)
 * are understood; anything else, or invalid UTF-8, gives `undefined`.
 *
 * @example
 * ```ts
 * decodeExtValue("UTF-8''%E2%82%AC%20rates"); // '€ rates'
 * ```
 */
export function decodeExtValue(value) {
    const match = /^([A-Za-z0-9!#$%&+\-^_`{}~]*)'[A-Za-z0-9-]*'(.*)$/.exec(value);
    if (!match)
        return undefined;
    const charset = match[1].toLowerCase();
    const encoded = match[2];
    if (!/^(?:[A-Za-z0-9!#$&+\-.^_`|~]|%[0-9A-Fa-f]{2})*$/.test(encoded))
        return undefined;
    if (charset === 'utf-8' || charset === 'us-ascii' || charset === 'ascii' || charset === '') {
        try {
            return decodeURIComponent(encoded);
        }
        catch {
            return undefined;
        }
    }
    if (charset === 'iso-8859-1' || charset === 'latin1') {
        return encoded.replace(/%([0-9A-Fa-f]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
    }
    return undefined;
}
/**
 * Encodes a string as an RFC 8187 ext-value in UTF-8 (`UTF-8''...`), for `filename*` and friends.
 *
 * @example
 * ```ts
 * encodeExtValue('€ rates.pdf'); // "UTF-8''%E2%82%AC%20rates.pdf"
 * ```
 */
export function encodeExtValue(value) {
    // attr-char allows these unreserved marks; encodeURIComponent leaves a few more (' ( ) *) that must go.
    // wellFormed: a lone surrogate would make encodeURIComponent throw a URIError (a 500).
    const encoded = encodeURIComponent(wellFormed(value)).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    return `UTF-8''${encoded}`;
}
/**
 * Parses a comma list of `key=value` items (`Cache-Control`, `Digest` auth parameters...) into a
 * null-prototype record; keys without a value map to `null`, the first of a repeated key wins,
 * keys keep their case. `key*=UTF-8''...` values are decoded.
 *
 * @example
 * ```ts
 * parseDictHeader('a=b, c="d, e", f'); // { a: 'b', c: 'd, e', f: null }
 * ```
 */
export function parseDictHeader(value, options = {}) {
    const result = Object.create(null);
    if (!value)
        return result;
    for (const item of splitList(value, options.max)) {
        const eq = item.indexOf('=');
        let key = (eq === -1 ? item : item.slice(0, eq)).trim();
        if (key === '')
            continue;
        if (eq === -1) {
            if (!(key in result))
                result[key] = null;
            continue;
        }
        let raw = item.slice(eq + 1).trim();
        if (key.endsWith('*') && key.length > 1) {
            key = key.slice(0, -1);
            const decoded = decodeExtValue(raw);
            if (decoded !== undefined) {
                result[key] = decoded;
                continue;
            }
        }
        else
            raw = unquoteHeaderValue(raw);
        if (!(key in result))
            result[key] = raw;
    }
    return result;
}
/**
 * Builds a `value; key=value` header, quoting values that are not tokens; `undefined` and `null`
 * parameters are skipped.
 *
 * @example
 * ```ts
 * dumpOptionsHeader('text/html', { charset: 'utf-8' }); // 'text/html; charset=utf-8'
 * ```
 */
export function dumpOptionsHeader(value, params) {
    let out = value;
    for (const key of Object.keys(params)) {
        const param = params[key];
        if (param === undefined || param === null)
            continue;
        out += `; ${key}=${key.endsWith('*') ? String(param) : quoteHeaderValue(String(param))}`;
    }
    return out;
}
/**
 * Builds a comma list header from items (quoted when needed) or from a record of `key=value`
 * pairs (`null` values give a bare key).
 *
 * @example
 * ```ts
 * dumpHeader(['foo', 'bar baz']);          // 'foo, "bar baz"'
 * dumpHeader({ 'max-age': 60, public: null }); // 'max-age=60, public'
 * ```
 */
export function dumpHeader(items) {
    if (typeof items[Symbol.iterator] === 'function') {
        return Array.from(items, quoteHeaderValue).join(', ');
    }
    const record = items;
    return Object.keys(record)
        .map((key) => {
        const value = record[key];
        return value === null ? key : `${key}=${quoteHeaderValue(String(value))}`;
    })
        .join(', ');
}
//# sourceMappingURL=grammar.js.map