/**
 * The `Accept-Charset` and `Accept-Encoding` headers. Re-exported by `accept.ts`.
 * @module
 */
import { Accept } from './accept-base.js';
// Spelling variants of the charsets clients actually name. (The WHATWG label table is no help:
// it maps ascii and latin1 to windows-1252, which would make them all the same charset.)
const CHARSET_ALIASES = {
    latin1: 'iso88591', l1: 'iso88591', iso885911987: 'iso88591', cp819: 'iso88591', ibm819: 'iso88591',
    usascii: 'ascii', us: 'ascii', ansix341968: 'ascii', iso646us: 'ascii',
    cp1252: 'windows1252', u8: 'utf8', utf: 'utf8', cp65001: 'utf8',
    latin2: 'iso88592', l2: 'iso88592', utf16le: 'utf16le', utf16be: 'utf16be',
};
function normalizeCharset(name) {
    const compact = name.toLowerCase().replace(/[-_ .:]/g, '');
    return CHARSET_ALIASES[compact] ?? compact;
}
/**
 * The `Accept-Charset` header; charset names compare without case, dashes or underscores and through
 * common aliases, so `utf8` matches `UTF-8` and `latin1` matches `ISO-8859-1`.
 *
 * @example
 * ```ts
 * parseCharsetAccept('utf8, iso-8859-1;q=0.5').bestMatch(['ISO-8859-1', 'UTF-8']); // 'UTF-8'
 * ```
 */
export class CharsetAccept extends Accept {
    matches(offer, item) {
        return item.value === '*' || normalizeCharset(item.value) === normalizeCharset(offer);
    }
}
/**
 * The `Accept-Encoding` header. As RFC 9110 section 12.5.3 says, `identity` stays acceptable unless
 * the client excludes it (`identity;q=0`, or `*;q=0` without naming it), with the lowest quality so
 * any encoding the client names wins over it.
 *
 * @example
 * ```ts
 * const accept = parseEncodingAccept('br, gzip;q=0.8');
 * accept.bestMatch(['gzip', 'br', 'identity']); // 'br'
 * accept.quality('identity');                   // 0.001
 * ```
 */
export class EncodingAccept extends Accept {
    quality(offer) {
        const quality = super.quality(offer);
        return quality === 0 && this.#implicitIdentity(offer) ? IDENTITY_QUALITY : quality;
    }
    bestMatch(offers, defaultValue) {
        const list = Array.from(offers);
        const best = super.bestMatch(list);
        if (best !== undefined)
            return best;
        return list.find((offer) => this.#implicitIdentity(offer)) ?? defaultValue;
    }
    #implicitIdentity(offer) {
        return offer.toLowerCase() === 'identity' && !this.items.some((item) => item.value === 'identity' || item.value === '*');
    }
}
const IDENTITY_QUALITY = 0.001;
/**
 * Parses an `Accept-Charset` header.
 *
 * @example
 * ```ts
 * parseCharsetAccept('utf-8').accepts('UTF8'); // true
 * ```
 */
export function parseCharsetAccept(header, options) {
    return new CharsetAccept(header, options);
}
/**
 * Parses an `Accept-Encoding` header.
 *
 * @example
 * ```ts
 * parseEncodingAccept('gzip, deflate;q=0').accepts('deflate'); // false
 * ```
 */
export function parseEncodingAccept(header, options) {
    return new EncodingAccept(header, options);
}
//# sourceMappingURL=accept-charset.js.map