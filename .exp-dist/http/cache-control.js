/**
 * The `Cache-Control` header (RFC 9111 section 5.2) as a typed, mutable object for requests and
 * responses.
 * @module
 */
import { MAX_LIST_ITEMS, isToken, parseList, quoteHeaderValue, splitList, unquoteHeaderValue } from './grammar.js';
const DELTA_SECONDS = /^\d{1,10}$/;
/**
 * A parsed `Cache-Control` header. Directive names are case-insensitive and kept lowercase; the
 * first occurrence of a repeated directive wins (RFC 9111 section 4.2.1); unknown directives are
 * kept and written back. Every change calls `onChange`, which is how `res.cacheControl` writes
 * itself back to the response header. One class serves both sides: the request directives
 * (`maxStale`, `minFresh`, `onlyIfCached`) and the response ones are all here.
 *
 * @example
 * ```ts
 * const cc = parseCacheControl('public, max-age=60');
 * cc.maxAge;          // 60
 * cc.maxAge = 300;
 * cc.noCache = ['Set-Cookie'];
 * String(cc);         // 'public, max-age=300, no-cache="Set-Cookie"'
 * ```
 */
export class CacheControl {
    /** True when the header was present. */
    provided;
    /** Called after every change with this object. */
    onChange;
    #directives = new Map();
    constructor(header, onChange) {
        this.provided = header !== undefined && header !== null;
        if (header) {
            for (const item of splitList(header, MAX_LIST_ITEMS)) {
                const eq = item.indexOf('=');
                const name = (eq === -1 ? item : item.slice(0, eq)).trim().toLowerCase();
                if (!isToken(name) || this.#directives.has(name))
                    continue;
                this.#directives.set(name, eq === -1 ? null : unquoteHeaderValue(item.slice(eq + 1).trim()));
            }
        }
        this.onChange = onChange;
    }
    /** The raw value of a directive: a string, `null` when present without a value, `undefined` when absent. */
    get(name) {
        return this.#directives.get(name.toLowerCase());
    }
    /** True when the directive is present. */
    has(name) {
        return this.#directives.has(name.toLowerCase());
    }
    /** Sets a directive (`null`: without a value); names must be tokens. */
    set(name, value = null) {
        const key = name.toLowerCase();
        if (!isToken(key))
            throw new TypeError(`invalid Cache-Control directive: ${JSON.stringify(name)}`);
        if (typeof value === 'string' && /[\r\n\0]/.test(value))
            throw new TypeError('Cache-Control value holds CR, LF or NUL');
        this.#directives.set(key, value === null ? null : String(value));
        this.onChange?.(this);
        return this;
    }
    /** Removes a directive; returns whether it was there. */
    delete(name) {
        const removed = this.#directives.delete(name.toLowerCase());
        if (removed)
            this.onChange?.(this);
        return removed;
    }
    /** Number of directives. */
    get size() {
        return this.#directives.size;
    }
    [Symbol.iterator]() {
        return this.#directives.entries();
    }
    #seconds(name) {
        const value = this.#directives.get(name);
        return value != null && DELTA_SECONDS.test(value) ? Number(value) : undefined;
    }
    #setSeconds(name, value) {
        if (value === undefined || value === null) {
            this.delete(name);
            return;
        }
        if (!Number.isFinite(value) || value < 0)
            throw new TypeError(`${name} must be a non-negative number: ${value}`);
        this.set(name, Math.floor(value));
    }
    #flag(name, on) {
        if (on)
            this.set(name);
        else
            this.delete(name);
    }
    #fields(name) {
        const value = this.#directives.get(name);
        if (value === undefined)
            return false;
        if (value === null)
            return true;
        return parseList(value);
    }
    #setFields(name, value) {
        if (value === true)
            this.set(name);
        else if (!value)
            this.delete(name);
        else if (value.length === 0)
            this.set(name);
        else
            this.set(name, value.join(', '));
    }
    /** `max-age`, seconds; undefined when absent or not a number. */
    get maxAge() { return this.#seconds('max-age'); }
    set maxAge(value) { this.#setSeconds('max-age', value); }
    /** `s-maxage` (shared caches), seconds. */
    get sMaxage() { return this.#seconds('s-maxage'); }
    set sMaxage(value) { this.#setSeconds('s-maxage', value); }
    /** `stale-while-revalidate` (RFC 5861), seconds. */
    get staleWhileRevalidate() { return this.#seconds('stale-while-revalidate'); }
    set staleWhileRevalidate(value) { this.#setSeconds('stale-while-revalidate', value); }
    /** `stale-if-error` (RFC 5861), seconds. */
    get staleIfError() { return this.#seconds('stale-if-error'); }
    set staleIfError(value) { this.#setSeconds('stale-if-error', value); }
    /** `min-fresh` (request), seconds. */
    get minFresh() { return this.#seconds('min-fresh'); }
    set minFresh(value) { this.#setSeconds('min-fresh', value); }
    /** `max-stale` (request): seconds, `true` for any staleness (no value), undefined when absent. */
    get maxStale() {
        const value = this.#directives.get('max-stale');
        if (value === null)
            return true;
        return this.#seconds('max-stale');
    }
    set maxStale(value) {
        if (value === true)
            this.set('max-stale');
        else
            this.#setSeconds('max-stale', value);
    }
    /** `no-cache`: `true`, the field names it lists, or `false` when absent. */
    get noCache() { return this.#fields('no-cache'); }
    set noCache(value) { this.#setFields('no-cache', value); }
    /** `private`: `true`, the field names it lists, or `false` when absent. */
    get private() { return this.#fields('private'); }
    set private(value) { this.#setFields('private', value); }
    /** `no-store`. */
    get noStore() { return this.has('no-store'); }
    set noStore(value) { this.#flag('no-store', value); }
    /** `public`. */
    get public() { return this.has('public'); }
    set public(value) { this.#flag('public', value); }
    /** `must-revalidate`. */
    get mustRevalidate() { return this.has('must-revalidate'); }
    set mustRevalidate(value) { this.#flag('must-revalidate', value); }
    /** `proxy-revalidate`. */
    get proxyRevalidate() { return this.has('proxy-revalidate'); }
    set proxyRevalidate(value) { this.#flag('proxy-revalidate', value); }
    /** `no-transform`. */
    get noTransform() { return this.has('no-transform'); }
    set noTransform(value) { this.#flag('no-transform', value); }
    /** `immutable` (RFC 8246). */
    get immutable() { return this.has('immutable'); }
    set immutable(value) { this.#flag('immutable', value); }
    /** `only-if-cached` (request). */
    get onlyIfCached() { return this.has('only-if-cached'); }
    set onlyIfCached(value) { this.#flag('only-if-cached', value); }
    /** `must-understand`. */
    get mustUnderstand() { return this.has('must-understand'); }
    set mustUnderstand(value) { this.#flag('must-understand', value); }
    /**
     * The header value, directives in insertion order. Field-name lists (`no-cache`, `private`) are
     * always quoted, as RFC 9111 asks; other values only when they are not tokens.
     */
    toString() {
        const parts = [];
        for (const [name, value] of this.#directives) {
            if (value === null)
                parts.push(name);
            else if (name === 'no-cache' || name === 'private')
                parts.push(`${name}="${value.replace(/["\\]/g, '\\$&')}"`);
            else
                parts.push(`${name}=${quoteHeaderValue(value)}`);
        }
        return parts.join(', ');
    }
}
/**
 * Parses a `Cache-Control` header (request or response); `onChange` is called after each change.
 *
 * @example
 * ```ts
 * parseCacheControl('no-cache, max-stale').maxStale; // true
 * parseCacheControl(undefined).provided;             // false
 * ```
 */
export function parseCacheControl(header, onChange) {
    return new CacheControl(header, onChange);
}
//# sourceMappingURL=cache-control.js.map