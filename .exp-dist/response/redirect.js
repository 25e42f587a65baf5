/**
 * Redirect responses whose Location stays on this host when given a path.
 * @module
 */
import { escapeHtml } from '../http/html.js';
import { iriToUri } from '../http/url.js';
import { Response } from './response.js';
/**
 * Makes a Location value safe: browsers drop tabs and newlines inside URLs and read `\` as `/`,
 * so `/\evil.com` or `/\t/evil.com` would leave the site; a value that starts like a path keeps
 * exactly one leading slash. Non-ASCII and unsafe characters are percent-encoded.
 *
 * @example
 * ```ts
 * safeLocation('//evil.com/x'); // '/evil.com/x'
 * safeLocation('/caf\u00e9');   // '/caf%C3%A9'
 * ```
 */
export function safeLocation(location) {
    let cleaned = location.replace(/[\t\n\r]/g, '');
    if (/^[/\\]/.test(cleaned))
        cleaned = cleaned.replace(/^[/\\]+/, '/');
    return iriToUri(cleaned);
}
/**
 * A redirect to `location` (302 Found by default) with a short HTML body linking to it.
 *
 * @example
 * ```ts
 * return redirect('/login?next=%2Faccount', 303);
 * ```
 */
export function redirect(location, status = 302, init = {}) {
    const target = safeLocation(location);
    const href = escapeHtml(target);
    const body = '<!doctype html>\n<html lang="en">\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n' +
        `<p>You should be redirected automatically to the target URL: <a href="${href}">${href}</a>. ` +
        'If not, click the link.\n';
    const res = new Response(body, { mimetype: 'text/html', ...init, status });
    res.headers.set('Location', target);
    return res;
}
//# sourceMappingURL=redirect.js.map