/**
 * The development error page as HTML. Every value from the error or the request is escaped; the
 * one style sheet and the one script carry the response's CSP nonce, and nothing else runs (no
 * inline handlers, no external resources).
 * @module
 */
import { escapeHtml } from '../http/html.js';
import type { DebugReport, ErrorReport } from './report.js';
import type { StackFrame } from './stack.js';
import type { SourceContext } from './source.js';
import { renderDebugText } from './render-text.js';

const STYLE = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #b42318; --code: #f6f8fa; --mark: #ffe8e5; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
header { background: #2b1216; color: #fff; padding: 24px 32px; }
header .status { margin: 0; font-size: 13px; letter-spacing: .06em; text-transform: uppercase; color: #ffb4a9; }
header h1 { margin: 6px 0 0; font-size: 24px; font-weight: 600; white-space: pre-wrap; overflow-wrap: anywhere; }
header .where { margin: 8px 0 0; color: #e8d2d0; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
main { padding: 8px 32px 32px; max-width: 1200px; }
h2 { font-size: 17px; margin: 28px 0 8px; }
h2 .name { color: var(--accent); }
.message { margin: 0 0 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
.frames { list-style: none; margin: 0; padding: 0; border: 1px solid var(--line); border-radius: 6px; }
.frames > li + li { border-top: 1px solid var(--line); }
details > summary { cursor: pointer; padding: 6px 12px; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; overflow-wrap: anywhere; }
.plain { padding: 6px 12px 6px 30px; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; color: var(--muted); overflow-wrap: anywhere; }
.fn { font-weight: 600; }
.file { color: var(--muted); }
.library summary { color: var(--muted); }
pre { margin: 0; padding: 8px 0; background: var(--code); overflow-x: auto; font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre .ln { display: inline-block; width: 5ch; padding-right: 1ch; text-align: right; color: var(--muted); user-select: none; }
pre .row { display: block; padding: 0 12px 0 0; white-space: pre; }
pre .here { background: var(--mark); box-shadow: inset 3px 0 var(--accent); }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; vertical-align: top; padding: 4px 12px 4px 0; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
th { width: 22ch; font-weight: 600; }
td { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.note, footer { color: var(--muted); font-size: 13px; }
footer { margin-top: 28px; border-top: 1px solid var(--line); padding-top: 12px; }
button { font: inherit; font-size: 13px; padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; cursor: pointer; }
`;

// Copies the plain-text report, for pasting into an issue.
const SCRIPT = `
document.getElementById('copy').addEventListener('click', function () {
  var text = document.getElementById('plain').textContent;
  var button = this;
  navigator.clipboard.writeText(text).then(function () { button.textContent = 'Copied'; }, function () { button.textContent = 'Copy failed'; });
});
`;

function location(frame: StackFrame): string {
  if (frame.file === '') return '';
  return frame.line > 0 ? `${frame.file}:${frame.line}${frame.column > 0 ? `:${frame.column}` : ''}` : frame.file;
}

function renderSource(context: SourceContext, line: number): string {
  const rows = context.lines.map((text, index) => {
    const number = context.firstLine + index;
    const here = number === line ? ' here' : '';
    return `<span class="row${here}"><span class="ln">${number}</span>${escapeHtml(text)}</span>`;
  });
  return `<pre><code>${rows.join('')}</code></pre>`;
}

function renderFrame(frame: StackFrame, source: SourceContext | undefined, open: boolean): string {
  const where = location(frame);
  const label =
    `<span class="fn">${escapeHtml(frame.fn || '(anonymous)')}</span>` +
    (where ? ` <span class="file">${escapeHtml(where)}</span>` : '');
  if (source === undefined) return `<li><div class="plain">${label}</div></li>`;
  const library = /[\\/]node_modules[\\/]/.test(frame.file);
  return (
    `<li${library ? ' class="library"' : ''}><details${open && !library ? ' open' : ''}>` +
    `<summary>${label}</summary>${renderSource(source, frame.line)}</details></li>`
  );
}

function renderError(error: ErrorReport, index: number): string {
  const heading = index === 0 ? 'Traceback' : 'Caused by';
  // The first frame of the app's own code with source is opened; library frames stay closed.
  let opened = 0;
  const frames = error.frames.map((frame, i) => {
    const source = error.sources[i];
    const open = source !== undefined && opened < 3 && !/[\\/]node_modules[\\/]/.test(frame.file);
    if (open) opened += 1;
    return renderFrame(frame, source, open);
  });
  const body =
    frames.length > 0
      ? `<ol class="frames">${frames.join('')}</ol>`
      : error.unparsed
        ? `<pre>${escapeHtml(error.unparsed)}</pre>`
        : '<p class="note">No stack frames.</p>';
  return (
    `<section><h2>${heading}: <span class="name">${escapeHtml(error.name)}</span></h2>` +
    `<p class="message">${escapeHtml(error.message)}</p>${body}</section>`
  );
}

function renderRequest(report: DebugReport): string {
  const { method, target, protocol, headers } = report.request;
  const rows = headers.map(([name, value]) => `<tr><th>${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`).join('');
  return (
    `<section><h2>Request</h2><p class="message"><code>${escapeHtml(`${method} ${target} ${protocol}`)}</code></p>` +
    `<table>${rows}</table></section>`
  );
}

/**
 * The HTML page for a report; `nonce` goes on the style and script elements and must be the one
 * in the response's `Content-Security-Policy`.
 *
 * @example
 * ```ts
 * const html = renderDebugHtml(await buildReport(error, environ), nonce);
 * ```
 */
export function renderDebugHtml(report: DebugReport, nonce: string): string {
  const first = report.errors[0];
  const top = first.frames[0];
  const title = first.message === '' ? first.name : `${first.name}: ${first.message}`;
  const { method, target } = report.request;
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="referrer" content="no-referrer">` +
    `<title>${escapeHtml(title.length > 120 ? `${title.slice(0, 120)}…` : title)}</title>` +
    `<style nonce="${escapeHtml(nonce)}">${STYLE}</style></head><body>` +
    `<header><p class="status">500 Internal Server Error · development error page</p>` +
    `<h1>${escapeHtml(title)}</h1>` +
    `<p class="where">${escapeHtml(`${method} ${target}`)}${top ? ` — ${escapeHtml(location(top))}` : ''}</p></header>` +
    `<main>${report.errors.map(renderError).join('')}` +
    (report.note ? `<p class="note">${escapeHtml(report.note)}</p>` : '') +
    renderRequest(report) +
    `<footer><p>tsgi shows this page because debug is on and the request came from this machine; ` +
    `everyone else gets a plain 500. Never turn debug on in production.</p>` +
    `<p><button type="button" id="copy">Copy as text</button></p>` +
    `<pre id="plain" hidden>${escapeHtml(renderDebugText(report))}</pre></footer></main>` +
    `<script nonce="${escapeHtml(nonce)}">${SCRIPT}</script></body></html>\n`
  );
}
