/**
 * The `Accept-Language` header with RFC 4647 fallbacks. Re-exported by `accept.ts`.
 * @module
 */
import { Accept, type AcceptItem, type AcceptOptions } from './accept-base.js';
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
export declare class LanguageAccept extends Accept {
    #private;
    protected normalize(value: string): string | undefined;
    protected specificity(value: string): number;
    protected matches(offer: string, item: AcceptItem): boolean;
    /**
     * The quality for `offer`, with the same fallbacks as `bestMatch`.
     *
     * @example
     * ```ts
     * parseLanguageAccept('de;q=0.8').quality('de-AT'); // 0.8
     * ```
     */
    quality(offer: string): number;
    /**
     * The best offer: highest quality first; at equal quality an exact tag beats a lookup fallback
     * (the longer offer first), which beats a filtering fallback, which beats `*`; then offer order.
     */
    bestMatch<T extends string>(offers: Iterable<T>): T | undefined;
    bestMatch<T extends string, D>(offers: Iterable<T>, defaultValue: D): T | D;
}
/**
 * Parses an `Accept-Language` header.
 *
 * @example
 * ```ts
 * parseLanguageAccept('fr-CH, fr;q=0.9, en;q=0.8').bestMatch(['en', 'fr']); // 'fr'
 * ```
 */
export declare function parseLanguageAccept(header: string | null | undefined, options?: AcceptOptions): LanguageAccept;
//# sourceMappingURL=accept-language.d.ts.map