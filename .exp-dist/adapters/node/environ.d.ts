import type { IncomingMessage } from 'node:http';
import { type Environ, type ErrorStream } from '../../gateway.js';
/** What a request needs beyond itself to become an environ. */
export interface EnvironContext {
    /** Where `tsgi.errors` writes. */
    errors: ErrorStream;
    /** A mount point to report as `SCRIPT_NAME` (the raw, still-encoded path prefix). */
    scriptName?: string;
}
/**
 * The environ for one request.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * createServer((req, res) => {
 *   const environ = buildEnviron(req, { errors: consoleErrors });
 *   res.end(environ.PATH_INFO);
 * });
 * ```
 */
export declare function buildEnviron(req: IncomingMessage, context?: EnvironContext): Environ;
//# sourceMappingURL=environ.d.ts.map