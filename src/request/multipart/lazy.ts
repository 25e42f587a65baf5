/**
 * `parseMultipart` and `iterateParts` as `tsgi` exports them: each loads the parser (`./engine.ts`)
 * on its first call, then runs it. Both are asynchronous already, so loading it first changes no
 * result: a bad boundary is still a rejection, not a throw.
 * @module
 */
import type { MultipartOptions, MultipartResult } from './parse.js';
import type { Part } from './part.js';

type Engine = typeof import('./engine.js');
let loading: Promise<Engine> | undefined;
/** The parser module once imported: later calls go straight to it, without a step through `await`. */
let engine: Engine | undefined;
/** The parser module, imported once. */
const load = (): Promise<Engine> =>
  (loading ??= import('./engine.js').then((module) => {
    engine = module;
    return module;
  }));

/**
 * Reads a whole `multipart/form-data` body: text fields into `form`, files into `files` (stored by
 * `options.storage`). Every limit is checked as bytes arrive; malformed bodies are a 400, limit
 * breaches a 413 (431 for part headers). On failure every stored file is freed before the error
 * is thrown; on success `options.onCleanup` receives the function that frees them (without it,
 * the caller frees them with `FileStorage.close()`).
 *
 * @example
 * ```ts
 * const { form, files } = await parseMultipart(environ['tsgi.input'], boundaryOf(environ.CONTENT_TYPE!), {
 *   storage: diskStorage(),
 *   onCleanup: (dispose) => registerCleanup(environ, dispose),
 * });
 * ```
 */
export function parseMultipart(
  input: AsyncIterable<Uint8Array>,
  boundary: string,
  options: MultipartOptions = {},
): Promise<MultipartResult> {
  // The engine's parseMultipart is an async function: it rejects, never throws.
  if (engine !== undefined) return engine.parseMultipart(input, boundary, options);
  return load().then((module) => module.parseMultipart(input, boundary, options));
}

/**
 * The parts of a `multipart/form-data` body, one at a time, each a `Part` whose bytes are read as
 * a stream; nothing is stored. The same limits apply as for `parseMultipart` (413 / 431 / 400 as
 * the bytes arrive). Leaving the loop early closes the body.
 *
 * @example
 * ```ts
 * for await (const part of iterateParts(environ['tsgi.input'], boundaryOf(environ.CONTENT_TYPE!))) {
 *   console.log(part.name, part.filename, (await part.bytes()).length);
 * }
 * ```
 */
export function iterateParts(
  input: AsyncIterable<Uint8Array>,
  boundary: string,
  options: MultipartOptions = {},
): AsyncGenerator<Part, void, undefined> {
  if (engine !== undefined) return engine.iterateParts(input, boundary, options);
  return loadThenIterate(input, boundary, options);
}

/** `iterateParts` before the engine is loaded: an async generator too, so nothing runs before the first `next()`. */
async function* loadThenIterate(
  input: AsyncIterable<Uint8Array>,
  boundary: string,
  options: MultipartOptions,
): AsyncGenerator<Part, void, undefined> {
  yield* (await load()).iterateParts(input, boundary, options);
}
