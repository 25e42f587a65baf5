/**
 * The development error page as an App: a 500 in HTML, JSON or plain text (the request's
 * `Accept` decides, as for every tsgi error page) with headers that keep it from being cached,
 * sniffed, framed or made to run anything but its own nonce-marked style and script.
 * @module
 */
import type { App, Environ } from '../gateway.js';
import { bestErrorFormat } from '../http/error-format.js';
import { ContentSecurityPolicy } from '../http/csp.js';
import { Response } from '../response/response.js';
import type { RuntimeGlobals } from '../runtime-fs.js';
import { buildReport } from './report.js';
import { renderDebugHtml } from './render-html.js';
import { renderDebugJson, renderDebugText } from './render-text.js';

/** A fresh CSP nonce: 16 random bytes, base64. */
function makeNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

function policy(nonce: string | undefined): string {
  const csp = new ContentSecurityPolicy([['default-src', "'none'"]]);
  if (nonce !== undefined) csp.set('style-src', `'nonce-${nonce}'`).set('script-src', `'nonce-${nonce}'`);
  return String(csp.set('base-uri', "'none'").set('form-action', "'none'").set('frame-ancestors', "'none'"));
}

/**
 * The development error page for `error` as a `Response` (status 500). It does not check who is
 * asking: callers show it only to local requests (`isLocalRequest`).
 *
 * @example
 * ```ts
 * const res = await debugPageResponse(new Error('kaput'), environ);
 * res.headers.get('Content-Security-Policy'); // "default-src 'none'; style-src 'nonce-...'; ..."
 * ```
 */
export async function debugPageResponse(error: unknown, environ: Environ, scope?: RuntimeGlobals): Promise<Response> {
  const report = await buildReport(error, environ, scope);
  const accept = typeof environ.HTTP_ACCEPT === 'string' ? environ.HTTP_ACCEPT : undefined;
  const format = bestErrorFormat(accept);
  const nonce = format === 'html' ? makeNonce() : undefined;
  const headers: Array<[string, string]> = [
    ['Content-Security-Policy', policy(nonce)],
    ['X-Content-Type-Options', 'nosniff'],
    ['Cache-Control', 'no-store'],
    ['Referrer-Policy', 'no-referrer'],
  ];
  if (format === 'json') return new Response(renderDebugJson(report), { status: 500, headers, mimetype: 'application/json' });
  if (format === 'text') return new Response(renderDebugText(report), { status: 500, headers, mimetype: 'text/plain' });
  return new Response(renderDebugHtml(report, nonce!), { status: 500, headers, mimetype: 'text/html' });
}

/**
 * The development error page as an App; its `startResponse` call carries `error` (spec rule 9.2).
 *
 * @example
 * ```ts
 * const app = debugErrorPage(new Error('kaput')); // serve it in place of the failed response
 * ```
 */
export function debugErrorPage(error: unknown): App {
  return async (environ, startResponse) => {
    const page = await debugPageResponse(error, environ);
    return page(environ, (status, headers) => startResponse(status, headers, error));
  };
}
