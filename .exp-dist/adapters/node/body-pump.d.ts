/**
 * Writing an iterator body to node:http with back-pressure (see `BodyPump`).
 * @module
 */
import type { Exchange } from './exchange.js';
/** A body's iterator, synchronous or not. */
export type AnyIterator = Iterator<Uint8Array> | AsyncIterator<Uint8Array>;
/** The error for a body chunk that is not a `Uint8Array`. */
export declare function notBytes(value: unknown): TypeError;
/**
 * Pulls chunks from a body iterator and writes them, one at a time: the next chunk is pulled only
 * when the previous write went into the socket without filling its buffer, or after `drain`.
 * Synchronous iterators run in a plain loop; the bound callbacks are made once per response, not
 * per chunk.
 */
export declare class BodyPump {
    private readonly exchange;
    private readonly iterator;
    private readonly isAsync;
    constructor(exchange: Exchange, iterator: AnyIterator, isAsync: boolean);
    start(): void;
    private readonly onClose;
    private readonly onResult;
    private readonly onError;
    private readonly onDrain;
    private step;
    /** Handles one result; true when the next chunk may be pulled right away. */
    private handle;
}
//# sourceMappingURL=body-pump.d.ts.map