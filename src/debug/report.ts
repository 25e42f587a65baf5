/**
 * Everything the development error page shows, gathered once and rendered as HTML, JSON or text.
 * @module
 */
import type { Environ } from '../gateway.js';
import { errorChain, type ErrorSummary } from './stack.js';
import { loadSources, type SourceContext } from './source.js';
import { summarizeRequest, type RequestSummary } from './request-summary.js';
import type { RuntimeGlobals } from '../runtime-fs.js';

/** One error of the chain with the source lines around each of its frames. */
export interface ErrorReport extends ErrorSummary {
  /** One entry per frame; undefined where no source is shown. */
  sources: Array<SourceContext | undefined>;
}

/** What the development error page shows. */
export interface DebugReport {
  /** The error, then its causes. */
  errors: ErrorReport[];
  request: RequestSummary;
  /** Why no source lines are shown at all, when that is so. */
  note?: string;
}

/**
 * Gathers the error chain, the source lines around its frames and the (redacted) request.
 *
 * @example
 * ```ts
 * const report = await buildReport(new Error('kaput'), environ);
 * report.errors[0].message; // 'kaput'
 * ```
 */
export async function buildReport(error: unknown, environ: Environ, scope?: RuntimeGlobals): Promise<DebugReport> {
  const chain = errorChain(error);
  const loaded = await loadSources(
    chain.flatMap((entry) => entry.frames),
    scope,
  );
  let offset = 0;
  const errors = chain.map((entry) => {
    const sources = loaded.contexts.slice(offset, offset + entry.frames.length);
    offset += entry.frames.length;
    return { ...entry, sources };
  });
  const report: DebugReport = { errors, request: summarizeRequest(environ) };
  if (loaded.note !== undefined) report.note = loaded.note;
  return report;
}
