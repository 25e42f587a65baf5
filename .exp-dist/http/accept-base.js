/**
 * The base of the Accept-style headers: parsing items with quality values and matching offers.
 * `accept.ts` re-exports everything here.
 * @module
 */
import { MAX_LIST_ITEMS, indexOutsideQuotes, isToken, scanParameters, splitList } from './grammar.js';
// RFC 9110 allows at most three decimals; like Werkzeug we accept any decimal in [0, 1].
const QVALUE = /^\d+(?:\.\d+)?$/;
/**
 * A parsed Accept-style header. Iterating yields `[value, quality]` pairs by preference (highest
 * quality first, then the more specific, then header order). `provided` is false when the request
 * had no such header: then every offer is acceptable with quality 1 and `bestMatch` returns the
 * first offer.
 *
 * @example
 * ```ts
 * const accept = parseLanguageAccept('de-AT, de;q=0.9, en;q=0.5');
 * accept.bestMatch(['en', 'de']);  // 'de'
 * accept.quality('en');             // 0.5
 * [...accept];                      // [['de-at', 1], ['de', 0.9], ['en', 0.5]]
 * ```
 */
export class Accept {
    /** True when the header was present (even if empty or unparsable). */
    provided;
    /** Items by preference (quality, then specificity, then header order). */
    items;
    /** Items by specificity then quality: the first match in this order decides an offer's quality. */
    #bySpecificity;
    constructor(header, options = {}) {
        this.provided = header !== undefined && header !== null;
        const entries = [];
        if (header) {
            for (const raw of splitList(header, options.maxItems ?? MAX_LIST_ITEMS)) {
                const entry = this.#parseItem(raw, entries.length);
                if (entry)
                    entries.push(entry);
            }
        }
        this.items = entries
            .slice()
            .sort((a, b) => b.quality - a.quality || b.specificity - a.specificity || a.index - b.index)
            .map(({ value, quality, params }) => ({ value, quality, params }));
        this.#bySpecificity = entries.sort((a, b) => b.specificity - a.specificity || b.quality - a.quality || a.index - b.index);
    }
    /** Parses one list item; `undefined` drops it. */
    #parseItem(raw, index) {
        const semicolon = indexOutsideQuotes(raw, 0x3b, 0);
        const value = (semicolon === -1 ? raw : raw.slice(0, semicolon)).trim();
        const pairs = [];
        if (semicolon !== -1)
            scanParameters(raw, semicolon + 1, pairs);
        let quality = 1;
        const params = Object.create(null);
        for (const [key, param] of pairs) {
            if (key === 'q') {
                if (!QVALUE.test(param))
                    return undefined;
                quality = Number(param);
                if (quality > 1)
                    return undefined;
                break; // parameters after q are accept-extensions, not part of the media range
            }
            params[key] = param.toLowerCase();
        }
        const normalized = this.normalize(value, params);
        if (normalized === undefined)
            return undefined;
        return { value: normalized, quality, params, specificity: this.specificity(normalized, params), index };
    }
    /** The value used for matching, or `undefined` when the item is invalid. */
    normalize(value, _params) {
        return value === '*' || isToken(value) ? value.toLowerCase() : undefined;
    }
    /** How specific an item is; a more specific item's quality overrides a wildcard's. */
    specificity(value, _params) {
        return value === '*' ? 0 : 1;
    }
    /** True when the client's `item` covers the server's `offer`. */
    matches(offer, item) {
        return item.value === '*' || item.value === offer.toLowerCase();
    }
    /** The quality the most specific matching item gives `offer`, or undefined when none matches. */
    lookup(offer, match) {
        for (const entry of this.#bySpecificity)
            if (match(offer, entry))
                return entry;
        return undefined;
    }
    /**
     * The quality the client gives `offer`: that of the most specific matching item, 0 when nothing
     * matches, 1 when the header was absent.
     *
     * @example
     * ```ts
     * parseAccept('text/*;q=0.5, text/html').quality('text/plain'); // 0.5
     * ```
     */
    quality(offer) {
        if (!this.provided)
            return 1;
        return this.lookup(offer, (o, item) => this.matches(o, item))?.quality ?? 0;
    }
    /** True when `offer` is acceptable (quality above 0). */
    accepts(offer) {
        return this.quality(offer) > 0;
    }
    bestMatch(offers, defaultValue) {
        const list = Array.from(offers);
        if (!this.provided)
            return list.length > 0 ? list[0] : defaultValue;
        return this.bestBy(list, (o, item) => this.matches(o, item)) ?? defaultValue;
    }
    /** `bestMatch` with a given matching rule; undefined when nothing is acceptable. */
    bestBy(offers, match, rank = () => 0) {
        let best;
        let bestQuality = 0;
        let bestSpecificity = -1;
        let bestRank = -1;
        for (const offer of offers) {
            const entry = this.lookup(offer, match);
            if (!entry || entry.quality <= 0)
                continue;
            const better = entry.quality !== bestQuality
                ? entry.quality > bestQuality
                : entry.specificity !== bestSpecificity
                    ? entry.specificity > bestSpecificity
                    : rank(offer) > bestRank;
            if (better) {
                best = offer;
                bestQuality = entry.quality;
                bestSpecificity = entry.specificity;
                bestRank = rank(offer);
            }
        }
        return best;
    }
    /** The client's favourite value, or undefined when there is none. */
    get best() {
        return this.items[0]?.value;
    }
    /** Number of items parsed. */
    get size() {
        return this.items.length;
    }
    /** The values by preference. */
    *values() {
        for (const item of this.items)
            yield item.value;
    }
    *[Symbol.iterator]() {
        for (const item of this.items)
            yield [item.value, item.quality];
    }
    /**
     * The header again, by preference.
     *
     * @example
     * ```ts
     * String(parseAccept('text/html;q=0.5, application/json')); // 'application/json, text/html;q=0.5'
     * ```
     */
    toString() {
        return this.items
            .map((item) => {
            let out = item.value;
            if (item.quality !== 1)
                out += `;q=${item.quality}`;
            return out;
        })
            .join(', ');
    }
}
//# sourceMappingURL=accept-base.js.map