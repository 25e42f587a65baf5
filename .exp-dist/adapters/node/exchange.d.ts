/**
 * One request/response exchange between Node and a tsgi app: `startResponse`, running the body
 * (arrays and text at once, iterators through `BodyPump`), closing the body iterator exactly once,
 * error handling and the access log line.
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Body, type Environ, type ErrorStream, type StartResponse } from '../../gateway.js';
import type { AccessLogEntry } from './access-log.js';
/** @internal What every exchange of one listener shares. */
export interface ListenerState {
    errors: ErrorStream;
    control: {
        draining: boolean;
    };
    log: ((entry: AccessLogEntry, now: number) => void) | null;
}
/** @internal One request/response exchange. */
export declare class Exchange {
    private readonly req;
    private readonly res;
    private readonly environ;
    private readonly state;
    readonly startResponse: StartResponse;
    private statusCode;
    private reason;
    private headers;
    private headSent;
    private iterator;
    private closed;
    private aborted;
    private done;
    private bytes;
    private readonly started;
    constructor(req: IncomingMessage, res: ServerResponse, environ: Environ, state: ListenerState);
    private start;
    /** Runs the body the app returned. */
    run(body: Body): void;
    /** The fast path: a body given as an array of chunks, all known now. */
    private runArray;
    /**
     * A text body: Node writes the string into the socket together with the head, in one write,
     * without the body ever becoming a `Uint8Array`.
     */
    private runText;
    /**
     * Sends the status line and headers. `knownLength` is the whole body's size when known (the body
     * was an array, or it ended before its first non-empty chunk): then a missing Content-Length is
     * added, so small responses are not sent chunked.
     */
    writeHead(knownLength: number): void;
    /** The body ended normally: finish the response, then close the iterator. */
    end(): void;
    /** Counts a chunk about to be written and writes it; false when the socket buffer is full. */
    write(chunk: Uint8Array): boolean;
    get isHead(): boolean;
    get headersSent(): boolean;
    get isAborted(): boolean;
    get response(): ServerResponse;
    /** The client went away before the response finished. */
    abort(): void;
    /** The app failed: a 500 when nothing was sent yet, else the connection is cut. */
    fail(error: unknown): void;
    /** Closes the iterator exactly once and writes the access log line. */
    private finished;
    private closeIterator;
    private reportCloseError;
}
//# sourceMappingURL=exchange.d.ts.map