import type { ServeCommand } from './args.js';
/**
 * Runs the supervisor until SIGTERM/SIGINT.
 *
 * @example
 * ```ts
 * if (cluster.isPrimary) superviseWorkers({ ...command, workers: 2 }, process.cwd());
 * ```
 */
export declare function superviseWorkers(command: ServeCommand, cwd: string): void;
//# sourceMappingURL=supervisor.d.ts.map