/**
 * `parseMultipart` and `iterateParts` as `tsgi` exports them: each loads the parser (`./engine.ts`)
 * on its first call, then runs it. Both are asynchronous already, so loading it first changes no
 * result: a bad boundary is still a rejection, not a throw.
 * @module
 */
import type { MultipartOptions, MultipartResult } from './parse.js';
import type { Part } from './part.js';

type Engine = typeof import('./engine.js');
let engine: Promise<Engine> | undefined;
/** The parser module, imported once. */
const load = (): Promise<Engine> => (engine ??= import('./engine.js'));

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
export async function parseMultipart(
  input: AsyncIterable<Uint8Array>,
  boundary: string,
  options: MultipartOptions = {},
): Promise<MultipartResult> {
  return (await load()).parseMultipart(input, boundary, options);
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
export async function* iterateParts(
  input: AsyncIterable<Uint8Array>,
  boundary: string,
  options: MultipartOptions = {},
): AsyncGenerator<Part, void, undefined> {
  yield* (await load()).iterateParts(input, boundary, options);
}
