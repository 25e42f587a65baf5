/**
 * `toNodeListener(app)`: runs a tsgi app as a `node:http` request listener.
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type App, type ErrorStream } from '../../gateway.js';
/** A `node:http` request listener. */
export type NodeListener = (req: IncomingMessage, res: ServerResponse) => void;
/** Options of {@link toNodeListener}. */
export interface NodeListenerOptions {
    /** Where `tsgi.errors` (and the adapter's own error reports) go; the console by default. */
    errors?: ErrorStream;
    /**
     * A mount point to report as `SCRIPT_NAME` when the listener serves a sub-path of a plain server.
     * Inside Express or Connect the mount point is found by itself (`req.baseUrl`).
     */
    scriptName?: string;
    /** Writes one access log line per response: `true` for stdout, or a function that takes the line. */
    accessLog?: boolean | ((line: string) => void);
}
/** @internal Shared with `serve` so it can switch the listener to draining. */
export interface ListenerControl {
    draining: boolean;
}
/** @internal The listener with the control hook `serve` uses. */
export declare function createListener(app: App, options: NodeListenerOptions, control: ListenerControl): NodeListener;
/**
 * Turns a tsgi app into a `node:http` request listener, for `http.createServer`,
 * `https.createServer`, or as the last handler of an Express or Connect app (which then reports the
 * mount path as `SCRIPT_NAME`).
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { toNodeListener } from 'tsgi/node';
 *
 * const app: App = (environ, startResponse) => {
 *   startResponse('200 OK', [['Content-Type', 'text/plain; charset=utf-8']]);
 *   return [new TextEncoder().encode(`Hello from ${environ.PATH_INFO}`)];
 * };
 * createServer(toNodeListener(app)).listen(8000, '127.0.0.1');
 * ```
 */
export declare function toNodeListener(app: App, options?: NodeListenerOptions): NodeListener;
//# sourceMappingURL=listener.d.ts.map