/**
 * node:fs, node:fs/promises and node:os for tsgi/node's file code (sendFile, staticFiles, uploads
 * stored on disk), imported when that code first runs. As static imports they cost
 * `import 'tsgi/node'` about 1.5 ms (node:fs's ES module namespace reads its lazy `promises` and
 * stream getters), which apps that never touch a file need not pay (bench/README.md, "Import
 * time"). Once loaded, `get()` returns the module at once, so per-request code stays as
 * synchronous as it was.
 * @module
 */

/** A built-in module imported on first use. */
export interface LazyModule<T> {
  /** The module once it is loaded, else `undefined`. */
  get(): T | undefined;
  /** The module, importing it the first time. */
  load(): Promise<T>;
}

function lazy<T>(importer: () => Promise<T>): LazyModule<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    get: () => loaded,
    load: () => (loading ??= importer().then((module) => (loaded = module))),
  };
}

/** `node:fs` (the callback API, which costs less per call than the promise one). */
export const nodeFs: LazyModule<typeof import('node:fs')> = lazy(() => import('node:fs'));
/** `node:fs/promises`. */
export const nodeFsPromises: LazyModule<typeof import('node:fs/promises')> = lazy(() => import('node:fs/promises'));
/** `node:os`. */
export const nodeOs: LazyModule<typeof import('node:os')> = lazy(() => import('node:os'));
