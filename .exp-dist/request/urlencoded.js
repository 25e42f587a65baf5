/**
 * The `application/x-www-form-urlencoded` parser of the WHATWG URL standard (what `URLSearchParams`
 * does), written for speed: every query and every urlencoded form goes through it, and most of
 * their names and values need no decoding at all.
 * @module
 */
import { encodeUtf8 } from '../http/utf8.js';
const PLUS = 1;
const PERCENT = 2;
// Any UTF-16 surrogate: a lone one must become U+FFFD, as the standard's UTF-8 round trip does.
const SURROGATE = 4;
// The standard decodes "without BOM": a leading U+FEFF is kept.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
/**
 * Parses a query string or urlencoded body into `[name, value]` pairs, in order, with repeats and
 * blank values kept: `+` is a space, `%XX` escapes are decoded as UTF-8, invalid escapes stay as
 * written and invalid UTF-8 becomes U+FFFD. The same result as `[...new URLSearchParams(text)]`
 * (a leading `?` aside, which this does not skip).
 *
 * @example
 * ```ts
 * parseUrlencoded('tag=a&tag=b+c&empty=&bad=%zz'); // [['tag','a'], ['tag','b c'], ['empty',''], ['bad','%zz']]
 * ```
 */
export function parseUrlencoded(text) {
    const pairs = [];
    const length = text.length;
    let start = 0;
    let equals = -1;
    let flags = 0;
    let nameFlags = 0;
    for (let i = 0; i <= length; i++) {
        const code = i === length ? 38 : text.charCodeAt(i);
        if (code === 38 /* & */) {
            if (i > start) {
                if (equals === -1)
                    pairs.push([decodeComponent(text, start, i, flags), '']);
                else
                    pairs.push([decodeComponent(text, start, equals, nameFlags), decodeComponent(text, equals + 1, i, flags)]);
            }
            start = i + 1;
            equals = -1;
            flags = 0;
        }
        else if (code === 61 /* = */) {
            if (equals === -1) {
                equals = i;
                nameFlags = flags;
                flags = 0;
            }
        }
        else if (code === 43 /* + */) {
            flags |= PLUS;
        }
        else if (code === 37 /* % */) {
            flags |= PERCENT;
        }
        else if (code >= 0xd800 && code <= 0xdfff) {
            flags |= SURROGATE;
        }
    }
    return pairs;
}
function decodeComponent(text, start, end, flags) {
    let part = text.slice(start, end);
    if (flags === 0)
        return part;
    if (flags & PLUS)
        part = part.replaceAll('+', ' ');
    if (flags === PLUS)
        return part;
    if (flags === PERCENT || flags === (PERCENT | PLUS)) {
        // Valid escapes of valid UTF-8 (nearly all) decode natively; anything else throws and takes
        // the byte-level path below.
        try {
            return decodeURIComponent(part);
        }
        catch {
            // Fall through.
        }
    }
    return decodeBytes(part);
}
/** The standard's own steps: UTF-8 encode, percent-decode the bytes, UTF-8 decode with U+FFFD. */
function decodeBytes(part) {
    const bytes = encodeUtf8(part);
    const out = new Uint8Array(bytes.length);
    let size = 0;
    for (let i = 0; i < bytes.length; i++) {
        const byte = bytes[i];
        if (byte === 37 && i + 2 < bytes.length) {
            const high = hexValue(bytes[i + 1]);
            const low = hexValue(bytes[i + 2]);
            if (high !== -1 && low !== -1) {
                out[size++] = (high << 4) | low;
                i += 2;
                continue;
            }
        }
        out[size++] = byte;
    }
    return decoder.decode(out.subarray(0, size));
}
function hexValue(byte) {
    if (byte >= 48 && byte <= 57)
        return byte - 48;
    const lower = byte | 0x20;
    if (lower >= 97 && lower <= 102)
        return lower - 87;
    return -1;
}
//# sourceMappingURL=urlencoded.js.map