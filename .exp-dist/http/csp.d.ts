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
export declare class ContentSecurityPolicy implements Iterable<[string, string]> {
    #private;
    /** Called after every change with this policy. */
    onChange: ((policy: ContentSecurityPolicy) => void) | undefined;
    constructor(directives?: Iterable<readonly [string, string]> | Record<string, string>, onChange?: (policy: ContentSecurityPolicy) => void);
    /** The source list of a directive, `''` for a valueless one, undefined when absent. */
    get(name: string): string | undefined;
    /** True when the directive is present. */
    has(name: string): boolean;
    /** Sets a directive (`''` for a valueless one such as `upgrade-insecure-requests`). */
    set(name: string, value?: string): this;
    /** Removes a directive; returns whether it was there. */
    delete(name: string): boolean;
    /** Number of directives. */
    get size(): number;
    [Symbol.iterator](): IterableIterator<[string, string]>;
    /** The header value. */
    toString(): string;
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
export declare function parseContentSecurityPolicy(header: string | null | undefined, onChange?: (policy: ContentSecurityPolicy) => void): ContentSecurityPolicy;
//# sourceMappingURL=csp.d.ts.map