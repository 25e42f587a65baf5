/**
 * Entity tags (RFC 9110 section 8.8.3): quoting, unquoting, the `If-Match` / `If-None-Match`
 * lists, and content hashes via Web Crypto.
 * @module
 */
import { MAX_LIST_ITEMS } from './grammar.js';
/** etagc: `!`, `#`-`~` and obs-text; no spaces, quotes, controls or DEL. */
const ETAGC = /^[\x21\x23-\x7e\x80-\xff]*$/;
/**
 * Quotes a tag for the `ETag` header, with `W/` when weak. Characters an entity tag cannot hold
 * (quotes, spaces, controls, non-Latin-1) throw a `TypeError`: the tag comes from the application.
 *
 * @example
 * ```ts
 * quoteEtag('abc');       // '"abc"'
 * quoteEtag('abc', true); // 'W/"abc"'
 * ```
 */
export function quoteEtag(tag, weak = false) {
    if (!ETAGC.test(tag))
        throw new TypeError(`invalid entity tag: ${JSON.stringify(tag)}`);
    return weak ? `W/"${tag}"` : `"${tag}"`;
}
/**
 * Splits an `ETag` value into the tag and its weakness. Lenient: an unquoted value is taken as the
 * tag itself (some servers send those). Never throws.
 *
 * @example
 * ```ts
 * unquoteEtag('W/"abc"'); // { tag: 'abc', weak: true }
 * unquoteEtag('"abc"');   // { tag: 'abc', weak: false }
 * ```
 */
export function unquoteEtag(value) {
    let text = value.trim();
    let weak = false;
    if (text.startsWith('W/') || text.startsWith('w/')) {
        weak = true;
        text = text.slice(2);
    }
    if (text.length >= 2 && text[0] === '"' && text[text.length - 1] === '"')
        text = text.slice(1, -1);
    return { tag: text, weak };
}
/**
 * The value of `If-Match` or `If-None-Match`: `*` or a list of strong and weak tags.
 * `contains` uses the strong comparison (for `If-Match` and `If-Range`), `containsWeak` the weak
 * one (for `If-None-Match`). An absent header is an empty set that contains nothing.
 *
 * @example
 * ```ts
 * const etags = parseEtags('"a", W/"b"');
 * etags.contains('a');      // true
 * etags.contains('b');      // false (weak tags never match strongly)
 * etags.containsWeak('b');  // true
 * parseEtags('*').contains('anything'); // true
 * ```
 */
export class ETags {
    /** True for `*`: any current representation matches. */
    star;
    #tags;
    #strong;
    #all;
    constructor(tags = [], star = false) {
        this.star = star;
        this.#tags = star ? [] : Array.from(tags);
        this.#strong = new Set(this.#tags.filter((t) => !t.weak).map((t) => t.tag));
        this.#all = new Set(this.#tags.map((t) => t.tag));
    }
    /** True when the header was empty or absent (and not `*`). */
    get isEmpty() {
        return !this.star && this.#tags.length === 0;
    }
    /** Number of tags (0 for `*`). */
    get size() {
        return this.#tags.length;
    }
    /** Strong comparison: `tag` is listed as a strong tag, or the header is `*`. */
    contains(tag) {
        return this.star || this.#strong.has(tag);
    }
    /** Weak comparison: `tag` is listed strong or weak, or the header is `*`. */
    containsWeak(tag) {
        return this.star || this.#all.has(tag);
    }
    /** True when `tag` is listed as a strong tag (`*` does not count). */
    isStrong(tag) {
        return this.#strong.has(tag);
    }
    /** True when `tag` is listed only as a weak tag. */
    isWeak(tag) {
        return this.#all.has(tag) && !this.#strong.has(tag);
    }
    /**
     * Compares a full `ETag` header value (`W/"x"` or `"x"`): weak values by the weak comparison,
     * strong ones by the strong comparison.
     */
    containsRaw(etag) {
        const { tag, weak } = unquoteEtag(etag);
        return weak ? this.containsWeak(tag) : this.contains(tag);
    }
    /** The tags in header order. */
    [Symbol.iterator]() {
        return this.#tags[Symbol.iterator]();
    }
    /**
     * The header again.
     *
     * @example
     * ```ts
     * String(parseEtags('W/"b",  "a"')); // 'W/"b", "a"'
     * ```
     */
    toString() {
        if (this.star)
            return '*';
        return this.#tags.map((t) => (t.weak ? `W/"${t.tag}"` : `"${t.tag}"`)).join(', ');
    }
}
/**
 * Parses an `If-Match` / `If-None-Match` header. Reads quoted tags (with `W/`), `*` (which wins
 * over anything else listed), and, leniently, unquoted tokens; at most `max` tags. Linear, never
 * throws.
 *
 * @example
 * ```ts
 * [...parseEtags('"a", W/"b"')]; // [{ tag: 'a', weak: false }, { tag: 'b', weak: true }]
 * ```
 */
export function parseEtags(header, options = {}) {
    if (!header)
        return new ETags();
    const max = options.max ?? MAX_LIST_ITEMS;
    const tags = [];
    const length = header.length;
    let i = 0;
    while (i < length && tags.length < max) {
        let code = header.charCodeAt(i);
        if (code === 0x20 || code === 0x09 || code === 0x2c) {
            i++;
            continue;
        }
        let weak = false;
        if ((code === 0x57 || code === 0x77) && header.charCodeAt(i + 1) === 0x2f) {
            weak = true;
            i += 2;
            code = header.charCodeAt(i);
        }
        if (code === 0x22) {
            const close = header.indexOf('"', i + 1);
            if (close === -1)
                break; // unterminated: the rest is unusable
            tags.push({ tag: header.slice(i + 1, close), weak });
            i = close + 1;
        }
        else {
            let end = header.indexOf(',', i);
            if (end === -1)
                end = length;
            const raw = header.slice(i, end).trim();
            if (raw === '*' && !weak)
                return new ETags([], true);
            if (raw !== '')
                tags.push({ tag: raw, weak });
            i = end;
        }
        // Skip anything up to the next comma (junk after a closing quote).
        while (i < length && header.charCodeAt(i) !== 0x2c)
            i++;
    }
    return new ETags(tags);
}
/**
 * A strong entity tag for some content: the hex SHA-1 of its bytes (as Werkzeug makes them),
 * computed with Web Crypto so it runs on every runtime. Strings are hashed as UTF-8.
 *
 * @example
 * ```ts
 * await generateEtag(new TextEncoder().encode('hello')); // 'aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d'
 * ```
 */
export async function generateEtag(data) {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    const digest = await crypto.subtle.digest('SHA-1', bytes);
    let hex = '';
    for (const byte of new Uint8Array(digest))
        hex += byte.toString(16).padStart(2, '0');
    return hex;
}
//# sourceMappingURL=etag.js.map