/** The error for a body chunk that is not a `Uint8Array`. */
export function notBytes(value) {
    const kind = value === null ? 'null' : typeof value === 'object' ? value.constructor?.name ?? 'object' : typeof value;
    return new TypeError(`the app yielded a ${kind} body chunk; chunks must be Uint8Array`);
}
/**
 * Pulls chunks from a body iterator and writes them, one at a time: the next chunk is pulled only
 * when the previous write went into the socket without filling its buffer, or after `drain`.
 * Synchronous iterators run in a plain loop; the bound callbacks are made once per response, not
 * per chunk.
 */
export class BodyPump {
    exchange;
    iterator;
    isAsync;
    constructor(exchange, iterator, isAsync) {
        this.exchange = exchange;
        this.iterator = iterator;
        this.isAsync = isAsync;
    }
    start() {
        this.exchange.response.on('close', this.onClose);
        this.step();
    }
    onClose = () => {
        if (!this.exchange.response.writableFinished)
            this.exchange.abort();
    };
    onResult = (result) => {
        if (this.handle(result))
            this.step();
    };
    onError = (error) => {
        this.exchange.fail(error);
    };
    onDrain = () => {
        if (!this.exchange.isAborted)
            this.step();
    };
    step() {
        const iterator = this.iterator;
        for (;;) {
            let result;
            try {
                result = this.isAsync
                    ? iterator.next()
                    : iterator.next();
            }
            catch (error) {
                this.exchange.fail(error);
                return;
            }
            if (this.isAsync) {
                result.then(this.onResult, this.onError);
                return;
            }
            if (!this.handle(result))
                return;
        }
    }
    /** Handles one result; true when the next chunk may be pulled right away. */
    handle(result) {
        const exchange = this.exchange;
        if (exchange.isAborted)
            return false;
        try {
            if (result.done) {
                exchange.end();
                return false;
            }
            const chunk = result.value;
            if (!(chunk instanceof Uint8Array))
                throw notBytes(chunk);
            if (chunk.byteLength === 0)
                return true;
            if (!exchange.headersSent) {
                exchange.writeHead(-1);
                if (exchange.isHead) {
                    // HEAD: the head is all the client gets; stop the body here.
                    exchange.end();
                    return false;
                }
            }
            if (exchange.write(chunk))
                return true;
        }
        catch (error) {
            exchange.fail(error);
            return false;
        }
        exchange.response.once('drain', this.onDrain);
        return false;
    }
}
//# sourceMappingURL=body-pump.js.map