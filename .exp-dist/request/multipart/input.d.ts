export { readFailure } from '../read-body.js';
/** Options of `limitInput`. */
export interface LimitInputOptions {
    /** Most bytes that may be read; crossing it is a 413 at once. */
    maxContentLength: number;
    /** The declared `Content-Length`, when there is one: a shorter body is a 400. */
    contentLength?: number | undefined;
}
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
export declare function limitInput(input: AsyncIterable<Uint8Array>, options: LimitInputOptions): AsyncGenerator<Uint8Array, void, undefined>;
//# sourceMappingURL=input.d.ts.map