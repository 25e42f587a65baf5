/**
 * Request-level cleanup: work (such as removing temporary upload files) that must run once the
 * response has been sent or abandoned. Callbacks are kept in the environ under `tsgi.cleanup`.
 * @module
 */
/** The environ key holding the cleanup callbacks of a request. */
export declare const CLEANUP_KEY = "tsgi.cleanup";
/** A cleanup callback. */
export type CleanupFn = () => void | Promise<void>;
type EnvironLike = Record<string, unknown>;
/**
 * True when the request has cleanup callbacks waiting.
 *
 * @example
 * ```ts
 * if (hasCleanup(environ)) body = withCleanup(body, environ);
 * ```
 */
export declare function hasCleanup(environ: EnvironLike): boolean;
/**
 * Registers `fn` to run when the request is over (see `runCleanup`).
 *
 * @example
 * ```ts
 * registerCleanup(environ, () => tempFile.dispose());
 * ```
 */
export declare function registerCleanup(environ: EnvironLike, fn: CleanupFn): void;
/**
 * Runs and forgets every registered cleanup callback, last registered first. Calling it again runs
 * only what was registered since. Errors are written to `tsgi.errors` (or the console) and do not
 * stop the other callbacks.
 *
 * @example
 * ```ts
 * try { yield* body; } finally { await runCleanup(environ); }
 * ```
 */
export declare function runCleanup(environ: EnvironLike): Promise<void>;
/**
 * The body with the request's cleanup attached: once the server finishes or abandons it (its
 * iterator ends, fails, or `return()` is called), `runCleanup(environ)` runs, exactly once. A body
 * is returned unchanged when nothing was registered, so the common case costs nothing.
 * `Request.application` applies it to what the handler returns.
 *
 * @example
 * ```ts
 * const app: App = async (environ, startResponse) => withCleanup(await inner(environ, startResponse), environ);
 * ```
 */
export declare function withCleanup<B extends Iterable<Uint8Array> | AsyncIterable<Uint8Array>>(body: B, environ: EnvironLike): B | AsyncIterable<Uint8Array>;
export {};
//# sourceMappingURL=cleanup.d.ts.map