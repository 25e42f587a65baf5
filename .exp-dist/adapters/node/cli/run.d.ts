import type { ServeCommand } from './args.js';
/** The message the supervisor sends a worker to make it drain and exit. */
export declare const SHUTDOWN_MESSAGE = "tsgi:shutdown";
/**
 * Loads the app and serves it until SIGTERM/SIGINT (or, in a worker, the supervisor's shutdown
 * message), then drains and exits.
 *
 * @example
 * ```ts
 * await serveInProcess(parseCommand(['serve', 'app.js']) as ServeCommand, process.cwd());
 * ```
 */
export declare function serveInProcess(command: ServeCommand, cwd: string): Promise<void>;
//# sourceMappingURL=run.d.ts.map