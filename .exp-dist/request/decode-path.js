/**
 * Percent-decoding of request paths for `PATH_INFO` and `SCRIPT_NAME` (rule 3.4 of `docs/spec.md`).
 * @module
 */
/**
 * Percent-decodes a request path as UTF-8 (rule 3.4 of `docs/spec.md`): escapes that form valid
 * UTF-8 are decoded; any other escape, such as `%FF` or a truncated sequence, is left as it was.
 *
 * @example
 * ```ts
 * decodePathInfo('/caf%C3%A9/%FF'); // '/café/%FF'
 * ```
 */
export function decodePathInfo(path) {
    if (!path.includes('%'))
        return path;
    let out = '';
    let i = 0;
    while (i < path.length) {
        if (path[i] !== '%' || !isHexPair(path, i + 1)) {
            out += path[i++];
            continue;
        }
        // Collect the run of consecutive escapes, then decode it byte by byte.
        const start = i;
        const bytes = [];
        while (i < path.length && path[i] === '%' && isHexPair(path, i + 1)) {
            bytes.push(parseInt(path.slice(i + 1, i + 3), 16));
            i += 3;
        }
        out += decodeRun(bytes, path.slice(start, i));
    }
    return out;
}
function isHexPair(text, at) {
    return at + 2 <= text.length && /^[0-9a-fA-F]{2}$/.test(text.slice(at, at + 2));
}
/**
 * Decodes UTF-8 bytes, keeping each byte that does not start a valid sequence as its original
 * escape (`raw` holds the escapes, three characters per byte).
 */
function decodeRun(bytes, raw) {
    let out = '';
    let i = 0;
    while (i < bytes.length) {
        const lead = bytes[i];
        let size = 0;
        let min = 0;
        let cp = 0;
        if (lead < 0x80) {
            out += String.fromCharCode(lead);
            i++;
            continue;
        }
        else if (lead >= 0xc2 && lead <= 0xdf) {
            size = 2;
            min = 0x80;
            cp = lead & 0x1f;
        }
        else if (lead >= 0xe0 && lead <= 0xef) {
            size = 3;
            min = 0x800;
            cp = lead & 0x0f;
        }
        else if (lead >= 0xf0 && lead <= 0xf4) {
            size = 4;
            min = 0x10000;
            cp = lead & 0x07;
        }
        let valid = size > 0 && i + size <= bytes.length;
        for (let k = 1; valid && k < size; k++) {
            const next = bytes[i + k];
            if ((next & 0xc0) !== 0x80)
                valid = false;
            else
                cp = (cp << 6) | (next & 0x3f);
        }
        // Overlong forms, surrogates and code points past U+10FFFF are not valid UTF-8.
        if (valid && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)))
            valid = false;
        if (valid) {
            out += String.fromCodePoint(cp);
            i += size;
        }
        else {
            out += raw.slice(i * 3, i * 3 + 3);
            i++;
        }
    }
    return out;
}
/**
 * Percent-decodes a URL path as UTF-8 for `PATH_INFO` and `SCRIPT_NAME`: the same result as
 * `decodePathInfo`, with the native decoder as the fast path since servers run it on every request.
 *
 * @example
 * ```ts
 * decodePath('/caf%C3%A9/%zz'); // '/café/%zz'
 * ```
 */
export function decodePath(raw) {
    // Most paths hold no escape at all; most others are valid UTF-8, which the native decoder handles.
    if (raw.indexOf('%') === -1)
        return raw;
    try {
        return decodeURIComponent(raw);
    }
    catch {
        return decodePathInfo(raw);
    }
}
//# sourceMappingURL=decode-path.js.map