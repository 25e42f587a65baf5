/**
 * Decoding text fields in the charset they were sent in.
 * @module
 */
const decoders = new Map();
/**
 * A cached `TextDecoder` for a charset label; UTF-8 when the label is unknown (a bad label from a
 * client is not worth a 400: the bytes are still shown, with replacement characters if need be).
 *
 * @example
 * ```ts
 * decoderFor('iso-8859-1').decode(Uint8Array.of(0xe9)); // 'é'
 * ```
 */
let lastLabel = 'utf-8';
let lastDecoder = new TextDecoder('utf-8');
export function decoderFor(label) {
    if (label === lastLabel)
        return lastDecoder;
    const key = label.trim().toLowerCase();
    let decoder = decoders.get(key);
    if (!decoder) {
        try {
            decoder = new TextDecoder(key);
        }
        catch {
            decoder = decoders.get('utf-8') ?? new TextDecoder('utf-8');
        }
        if (decoders.size < 64)
            decoders.set(key, decoder); // bounded: labels come from clients
    }
    lastLabel = label;
    lastDecoder = decoder;
    return decoder;
}
/**
 * True when `label` names a charset this runtime can decode.
 *
 * @example
 * ```ts
 * isKnownCharset('utf-8'); // true
 * ```
 */
export function isKnownCharset(label) {
    try {
        new TextDecoder(label.trim());
        return true;
    }
    catch {
        return false;
    }
}
//# sourceMappingURL=text.js.map