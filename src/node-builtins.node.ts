/**
 * Node modules that only some apps use, loaded when first used rather than by `import 'tsgi/node'`
 * (bench/README.md, "Import time"): node:fs, node:fs/promises and node:os for the file code
 * (sendFile, staticFiles, uploads stored on disk), about 1.5 ms as static imports (node:fs's ES
 * module namespace reads its lazy `promises` and stream getters), node:zlib for compression,
 * about 1.5 ms more, node:http2 for HTTP/2 servers, about 10 ms, and node:cluster, about 1 ms. Once loaded, each is there at once, so per-request code stays as synchronous
 * as it was.
 * @module
 */
import { createRequire } from 'node:module';

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

/**
 * A built-in module loaded synchronously the first time, for code that cannot wait (a codec or a
 * server is made inside a synchronous call): `process.getBuiltinModule` on Node 20.16+, Bun and
 * Deno, a `require` on older Node 20 releases (the module object either way, which has every
 * named export).
 */
function builtin<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= (process.getBuiltinModule?.(id) ?? createRequire(import.meta.url)(id)) as T);
}

/** `node:zlib` (compressNode, request bodies with a Content-Encoding). */
export const nodeZlib: () => typeof import('node:zlib') = builtin('node:zlib');
/** `node:http2` (serve with `http2`): about 10 ms of import time. */
export const nodeHttp2: () => typeof import('node:http2') = builtin('node:http2');
/** `node:http` (serve makes its server with it): about 3 ms of import time, as much as the adapter's own code. */
export const nodeHttp: () => typeof import('node:http') = builtin('node:http');
/** `node:net` (a draining server's close). */
export const nodeNet: () => typeof import('node:net') = builtin('node:net');
/** `node:stream` (the node:zlib codecs as Web streams). */
export const nodeStream: () => typeof import('node:stream') = builtin('node:stream');
/** `node:cluster` (whether this process is a worker: `tsgi.multiprocess`). */
export const nodeCluster: () => typeof import('node:cluster').default = builtin('node:cluster');
