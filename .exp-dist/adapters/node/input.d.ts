/**
 * `tsgi.input` over a Node `IncomingMessage`: an async iterable that reads the request body with
 * back-pressure.
 * @module
 */
import type { IncomingMessage } from 'node:http';
/**
 * The error a body read fails with when the client goes away before sending all of it.
 *
 * @example
 * ```ts
 * try { for await (const chunk of environ['tsgi.input']) store(chunk); }
 * catch (error) { if (error instanceof ClientDisconnected) discardUpload(); else throw error; }
 * ```
 */
export declare class ClientDisconnected extends Error {
    constructor(message?: string, options?: ErrorOptions);
}
/**
 * The `tsgi.input` of a request with a body: each iteration reads what has not been read yet.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * createServer(async (req, res) => {
 *   let size = 0;
 *   for await (const chunk of new NodeInput(req)) size += chunk.byteLength;
 *   res.end(String(size));
 * });
 * ```
 */
export declare class NodeInput implements AsyncIterable<Uint8Array> {
    private readonly req;
    constructor(req: IncomingMessage);
    [Symbol.asyncIterator](): AsyncIterator<Uint8Array, undefined>;
}
//# sourceMappingURL=input.d.ts.map