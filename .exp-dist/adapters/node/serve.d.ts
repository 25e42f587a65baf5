/**
 * `serve(app, options)`: a `node:http` (or `https`) server for a tsgi app, with graceful shutdown.
 * @module
 */
import http from 'node:http';
import https from 'node:https';
import type { App } from '../../gateway.js';
import { type NodeListenerOptions } from './listener.js';
/** Options of {@link serve}; any other `http.createServer` option is passed on to it. */
export interface ServeOptions extends NodeListenerOptions, Omit<http.ServerOptions, 'insecureHTTPParser' | 'IncomingMessage' | 'ServerResponse'> {
    /** The address to bind; `127.0.0.1` by default, so nothing is exposed unless asked. */
    host?: string;
    /** The port; `8000` by default, `0` for any free port (the one chosen is reported). */
    port?: number;
    /** Aborting it shuts the server down gracefully. */
    signal?: AbortSignal;
    /** How long a graceful shutdown waits for in-flight requests before closing them, in ms (10 s). */
    shutdownTimeout?: number;
    /** Shut down gracefully on SIGTERM and SIGINT, then exit the process (a second SIGINT exits at once). */
    handleSignals?: boolean;
    /** Serve HTTPS with these TLS options (`key`, `cert`, ...) instead of plain HTTP. */
    tls?: https.ServerOptions;
}
/** A running server, as {@link serve} reports it. */
export interface RunningServer {
    /** The base URL, such as `http://127.0.0.1:8000`. */
    url: string;
    /** The port actually bound (useful with `port: 0`). */
    port: number;
    /** The underlying Node server. */
    server: http.Server | https.Server;
    /**
     * Shuts down gracefully: stops accepting, lets in-flight requests finish up to `shutdownTimeout`,
     * closes idle keep-alive connections, then force-closes what remains. Resolves once all are closed.
     */
    close(): Promise<void>;
}
/**
 * Serves a tsgi app over HTTP on `host:port` and resolves once it listens.
 *
 * @example
 * ```ts
 * import { serve } from 'tsgi/node';
 *
 * const server = await serve(app, { port: 0 });
 * console.log(`listening on ${server.url}`);
 * await server.close();
 * ```
 */
export declare function serve(app: App, options?: ServeOptions): Promise<RunningServer>;
//# sourceMappingURL=serve.d.ts.map