/**
 * Request-level cleanup: work (such as removing temporary upload files) that must run once the
 * response has been sent or abandoned. Callbacks are kept in the environ under `tsgi.cleanup`.
 * @module
 */
/** The environ key holding the cleanup callbacks of a request. */
export const CLEANUP_KEY = 'tsgi.cleanup';
/**
 * True when the request has cleanup callbacks waiting.
 *
 * @example
 * ```ts
 * if (hasCleanup(environ)) body = withCleanup(body, environ);
 * ```
 */
export function hasCleanup(environ) {
    const list = environ[CLEANUP_KEY];
    return Array.isArray(list) && list.length > 0;
}
/**
 * Registers `fn` to run when the request is over (see `runCleanup`).
 *
 * @example
 * ```ts
 * registerCleanup(environ, () => tempFile.dispose());
 * ```
 */
export function registerCleanup(environ, fn) {
    const list = environ[CLEANUP_KEY];
    if (Array.isArray(list))
        list.push(fn);
    else
        environ[CLEANUP_KEY] = [fn];
}
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
export async function runCleanup(environ) {
    for (;;) {
        const list = environ[CLEANUP_KEY];
        if (!Array.isArray(list) || list.length === 0)
            return;
        const fn = list.pop();
        try {
            await fn();
        }
        catch (error) {
            const errors = environ['tsgi.errors'];
            const message = `tsgi: a cleanup callback failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`;
            if (typeof errors?.write === 'function')
                errors.write(message);
            else
                console.error(message);
        }
    }
}
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
export function withCleanup(body, environ) {
    const list = environ[CLEANUP_KEY];
    if (!Array.isArray(list) || list.length === 0)
        return body;
    return {
        [Symbol.asyncIterator]() {
            const inner = Symbol.asyncIterator in body
                ? body[Symbol.asyncIterator]()
                : body[Symbol.iterator]();
            let finished = false;
            const finish = async () => {
                if (finished)
                    return;
                finished = true;
                await runCleanup(environ);
            };
            return {
                async next() {
                    try {
                        const result = await inner.next();
                        if (result.done)
                            await finish();
                        return result;
                    }
                    catch (error) {
                        await finish();
                        throw error;
                    }
                },
                async return(value) {
                    try {
                        await inner.return?.(value);
                    }
                    finally {
                        await finish();
                    }
                    return { done: true, value: undefined };
                },
            };
        },
    };
}
//# sourceMappingURL=cleanup.js.map