const DONE = Object.freeze({ done: true, value: undefined });
/**
 * The error a body read fails with when the client goes away before sending all of it.
 *
 * @example
 * ```ts
 * try { for await (const chunk of environ['tsgi.input']) store(chunk); }
 * catch (error) { if (error instanceof ClientDisconnected) discardUpload(); else throw error; }
 * ```
 */
export class ClientDisconnected extends Error {
    constructor(message = 'the client closed the connection before sending the whole request body', options) {
        super(message, options);
        this.name = 'ClientDisconnected';
    }
}
/**
 * Reads one request body in paused mode: each `next()` takes what Node has buffered (`req.read()`),
 * and only when nothing is there does it wait for `readable`. Node reads the socket only while its
 * small buffer (the stream's high-water mark) has room, so an app that stops pulling stops the
 * upload. A small body that arrived with the headers is read with no listener, event or tick at all.
 *
 * `return()` (a `break` out of `for await`) stops reading without destroying the request, so the app
 * can still answer (a 413, say); the rest of the body is then discarded as Node does for unread bodies.
 */
class NodeInputIterator {
    req;
    resolveWaiter;
    rejectWaiter;
    failure;
    listening = false;
    deferred = false;
    finished = false;
    constructor(req) {
        this.req = req;
    }
    next() {
        if (this.failure)
            return Promise.reject(this.failure);
        if (this.finished)
            return Promise.resolve(DONE);
        const result = this.take();
        if (result !== null)
            return Promise.resolve(result);
        // take() may have found the request torn down and failed it; no 'close' will come again.
        if (this.failure)
            return Promise.reject(this.failure);
        if (!this.deferred) {
            // Asked for during the 'request' event, the body is not parsed yet even when it came in the
            // same packet as the headers: Node parses it right after. One microtask later it is there,
            // which spares the listeners for every small body.
            this.deferred = true;
            return Promise.resolve().then(() => this.next());
        }
        this.listen();
        return new Promise((resolve, reject) => {
            this.resolveWaiter = resolve;
            this.rejectWaiter = reject;
        });
    }
    return() {
        const req = this.req;
        const early = !this.finished && !this.failure;
        this.finish();
        // Nobody will read the rest: let it flow into the void so the connection stays usable.
        if (early && !req.destroyed)
            req.resume();
        return Promise.resolve(DONE);
    }
    /** A chunk or the end when one is at hand, else `null`. */
    take() {
        const req = this.req;
        if (req.destroyed && !req.complete) {
            this.fail(new ClientDisconnected());
            return null;
        }
        const chunk = req.read();
        if (chunk !== null)
            return { done: false, value: chunk };
        // `complete` is set once the parser has pushed the whole body; nothing left to read means done.
        if (req.complete) {
            this.finish();
            return DONE;
        }
        return null;
    }
    listen() {
        if (this.listening)
            return;
        this.listening = true;
        // Bound only now: the common small body never needs them.
        this.onReadable ??= this.readable.bind(this);
        this.onError ??= this.errored.bind(this);
        this.onClose ??= this.closed.bind(this);
        const req = this.req;
        req.on('readable', this.onReadable);
        req.on('end', this.onReadable);
        req.on('error', this.onError);
        req.on('close', this.onClose);
    }
    onReadable;
    onError;
    onClose;
    readable() {
        const resolve = this.resolveWaiter;
        if (!resolve)
            return;
        const result = this.take();
        if (result === null)
            return;
        this.resolveWaiter = undefined;
        this.rejectWaiter = undefined;
        resolve(result);
    }
    /** Node's own error for a lost connection ('aborted', ECONNRESET) becomes one the app can name. */
    errored(error) {
        this.fail(this.req.complete ? error : new ClientDisconnected(undefined, { cause: error }));
    }
    closed() {
        if (!this.req.complete)
            this.fail(new ClientDisconnected());
    }
    fail(error) {
        if (this.finished || this.failure)
            return;
        this.failure = error;
        this.finish();
        const reject = this.rejectWaiter;
        if (reject) {
            this.resolveWaiter = undefined;
            this.rejectWaiter = undefined;
            reject(error);
        }
    }
    finish() {
        this.finished = true;
        if (!this.listening)
            return;
        this.listening = false;
        const req = this.req;
        req.off('readable', this.onReadable);
        req.off('end', this.onReadable);
        req.off('close', this.onClose);
        req.off('error', this.onError);
        // An 'error' event with no listener would crash the process; errors after this concern nobody.
        if (req.listenerCount('error') === 0)
            req.on('error', ignore);
    }
    [Symbol.asyncIterator]() {
        return this;
    }
}
function ignore() {
    // See `finish`.
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
export class NodeInput {
    req;
    constructor(req) {
        this.req = req;
    }
    [Symbol.asyncIterator]() {
        return new NodeInputIterator(this.req);
    }
}
//# sourceMappingURL=input.js.map