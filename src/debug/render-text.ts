/**
 * The development error page as plain text (for `Accept: text/plain`, and the page's "Copy as
 * text" button) and as JSON (for clients that prefer JSON).
 * @module
 */
import type { DebugReport } from './report.js';

/**
 * The report as text: the error and its causes with frames and source lines, then the request.
 *
 * @example
 * ```ts
 * renderDebugText(report).split('\n')[0]; // 'Error: kaput'
 * ```
 */
export function renderDebugText(report: DebugReport): string {
  const out: string[] = [];
  report.errors.forEach((error, index) => {
    const title = error.message === '' ? error.name : `${error.name}: ${error.message}`;
    out.push(index === 0 ? title : `\nCaused by: ${title}`);
    error.frames.forEach((frame, i) => {
      out.push(`    ${frame.text}`);
      const source = error.sources[i];
      if (source === undefined) return;
      const width = String(source.firstLine + source.lines.length - 1).length;
      source.lines.forEach((text, j) => {
        const number = source.firstLine + j;
        out.push(`      ${number === frame.line ? '>' : ' '} ${String(number).padStart(width)} | ${text}`);
      });
    });
    if (error.frames.length === 0 && error.unparsed) out.push(error.unparsed);
  });
  if (report.note) out.push('', report.note);
  const { method, target, protocol, headers } = report.request;
  out.push('', `${method} ${target} ${protocol}`, ...headers.map(([name, value]) => `${name}: ${value}`));
  return `${out.join('\n')}\n`;
}

/**
 * The report as the JSON body of the 500: the usual `code`, `name` and `description` of an error
 * response, then `errors` (outermost first, each with its frames and source lines) and `request`.
 *
 * @example
 * ```ts
 * JSON.parse(renderDebugJson(report)).errors[0].message; // 'kaput'
 * ```
 */
export function renderDebugJson(report: DebugReport): string {
  return JSON.stringify({
    code: 500,
    name: 'Internal Server Error',
    description: 'The development error page (debug is on and the request came from this machine).',
    errors: report.errors.map((error) => ({
      name: error.name,
      message: error.message,
      frames: error.frames.map((frame, i) => ({
        function: frame.fn,
        file: frame.file,
        line: frame.line,
        column: frame.column,
        ...(error.sources[i] ? { source: error.sources[i] } : {}),
      })),
      ...(error.unparsed ? { stack: error.unparsed } : {}),
    })),
    request: report.request,
    ...(report.note ? { note: report.note } : {}),
  });
}
