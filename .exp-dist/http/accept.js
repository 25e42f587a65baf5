/**
 * Content negotiation: the `Accept`, `Accept-Language`, `Accept-Charset` and `Accept-Encoding`
 * request headers (RFC 9110 section 12.5), parsed once into value classes that answer
 * `quality(offer)` and `bestMatch(offers)`.
 * @module
 */
import { Accept } from './accept-base.js';
import { isToken, scanParameters } from './grammar.js';
export * from './accept-base.js';
export * from './accept-language.js';
export * from './accept-charset.js';
/**
 * The `Accept` header: media ranges such as `text/html`, `text/*`, `*\/*`, with parameters.
 * A range matches an offer when type and subtype match (or are wildcards) and every parameter of
 * the range appears in the offer with the same value (RFC 9110 section 12.5.1).
 *
 * @example
 * ```ts
 * const accept = parseAccept('text/html, application/json;q=0.9, *\/*;q=0.1');
 * accept.bestMatch(['application/json', 'text/html']); // 'text/html'
 * accept.acceptJson;                                   // true
 * ```
 */
export class MIMEAccept extends Accept {
    normalize(value) {
        const slash = value.indexOf('/');
        if (slash === -1)
            return value === '*' ? '*/*' : undefined; // Java's URLConnection sends a bare "*"
        const type = value.slice(0, slash);
        const subtype = value.slice(slash + 1);
        if (!isToken(type) || !isToken(subtype))
            return undefined;
        if (type === '*' && subtype !== '*')
            return undefined;
        return `${type}/${subtype}`.toLowerCase();
    }
    specificity(value, params) {
        if (value === '*/*')
            return 0;
        if (value.endsWith('/*'))
            return 1;
        return 2 + Object.keys(params).length;
    }
    matches(offer, item) {
        const parsed = parseOffer(offer);
        if (!parsed)
            return false;
        const [type, params] = parsed;
        if (item.value !== '*/*') {
            const slash = item.value.indexOf('/');
            const offerSlash = type.indexOf('/');
            if (item.value.slice(0, slash) !== type.slice(0, offerSlash))
                return false;
            const subtype = item.value.slice(slash + 1);
            if (subtype !== '*' && subtype !== type.slice(offerSlash + 1))
                return false;
        }
        for (const key in item.params)
            if (params[key] !== item.params[key])
                return false;
        return true;
    }
    /** True when the client accepts HTML (or XHTML). */
    get acceptHtml() {
        return this.accepts('text/html') || this.acceptXhtml;
    }
    /** True when the client accepts XHTML or XML. */
    get acceptXhtml() {
        return this.accepts('application/xhtml+xml') || this.accepts('application/xml');
    }
    /** True when the client accepts JSON. */
    get acceptJson() {
        return this.accepts('application/json');
    }
    toString() {
        return this.items
            .map((item) => {
            let out = item.value;
            for (const key in item.params)
                out += `;${key}=${item.params[key]}`;
            if (item.quality !== 1)
                out += `;q=${item.quality}`;
            return out;
        })
            .join(', ');
    }
}
// Offers come from the application and repeat across calls: cache their parsed form.
const offerCache = new Map();
function parseOffer(offer) {
    let parsed = offerCache.get(offer);
    if (parsed !== undefined)
        return parsed;
    const semicolon = offer.indexOf(';');
    const type = (semicolon === -1 ? offer : offer.slice(0, semicolon)).trim().toLowerCase();
    const params = Object.create(null);
    if (semicolon !== -1) {
        const pairs = [];
        scanParameters(offer, semicolon + 1, pairs);
        for (const [key, value] of pairs)
            params[key] = value.toLowerCase();
    }
    parsed = type.indexOf('/') > 0 ? [type, params] : null;
    if (offerCache.size < 1000)
        offerCache.set(offer, parsed);
    return parsed;
}
/**
 * Parses an `Accept` header; `undefined`/`null` means the header was absent (everything acceptable).
 *
 * @example
 * ```ts
 * parseAccept('text/html;q=0.9, application/json').bestMatch(['text/html', 'application/json']);
 * // 'application/json'
 * ```
 */
export function parseAccept(header, options) {
    return new MIMEAccept(header, options);
}
//# sourceMappingURL=accept.js.map