/**
 * Redirect responses whose Location stays on this host when given a path.
 * @module
 */
import { escapeHtml } from '../http/html.js';
import { iriToUri } from '../http/url.js';
import { Response, type ResponseInit } from './response.js';

// Schemes whose URLs run or render content of the attacker's choosing in the page that follows a
// link (the redirect body's `<a href>`): never a redirect target. Matched as browsers read a scheme:
// after dropping leading C0 controls and spaces, and tabs and newlines anywhere, in any case.
const REFUSED_SCHEME = /^[\0-\x20]*(javascript|data|vbscript):/i;

/**
 * Makes a Location value safe: browsers drop tabs and newlines inside URLs and read `\` as `/`,
 * so `/\evil.com` or `/\t/evil.com` would leave the site; a value that starts like a path keeps
 * exactly one leading slash. Non-ASCII and unsafe characters are percent-encoded. A `javascript:`,
 * `data:` or `vbscript:` URL (in any case, after leading spaces or control characters, with tabs or
 * newlines inside) is a `TypeError`: it would run script in the page that links to it.
 *
 * @example
 * ```ts
 * safeLocation('//evil.com/x'); // '/evil.com/x'
 * safeLocation('/caf\u00e9');   // '/caf%C3%A9'
 * safeLocation(' JavaScript:alert(1)'); // throws TypeError
 * ```
 */
export function safeLocation(location: string): string {
  let cleaned = location.replace(/[\t\n\r]/g, '');
  const refused = REFUSED_SCHEME.exec(cleaned);
  if (refused) {
    throw new TypeError(`refusing to redirect to a ${refused[1].toLowerCase()}: URL: ${JSON.stringify(location.slice(0, 40))}`);
  }
  if (/^[/\\]/.test(cleaned)) cleaned = cleaned.replace(/^[/\\]+/, '/');
  return iriToUri(cleaned);
}

/**
 * A redirect to `location` (302 Found by default) with a short HTML body linking to it. The
 * location goes through {@link safeLocation}: a `javascript:`, `data:` or `vbscript:` URL is a
 * `TypeError`.
 *
 * @example
 * ```ts
 * return redirect('/login?next=%2Faccount', 303);
 * ```
 */
export function redirect(location: string, status = 302, init: Omit<ResponseInit, 'status'> = {}): Response {
  const target = safeLocation(location);
  const href = escapeHtml(target);
  const body =
    '<!doctype html>\n<html lang="en">\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n' +
    `<p>You should be redirected automatically to the target URL: <a href="${href}">${href}</a>. ` +
    'If not, click the link.\n';
  const res = new Response(body, { mimetype: 'text/html', ...init, status });
  res.headers.set('Location', target);
  return res;
}
