/**
 * HTTP header containers: a mutable list for responses and a read-only view over an environ.
 * @module
 */
import { type Environ, type HeaderList } from '../gateway.js';
/**
 * Checks a header name and value; throws a `TypeError` naming the problem when the name is not an
 * HTTP token or either holds CR, LF or NUL (the characters that split or smuggle headers).
 *
 * @example
 * ```ts
 * assertHeader('X-Id', '42');           // fine
 * assertHeader('X-Id', '42\r\nSet: 1'); // throws TypeError
 * ```
 */
export declare function assertHeader(name: string, value: string): void;
/**
 * Appends a header the library itself built from constants and digits, skipping validation
 * (the hot path of every response). Never pass values that came from outside.
 */
export declare function appendTrusted(headers: Headers, name: string, value: string): void;
/** What both header containers offer for reading. */
export interface ReadonlyHeaders extends Iterable<[string, string]> {
    /** The first value of the header, or `undefined`. */
    get(name: string): string | undefined;
    /** Every value of the header, in order. */
    getAll(name: string): string[];
    /** True when the header is present. */
    has(name: string): boolean;
    /** Every `[name, value]` pair in order. */
    entries(): IterableIterator<[string, string]>;
}
/** Anything `Headers` can be built from. */
export type HeadersInit = Iterable<readonly [string, string]> | Record<string, string | readonly string[]>;
/**
 * An ordered, case-insensitive list of headers that keeps repeats (as `Set-Cookie` needs).
 * `get` returns the first value; names and values are validated on every write.
 *
 * @example
 * ```ts
 * const headers = new Headers({ 'Content-Type': 'text/plain' });
 * headers.append('Set-Cookie', 'a=1');
 * headers.append('Set-Cookie', 'b=2');
 * headers.get('content-type');   // 'text/plain'
 * headers.getAll('set-cookie');  // ['a=1', 'b=2']
 * ```
 */
export declare class Headers implements ReadonlyHeaders {
    #private;
    constructor(init?: HeadersInit | null);
    /** Number of header lines. */
    get size(): number;
    get(name: string): string | undefined;
    getAll(name: string): string[];
    has(name: string): boolean;
    /** Adds a header line after the existing ones. */
    append(name: string, value: string): void;
    /** Replaces every line of the header with one, kept at the position of the first. */
    set(name: string, value: string): void;
    /** Sets the header when `value` is defined, deletes it when `value` is `undefined` or `null`. */
    setOrDelete(name: string, value: string | null | undefined): void;
    /** Sets the header only when it is not present yet. */
    setDefault(name: string, value: string): string;
    /** Removes every line of the header. */
    delete(name: string): void;
    entries(): IterableIterator<[string, string]>;
    /** The distinct header names, in order of first appearance, as first written. */
    keys(): string[];
    [Symbol.iterator](): IterableIterator<[string, string]>;
    /**
     * The header list as `startResponse` takes it: a new array holding the same pairs. Spec rule 6.3
     * forbids changing a pair in place, and this class never does (`set` replaces pairs), so sharing
     * them is safe and spares a copy per header on every response.
     */
    toList(): HeaderList;
    /** The headers as an HTTP/1.1 header block, one `Name: value` line each. */
    toString(): string;
    /** A copy that can be changed independently. */
    copy(): Headers;
}
/**
 * A read-only view of the request headers stored in an environ (`HTTP_*`, `CONTENT_TYPE`,
 * `CONTENT_LENGTH`). Reading one header is a single property look-up; nothing is copied.
 *
 * @example
 * ```ts
 * const headers = new EnvironHeaders({ ...environ, HTTP_ACCEPT: 'text/html' });
 * headers.get('Accept'); // 'text/html'
 * ```
 */
export declare class EnvironHeaders implements ReadonlyHeaders {
    #private;
    constructor(environ: Environ);
    get(name: string): string | undefined;
    getAll(name: string): string[];
    has(name: string): boolean;
    entries(): IterableIterator<[string, string]>;
    [Symbol.iterator](): IterableIterator<[string, string]>;
    /** A plain object of the headers, keyed by lower-case name. */
    toObject(): Record<string, string>;
}
//# sourceMappingURL=headers.d.ts.map