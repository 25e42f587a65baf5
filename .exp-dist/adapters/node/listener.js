import { BufferedInput, consoleErrors } from '../../gateway.js';
import { formatAccessLog } from './access-log.js';
import { buildEnviron } from './environ.js';
import { Exchange } from './exchange.js';
import { NodeInput } from './input.js';
function isPromiseLike(value) {
    return typeof value?.then === 'function';
}
function stdoutLog(line) {
    process.stdout.write(`${line}\n`);
}
/** @internal The listener with the control hook `serve` uses. */
export function createListener(app, options, control) {
    const errors = options.errors ?? consoleErrors;
    const context = { errors };
    if (options.scriptName)
        context.scriptName = options.scriptName.replace(/\/+$/, '');
    const logLine = options.accessLog === true ? stdoutLog : options.accessLog || null;
    const state = {
        errors,
        control,
        log: logLine &&
            ((entry, now) => {
                logLine(formatAccessLog(entry, now));
            }),
    };
    function run(req, res, environ) {
        const exchange = new Exchange(req, res, environ, state);
        if (control.draining)
            res.shouldKeepAlive = false;
        let body;
        try {
            body = app(environ, exchange.startResponse);
        }
        catch (error) {
            exchange.fail(error);
            return;
        }
        if (isPromiseLike(body)) {
            body.then((resolved) => exchange.run(resolved), (error) => exchange.fail(error));
        }
        else {
            exchange.run(body);
        }
    }
    return function tsgiListener(req, res) {
        const environ = buildEnviron(req, context);
        if (environ['tsgi.input'] instanceof NodeInput) {
            // Node parses a body only after this event, even one that came in the same packet as the
            // head, as small bodies do. One microtask later such a body is all there: the app then gets
            // it in memory (spec rule 4.8), which spares a promise per chunk in every reader. A body
            // still on its way streams as usual.
            queueMicrotask(() => {
                takeCompleteBody(req, environ);
                run(req, res, environ);
            });
            return;
        }
        run(req, res, environ);
    };
}
/**
 * Moves a body that has fully arrived out of Node's stream into a `BufferedInput`. Node sets
 * `complete` only a little later (after the microtasks), but its parser never buffers past
 * Content-Length, so holding that many bytes means holding the whole body.
 */
function takeCompleteBody(req, environ) {
    if (req.destroyed)
        return;
    const declared = environ.CONTENT_LENGTH;
    if (!req.complete && (declared === undefined || !(req.readableLength >= Number(declared))))
        return;
    const chunks = [];
    for (let chunk = req.read(); chunk !== null; chunk = req.read())
        chunks.push(chunk);
    environ['tsgi.input'] = new BufferedInput(chunks);
}
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
export function toNodeListener(app, options = {}) {
    return createListener(app, options, { draining: false });
}
//# sourceMappingURL=listener.js.map