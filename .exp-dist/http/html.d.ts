/**
 * HTML escaping for the few bodies tsgi writes itself (error pages, redirects).
 * @module
 */
/**
 * Escapes `& < > " '` so a string can sit in HTML text or a quoted attribute.
 *
 * @example
 * ```ts
 * escapeHtml('<a href="x">'); // '&lt;a href=&quot;x&quot;&gt;'
 * ```
 */
export declare function escapeHtml(text: string): string;
//# sourceMappingURL=html.d.ts.map