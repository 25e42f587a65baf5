/**
 * Response body sources and the iterator a server pulls from, which runs close callbacks once.
 * @module
 */
import { TextBody, type Body } from '../gateway.js';
/** What a `Response` body can be built from. Strings (also as chunks) are encoded as UTF-8. */
export type BodyInit = string | Uint8Array | ArrayBuffer | Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string> | ReadableStream<Uint8Array> | null | undefined;
/** The bytes of a body whose length is known without reading a stream, else `undefined`. */
export declare function knownBytes(body: BodyInit): Uint8Array | undefined;
/**
 * What a `Response` keeps of a body whose length is known without reading a stream: a string as
 * a `TextBody` (encoded only if something asks for bytes), other fixed bodies as bytes;
 * `undefined` for streams.
 */
export declare function knownBody(body: BodyInit): TextBody | Uint8Array | undefined;
/**
 * Wraps a streaming body source in an async iterator that encodes string chunks and calls
 * `onClose` exactly once: at the end of the body, on an error, or when the server calls
 * `return()` (the client went away), also when that happens before the first chunk.
 */
export declare function closingBody(source: Exclude<BodyInit, string | Uint8Array | ArrayBuffer | null | undefined>, onClose: () => void): Body;
/**
 * A one-chunk (or empty) body whose `return()`/end runs `onClose` once.
 */
export declare function closingBytes(bytes: Uint8Array | undefined, onClose: () => void): Body;
/** Reads a whole streaming body source into one `Uint8Array`. */
export declare function collectBody(source: Exclude<BodyInit, string | Uint8Array | ArrayBuffer | null | undefined>): Promise<Uint8Array>;
/** True for a Web `ReadableStream`. */
export declare function isReadableStream(value: unknown): value is ReadableStream<Uint8Array>;
//# sourceMappingURL=body.d.ts.map