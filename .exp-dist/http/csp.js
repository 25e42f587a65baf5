/**
 * The `Content-Security-Policy` header as an ordered map of directives.
 * @module
 */
/**
 * A Content Security Policy: directive names (lowercase) to their source lists. Unknown
 * directives are kept; `onChange` is called after each change.
 *
 * @example
 * ```ts
 * const csp = new ContentSecurityPolicy();
 * csp.set('default-src', "'self'").set('img-src', "'self' data:");
 * String(csp); // "default-src 'self'; img-src 'self' data:"
 * ```
 */
export class ContentSecurityPolicy {
    /** Called after every change with this policy. */
    onChange;
    #directives = new Map();
    constructor(directives = [], onChange) {
        const entries = Symbol.iterator in directives ? directives : Object.entries(directives);
        for (const [name, value] of entries)
            this.#put(name, value);
        this.onChange = onChange;
    }
    #put(name, value) {
        const key = name.trim().toLowerCase();
        if (!/^[a-z0-9-]+$/.test(key))
            throw new TypeError(`invalid CSP directive name: ${JSON.stringify(name)}`);
        if (/[;,\r\n\0]/.test(value))
            throw new TypeError(`invalid CSP directive value: ${JSON.stringify(value)}`);
        this.#directives.set(key, value.trim());
    }
    /** The source list of a directive, `''` for a valueless one, undefined when absent. */
    get(name) {
        return this.#directives.get(name.toLowerCase());
    }
    /** True when the directive is present. */
    has(name) {
        return this.#directives.has(name.toLowerCase());
    }
    /** Sets a directive (`''` for a valueless one such as `upgrade-insecure-requests`). */
    set(name, value = '') {
        this.#put(name, value);
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
    /** The header value. */
    toString() {
        return [...this.#directives].map(([name, value]) => (value ? `${name} ${value}` : name)).join('; ');
    }
}
/**
 * Parses a `Content-Security-Policy` header. The first occurrence of a directive wins (as
 * browsers do); malformed directives are skipped. Never throws.
 *
 * @example
 * ```ts
 * parseContentSecurityPolicy("default-src 'self'; script-src cdn.example").get('script-src'); // 'cdn.example'
 * ```
 */
export function parseContentSecurityPolicy(header, onChange) {
    const policy = new ContentSecurityPolicy([], onChange);
    if (!header)
        return policy;
    const entries = [];
    const seen = new Set();
    for (const part of header.split(';', 1000)) {
        const text = part.trim();
        if (text === '')
            continue;
        const space = text.search(/\s/);
        const name = (space === -1 ? text : text.slice(0, space)).toLowerCase();
        const value = space === -1 ? '' : text.slice(space + 1).trim().replace(/\s+/g, ' ');
        if (!/^[a-z0-9-]+$/.test(name) || seen.has(name) || /[,\r\n\0]/.test(value))
            continue;
        seen.add(name);
        entries.push([name, value]);
    }
    return new ContentSecurityPolicy(entries, onChange);
}
//# sourceMappingURL=csp.js.map