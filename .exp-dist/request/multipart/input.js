/**
 * Reading a request body under its limits, with read failures (the client went away) answered as
 * a 400 instead of a raw stream error.
 * @module
 */
import { limitedInput } from '../read-body.js';
// Moved to read-body.ts so that every body reader answers a failed read with a 400.
export { readFailure } from '../read-body.js';
/**
 * The chunks of `input`, at most `contentLength` bytes of them: a 413 as soon as more than
 * `maxContentLength` bytes arrived (chunked bodies too), a 400 when the body ends before its
 * `Content-Length`, and a 400 when reading fails. Stopping early closes `input`.
 *
 * @example
 * ```ts
 * for await (const chunk of limitInput(environ['tsgi.input'], { maxContentLength: 1 << 20 })) use(chunk);
 * ```
 */
export function limitInput(input, options) {
    // limitedInput also turns a failed read (a client gone mid-body) into a 400.
    return limitedInput(input, options.contentLength, options.maxContentLength);
}
//# sourceMappingURL=input.js.map