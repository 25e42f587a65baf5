/**
 * The `Accept-Language` header with RFC 4647 fallbacks. Re-exported by `accept.ts`.
 * @module
 */
import { Accept } from './accept-base.js';
const normalizeLanguage = (tag) => tag.toLowerCase().replace(/_/g, '-');
/**
 * The `Accept-Language` header. Tags compare case-insensitively with `_` read as `-`. When no tag
 * matches exactly, `bestMatch` falls back as RFC 4647 lookup does: a client asking for `de-AT`
 * gets the offer `de`; then as basic filtering does: a client asking for `de` gets `de-AT`.
 *
 * @example
 * ```ts
 * parseLanguageAccept('de-AT').bestMatch(['en', 'de']);    // 'de'
 * parseLanguageAccept('de').bestMatch(['en', 'de-CH']);    // 'de-CH'
 * ```
 */
export class LanguageAccept extends Accept {
    normalize(value) {
        if (value === '*')
            return value;
        return /^[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*$/.test(value) ? normalizeLanguage(value) : undefined;
    }
    specificity(value) {
        return value === '*' ? 0 : value.split('-').length;
    }
    matches(offer, item) {
        return item.value === '*' || item.value === normalizeLanguage(offer);
    }
    /**
     * How the client's list covers `offer`, tried in this order (the first kind that matches gives
     * the quality): 3 the same tag; 2 a client tag that `offer` is a prefix of (`de` for `de-AT`,
     * RFC 4647 lookup); 1 a client tag that is a prefix of `offer` (`de-AT` for `de`, RFC 4647 basic
     * filtering); 0 the `*` wildcard.
     */
    #coverage(offer) {
        const tag = normalizeLanguage(offer);
        const exact = this.lookup(offer, (_, item) => item.value === tag);
        if (exact)
            return { quality: exact.quality, kind: 3 };
        const truncated = this.lookup(offer, (_, item) => item.value.startsWith(`${tag}-`));
        if (truncated)
            return { quality: truncated.quality, kind: 2 };
        const extended = this.lookup(offer, (_, item) => item.value !== '*' && tag.startsWith(`${item.value}-`));
        if (extended)
            return { quality: extended.quality, kind: 1 };
        const star = this.lookup(offer, (_, item) => item.value === '*');
        return star ? { quality: star.quality, kind: 0 } : undefined;
    }
    /**
     * The quality for `offer`, with the same fallbacks as `bestMatch`.
     *
     * @example
     * ```ts
     * parseLanguageAccept('de;q=0.8').quality('de-AT'); // 0.8
     * ```
     */
    quality(offer) {
        if (!this.provided)
            return 1;
        return this.#coverage(offer)?.quality ?? 0;
    }
    bestMatch(offers, defaultValue) {
        const list = Array.from(offers);
        if (!this.provided)
            return list.length > 0 ? list[0] : defaultValue;
        let best;
        let bestScore = [0, -1, -1];
        for (const offer of list) {
            const coverage = this.#coverage(offer);
            if (!coverage || coverage.quality <= 0)
                continue;
            const score = [coverage.quality, coverage.kind, coverage.kind === 2 ? offer.length : 0];
            if (greater(score, bestScore)) {
                best = offer;
                bestScore = score;
            }
        }
        return best ?? defaultValue;
    }
}
function greater(a, b) {
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return a[i] > b[i];
    return false;
}
/**
 * Parses an `Accept-Language` header.
 *
 * @example
 * ```ts
 * parseLanguageAccept('fr-CH, fr;q=0.9, en;q=0.8').bestMatch(['en', 'fr']); // 'fr'
 * ```
 */
export function parseLanguageAccept(header, options) {
    return new LanguageAccept(header, options);
}
//# sourceMappingURL=accept-language.js.map