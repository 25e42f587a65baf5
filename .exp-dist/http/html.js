/**
 * HTML escaping for the few bodies tsgi writes itself (error pages, redirects).
 * @module
 */
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/**
 * Escapes `& < > " '` so a string can sit in HTML text or a quoted attribute.
 *
 * @example
 * ```ts
 * escapeHtml('<a href="x">'); // '&lt;a href=&quot;x&quot;&gt;'
 * ```
 */
export function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}
//# sourceMappingURL=html.js.map