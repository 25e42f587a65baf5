/**
 * `serve(app, options)`: a `node:http` (or `https`) server for a tsgi app, with graceful shutdown.
 * @module
 */
import http from 'node:http';
import https from 'node:https';
import { createListener } from './listener.js';
const IDLE_POLL_MS = 50;
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
export async function serve(app, options = {}) {
    const { host = '127.0.0.1', port = 8000, signal, shutdownTimeout = 10_000, handleSignals = false, tls, errors, scriptName, accessLog, ...serverOptions } = options;
    if (serverOptions.insecureHTTPParser) {
        throw new TypeError('tsgi serve: insecureHTTPParser is refused; it opens the door to request smuggling');
    }
    signal?.throwIfAborted();
    const control = { draining: false };
    const listenerOptions = {};
    if (errors)
        listenerOptions.errors = errors;
    if (scriptName)
        listenerOptions.scriptName = scriptName;
    if (accessLog)
        listenerOptions.accessLog = accessLog;
    const listener = createListener(app, listenerOptions, control);
    const nodeOptions = { ...serverOptions, insecureHTTPParser: false };
    const server = tls
        ? https.createServer({ ...tls, ...nodeOptions }, listener)
        : http.createServer(nodeOptions, listener);
    await new Promise((resolve, reject) => {
        const onError = (error) => reject(error);
        server.once('error', onError);
        server.listen(port, host, () => {
            server.off('error', onError);
            resolve();
        });
    });
    const bound = server.address().port;
    const scheme = tls ? 'https' : 'http';
    const url = `${scheme}://${host.includes(':') ? `[${host}]` : host}:${bound}`;
    let closing = null;
    const close = () => {
        closing ??= shutdown();
        return closing;
    };
    const shutdown = () => new Promise((resolve) => {
        control.draining = true;
        removeSignalHandlers();
        // Idle keep-alive connections would hold the server open; in-flight ones become idle as their
        // responses finish, so look again until all are gone.
        const poll = setInterval(() => server.closeIdleConnections(), IDLE_POLL_MS);
        const deadline = setTimeout(() => server.closeAllConnections(), shutdownTimeout);
        server.close(() => {
            clearInterval(poll);
            clearTimeout(deadline);
            resolve();
        });
        server.closeIdleConnections();
    });
    const onAbort = () => void close();
    signal?.addEventListener('abort', onAbort, { once: true });
    let signalCount = 0;
    const onSignal = (name) => {
        signalCount += 1;
        if (signalCount > 1 && name === 'SIGINT')
            process.exit(130);
        void close().then(() => process.exit(0));
    };
    function removeSignalHandlers() {
        signal?.removeEventListener('abort', onAbort);
        if (!handleSignals)
            return;
        // Stay registered while draining, so a second Ctrl-C can still force the exit.
        if (signalCount > 0)
            return;
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
    }
    if (handleSignals) {
        process.on('SIGTERM', onSignal);
        process.on('SIGINT', onSignal);
    }
    return { url, port: bound, server, close };
}
//# sourceMappingURL=serve.js.map