/**
 * The base of the Accept-style headers: parsing items with quality values and matching offers.
 * `accept.ts` re-exports everything here.
 * @module
 */
import { MAX_LIST_ITEMS, indexOutsideQuotes, isToken, scanParameters, splitList } from './grammar.js';

/** One parsed item of an Accept-style header. */
export interface AcceptItem {
  /** The value as normalized for matching: lowercase, parameters kept for media types. */
  readonly value: string;
  /** The quality, 0 to 1 (`q=0` means "not acceptable"). */
  readonly quality: number;
  /** Media-type parameters (before `q`), lowercase names and values; empty for other headers. */
  readonly params: Readonly<Record<string, string>>;
}

/** Options for the Accept parsers. */
export interface AcceptOptions {
  /** Items past this count are ignored. Default 100 (DESIGN section 5). */
  maxItems?: number;
}

/** An item with what matching needs: its specificity and header position. */
export interface AcceptEntry extends AcceptItem {
  readonly specificity: number;
  readonly index: number;
}

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
export class Accept implements Iterable<[string, number]> {
  /** True when the header was present (even if empty or unparsable). */
  readonly provided: boolean;
  /** Items by preference (quality, then specificity, then header order). */
  readonly items: readonly AcceptItem[];
  /** Items by specificity then quality: the first match in this order decides an offer's quality. */
  readonly #bySpecificity: readonly AcceptEntry[];

  constructor(header: string | null | undefined, options: AcceptOptions = {}) {
    this.provided = header !== undefined && header !== null;
    const entries: AcceptEntry[] = [];
    if (header) {
      for (const raw of splitList(header, options.maxItems ?? MAX_LIST_ITEMS)) {
        const entry = this.#parseItem(raw, entries.length);
        if (entry) entries.push(entry);
      }
    }
    this.items = entries
      .slice()
      .sort((a, b) => b.quality - a.quality || b.specificity - a.specificity || a.index - b.index)
      .map(({ value, quality, params }) => ({ value, quality, params }));
    this.#bySpecificity = entries.sort(
      (a, b) => b.specificity - a.specificity || b.quality - a.quality || a.index - b.index,
    );
  }

  /** Parses one list item; `undefined` drops it. */
  #parseItem(raw: string, index: number): AcceptEntry | undefined {
    const semicolon = indexOutsideQuotes(raw, 0x3b, 0);
    const value = (semicolon === -1 ? raw : raw.slice(0, semicolon)).trim();
    const pairs: Array<[string, string]> = [];
    if (semicolon !== -1) scanParameters(raw, semicolon + 1, pairs);
    let quality = 1;
    const params: Record<string, string> = Object.create(null);
    for (const [key, param] of pairs) {
      if (key === 'q') {
        if (!QVALUE.test(param)) return undefined;
        quality = Number(param);
        if (quality > 1) return undefined;
        break; // parameters after q are accept-extensions, not part of the media range
      }
      params[key] = param.toLowerCase();
    }
    const normalized = this.normalize(value, params);
    if (normalized === undefined) return undefined;
    return { value: normalized, quality, params, specificity: this.specificity(normalized, params), index };
  }

  /** The value used for matching, or `undefined` when the item is invalid. */
  protected normalize(value: string, _params: Record<string, string>): string | undefined {
    return value === '*' || isToken(value) ? value.toLowerCase() : undefined;
  }

  /** How specific an item is; a more specific item's quality overrides a wildcard's. */
  protected specificity(value: string, _params: Record<string, string>): number {
    return value === '*' ? 0 : 1;
  }

  /** True when the client's `item` covers the server's `offer`. */
  protected matches(offer: string, item: AcceptItem): boolean {
    return item.value === '*' || item.value === offer.toLowerCase();
  }

  /** The quality the most specific matching item gives `offer`, or undefined when none matches. */
  protected lookup(offer: string, match: (offer: string, item: AcceptItem) => boolean): AcceptEntry | undefined {
    for (const entry of this.#bySpecificity) if (match(offer, entry)) return entry;
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
  quality(offer: string): number {
    if (!this.provided) return 1;
    return this.lookup(offer, (o, item) => this.matches(o, item))?.quality ?? 0;
  }

  /** True when `offer` is acceptable (quality above 0). */
  accepts(offer: string): boolean {
    return this.quality(offer) > 0;
  }

  /**
   * The offer the client likes best: the highest quality, then the one matched by the more
   * specific item, then the first in `offers`. Offers with quality 0 are never chosen. Without the
   * header, the first offer. `defaultValue` (or `undefined`) when nothing is acceptable.
   *
   * @example
   * ```ts
   * parseAccept('application/json, text/html;q=0.9').bestMatch(['text/html', 'application/json']);
   * // 'application/json'
   * ```
   */
  bestMatch<T extends string>(offers: Iterable<T>): T | undefined;
  bestMatch<T extends string, D>(offers: Iterable<T>, defaultValue: D): T | D;
  bestMatch<T extends string, D>(offers: Iterable<T>, defaultValue?: D): T | D | undefined {
    const list = Array.from(offers);
    if (!this.provided) return list.length > 0 ? list[0] : defaultValue;
    return this.bestBy(list, (o, item) => this.matches(o, item)) ?? defaultValue;
  }

  /** `bestMatch` with a given matching rule; undefined when nothing is acceptable. */
  protected bestBy<T extends string>(
    offers: readonly T[],
    match: (offer: string, item: AcceptItem) => boolean,
    rank: (offer: string) => number = () => 0,
  ): T | undefined {
    let best: T | undefined;
    let bestQuality = 0;
    let bestSpecificity = -1;
    let bestRank = -1;
    for (const offer of offers) {
      const entry = this.lookup(offer, match);
      if (!entry || entry.quality <= 0) continue;
      const better =
        entry.quality !== bestQuality
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
  get best(): string | undefined {
    return this.items[0]?.value;
  }

  /** Number of items parsed. */
  get size(): number {
    return this.items.length;
  }

  /** The values by preference. */
  *values(): IterableIterator<string> {
    for (const item of this.items) yield item.value;
  }

  *[Symbol.iterator](): IterableIterator<[string, number]> {
    for (const item of this.items) yield [item.value, item.quality];
  }

  /**
   * The header again, by preference.
   *
   * @example
   * ```ts
   * String(parseAccept('text/html;q=0.5, application/json')); // 'application/json, text/html;q=0.5'
   * ```
   */
  toString(): string {
    return this.items
      .map((item) => {
        let out = item.value;
        if (item.quality !== 1) out += `;q=${item.quality}`;
        return out;
      })
      .join(', ');
  }
}
