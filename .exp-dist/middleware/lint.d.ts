/**
 * `lint`: a middleware that checks both sides of the gateway protocol against `docs/spec.md`.
 * @module
 */
import type { App, Environ } from '../gateway.js';
/**
 * A violation of the gateway protocol, naming the rule of `docs/spec.md` it breaks.
 *
 * @example
 * ```ts
 * try { await client.get('/'); } catch (error) {
 *   if (error instanceof LintError) console.log(error.rule); // '7.2'
 * }
 * ```
 */
export declare class LintError extends Error {
    /** The rule number in `docs/spec.md`, such as `'6.2'`. */
    readonly rule: string;
    /** Which party broke the rule: the application or the server (the caller of the linted app). */
    readonly side: 'app' | 'server';
    constructor(rule: string, side: 'app' | 'server', message: string);
}
/** Options for {@link lint}. */
export interface LintOptions {
    /**
     * Called with each violation instead of throwing it. Without it, the first violation is thrown
     * where it is found (into the app from `startResponse`, into the server from the body iterator).
     */
    onError?: (error: LintError, environ: Environ) => void;
}
/**
 * Wraps an app so that every rule of `docs/spec.md` is checked on both sides: the environ and input
 * the server provides, the status, headers and body the app returns, and how the server pulls and
 * closes the body. Each failure is a {@link LintError} naming the rule.
 *
 * @example
 * ```ts
 * import { lint } from 'tsgi/middleware';
 * const checked = lint(app);                      // throws LintError on the first violation
 * const errors: LintError[] = [];
 * const collected = lint(app, { onError: (e) => errors.push(e) });
 * ```
 */
export declare function lint(app: App, options?: LintOptions): App;
//# sourceMappingURL=lint.d.ts.map