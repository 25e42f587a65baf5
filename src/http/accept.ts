/**
 * Content negotiation: the `Accept`, `Accept-Language`, `Accept-Charset` and `Accept-Encoding`
 * request headers (RFC 9110 section 12.5), parsed once into value classes that answer
 * `quality(offer)` and `bestMatch(offers)`.
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
  protected override normalize(value: string): string | undefined {
    const slash = value.indexOf('/');
    if (slash === -1) return value === '*' ? '*/*' : undefined; // Java's URLConnection sends a bare "*"
    const type = value.slice(0, slash);
    const subtype = value.slice(slash + 1);
    if (!isToken(type) || !isToken(subtype)) return undefined;
    if (type === '*' && subtype !== '*') return undefined;
    return `${type}/${subtype}`.toLowerCase();
  }

  protected override specificity(value: string, params: Record<string, string>): number {
    if (value === '*/*') return 0;
    if (value.endsWith('/*')) return 1;
    return 2 + Object.keys(params).length;
  }

  protected override matches(offer: string, item: AcceptItem): boolean {
    const parsed = parseOffer(offer);
    if (!parsed) return false;
    const [type, params] = parsed;
    if (item.value !== '*/*') {
      const slash = item.value.indexOf('/');
      const offerSlash = type.indexOf('/');
      if (item.value.slice(0, slash) !== type.slice(0, offerSlash)) return false;
      const subtype = item.value.slice(slash + 1);
      if (subtype !== '*' && subtype !== type.slice(offerSlash + 1)) return false;
    }
    for (const key in item.params) if (params[key] !== item.params[key]) return false;
    return true;
  }

  /** True when the client accepts HTML (or XHTML). */
  get acceptHtml(): boolean {
    return this.accepts('text/html') || this.acceptXhtml;
  }

  /** True when the client accepts XHTML or XML. */
  get acceptXhtml(): boolean {
    return this.accepts('application/xhtml+xml') || this.accepts('application/xml');
  }

  /** True when the client accepts JSON. */
  get acceptJson(): boolean {
    return this.accepts('application/json');
  }

  override toString(): string {
    return this.items
      .map((item) => {
        let out = item.value;
        for (const key in item.params) out += `;${key}=${item.params[key]}`;
        if (item.quality !== 1) out += `;q=${item.quality}`;
        return out;
      })
      .join(', ');
  }
}

// Offers come from the application and repeat across calls: cache their parsed form.
const offerCache = new Map<string, [string, Record<string, string>] | null>();

function parseOffer(offer: string): [string, Record<string, string>] | null {
  let parsed = offerCache.get(offer);
  if (parsed !== undefined) return parsed;
  const semicolon = offer.indexOf(';');
  const type = (semicolon === -1 ? offer : offer.slice(0, semicolon)).trim().toLowerCase();
  const params: Record<string, string> = Object.create(null);
  if (semicolon !== -1) {
    const pairs: Array<[string, string]> = [];
    scanParameters(offer, semicolon + 1, pairs);
    for (const [key, value] of pairs) params[key] = value.toLowerCase();
  }
  parsed = type.indexOf('/') > 0 ? [type, params] : null;
  if (offerCache.size < 1000) offerCache.set(offer, parsed);
  return parsed;
}

const normalizeLanguage = (tag: string): string => tag.toLowerCase().replace(/_/g, '-');

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
  protected override normalize(value: string): string | undefined {
    if (value === '*') return value;
    return /^[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*$/.test(value) ? normalizeLanguage(value) : undefined;
  }

  protected override specificity(value: string): number {
    return value === '*' ? 0 : value.split('-').length;
  }

  protected override matches(offer: string, item: AcceptItem): boolean {
    return item.value === '*' || item.value === normalizeLanguage(offer);
  }

  /**
   * How the client's list covers `offer`, tried in this order (the first kind that matches gives
   * the quality): 3 the same tag; 2 a client tag that `offer` is a prefix of (`de` for `de-AT`,
   * RFC 4647 lookup); 1 a client tag that is a prefix of `offer` (`de-AT` for `de`, RFC 4647 basic
   * filtering); 0 the `*` wildcard.
   */
  #coverage(offer: string): { quality: number; kind: number } | undefined {
    const tag = normalizeLanguage(offer);
    const exact = this.lookup(offer, (_, item) => item.value === tag);
    if (exact) return { quality: exact.quality, kind: 3 };
    const truncated = this.lookup(offer, (_, item) => item.value.startsWith(`${tag}-`));
    if (truncated) return { quality: truncated.quality, kind: 2 };
    const extended = this.lookup(offer, (_, item) => item.value !== '*' && tag.startsWith(`${item.value}-`));
    if (extended) return { quality: extended.quality, kind: 1 };
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
  override quality(offer: string): number {
    if (!this.provided) return 1;
    return this.#coverage(offer)?.quality ?? 0;
  }

  /**
   * The best offer: highest quality first; at equal quality an exact tag beats a lookup fallback
   * (the longer offer first), which beats a filtering fallback, which beats `*`; then offer order.
   */
  override bestMatch<T extends string>(offers: Iterable<T>): T | undefined;
  override bestMatch<T extends string, D>(offers: Iterable<T>, defaultValue: D): T | D;
  override bestMatch<T extends string, D>(offers: Iterable<T>, defaultValue?: D): T | D | undefined {
    const list = Array.from(offers);
    if (!this.provided) return list.length > 0 ? list[0] : defaultValue;
    let best: T | undefined;
    let bestScore: [number, number, number] = [0, -1, -1];
    for (const offer of list) {
      const coverage = this.#coverage(offer);
      if (!coverage || coverage.quality <= 0) continue;
      const score: [number, number, number] = [coverage.quality, coverage.kind, coverage.kind === 2 ? offer.length : 0];
      if (greater(score, bestScore)) {
        best = offer;
        bestScore = score;
      }
    }
    return best ?? defaultValue;
  }
}

function greater(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}

function normalizeCharset(name: string): string {
  try {
    // The WHATWG Encoding Standard's label table: utf8 -> utf-8, latin1 -> windows-1252...
    return new TextDecoder(name).encoding;
  } catch {
    return name.toLowerCase();
  }
}

/**
 * The `Accept-Charset` header; charset labels compare by their WHATWG canonical name, so `utf8`
 * matches `UTF-8`.
 *
 * @example
 * ```ts
 * parseCharsetAccept('utf8, iso-8859-1;q=0.5').bestMatch(['ISO-8859-1', 'UTF-8']); // 'UTF-8'
 * ```
 */
export class CharsetAccept extends Accept {
  protected override matches(offer: string, item: AcceptItem): boolean {
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
  override quality(offer: string): number {
    const quality = super.quality(offer);
    return quality === 0 && this.#implicitIdentity(offer) ? IDENTITY_QUALITY : quality;
  }

  override bestMatch<T extends string>(offers: Iterable<T>): T | undefined;
  override bestMatch<T extends string, D>(offers: Iterable<T>, defaultValue: D): T | D;
  override bestMatch<T extends string, D>(offers: Iterable<T>, defaultValue?: D): T | D | undefined {
    const list = Array.from(offers);
    const best = super.bestMatch(list);
    if (best !== undefined) return best;
    return list.find((offer) => this.#implicitIdentity(offer)) ?? defaultValue;
  }

  #implicitIdentity(offer: string): boolean {
    return offer.toLowerCase() === 'identity' && !this.items.some((item) => item.value === 'identity' || item.value === '*');
  }
}

const IDENTITY_QUALITY = 0.001;

/**
 * Parses an `Accept` header; `undefined`/`null` means the header was absent (everything acceptable).
 *
 * @example
 * ```ts
 * parseAccept('text/html;q=0.9, application/json').bestMatch(['text/html', 'application/json']);
 * // 'application/json'
 * ```
 */
export function parseAccept(header: string | null | undefined, options?: AcceptOptions): MIMEAccept {
  return new MIMEAccept(header, options);
}

/**
 * Parses an `Accept-Language` header.
 *
 * @example
 * ```ts
 * parseLanguageAccept('fr-CH, fr;q=0.9, en;q=0.8').bestMatch(['en', 'fr']); // 'fr'
 * ```
 */
export function parseLanguageAccept(header: string | null | undefined, options?: AcceptOptions): LanguageAccept {
  return new LanguageAccept(header, options);
}

/**
 * Parses an `Accept-Charset` header.
 *
 * @example
 * ```ts
 * parseCharsetAccept('utf-8').accepts('UTF8'); // true
 * ```
 */
export function parseCharsetAccept(header: string | null | undefined, options?: AcceptOptions): CharsetAccept {
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
export function parseEncodingAccept(header: string | null | undefined, options?: AcceptOptions): EncodingAccept {
  return new EncodingAccept(header, options);
}
