/**
 * HTTP header containers: a mutable list for responses and a read-only view over an environ.
 * @module
 */
import { headerKey, headerName } from '../gateway.js';
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const FORBIDDEN_IN_VALUE = /[\r\n\0]/;
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
export function assertHeader(name, value) {
    if (!TOKEN.test(name))
        throw new TypeError(`invalid header name: ${JSON.stringify(name)}`);
    if (FORBIDDEN_IN_VALUE.test(value)) {
        throw new TypeError(`header ${name} holds CR, LF or NUL: ${JSON.stringify(value)}`);
    }
}
let appendUnchecked;
/**
 * Appends a header the library itself built from constants and digits, skipping validation
 * (the hot path of every response). Never pass values that came from outside.
 */
export function appendTrusted(headers, name, value) {
    appendUnchecked(headers, name, value);
}
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
export class Headers {
    #list = [];
    static {
        appendUnchecked = (headers, name, value) => void headers.#list.push([name, value]);
    }
    constructor(init) {
        if (init == null)
            return;
        if (typeof init[Symbol.iterator] === 'function') {
            for (const [name, value] of init)
                this.append(name, value);
            return;
        }
        const record = init;
        for (const name of Object.keys(record)) {
            const value = record[name];
            if (typeof value === 'string')
                this.append(name, value);
            else
                for (const item of value)
                    this.append(name, item);
        }
    }
    /** Number of header lines. */
    get size() {
        return this.#list.length;
    }
    get(name) {
        const lower = name.toLowerCase();
        for (const pair of this.#list)
            if (pair[0].toLowerCase() === lower)
                return pair[1];
        return undefined;
    }
    getAll(name) {
        const lower = name.toLowerCase();
        const out = [];
        for (const pair of this.#list)
            if (pair[0].toLowerCase() === lower)
                out.push(pair[1]);
        return out;
    }
    has(name) {
        return this.get(name) !== undefined;
    }
    /** Adds a header line after the existing ones. */
    append(name, value) {
        value = String(value);
        assertHeader(name, value);
        this.#list.push([name, value]);
    }
    /** Replaces every line of the header with one, kept at the position of the first. */
    set(name, value) {
        value = String(value);
        assertHeader(name, value);
        const lower = name.toLowerCase();
        const index = this.#list.findIndex((pair) => pair[0].toLowerCase() === lower);
        if (index === -1) {
            this.#list.push([name, value]);
            return;
        }
        this.#list[index] = [name, value];
        this.#list = this.#list.filter((pair, i) => i <= index || pair[0].toLowerCase() !== lower);
    }
    /** Sets the header when `value` is defined, deletes it when `value` is `undefined` or `null`. */
    setOrDelete(name, value) {
        if (value == null)
            this.delete(name);
        else
            this.set(name, value);
    }
    /** Sets the header only when it is not present yet. */
    setDefault(name, value) {
        const current = this.get(name);
        if (current !== undefined)
            return current;
        this.append(name, value);
        return value;
    }
    /** Removes every line of the header. */
    delete(name) {
        const lower = name.toLowerCase();
        this.#list = this.#list.filter((pair) => pair[0].toLowerCase() !== lower);
    }
    *entries() {
        for (const [name, value] of this.#list)
            yield [name, value];
    }
    /** The distinct header names, in order of first appearance, as first written. */
    keys() {
        const seen = new Map();
        for (const [name] of this.#list)
            if (!seen.has(name.toLowerCase()))
                seen.set(name.toLowerCase(), name);
        return [...seen.values()];
    }
    [Symbol.iterator]() {
        return this.entries();
    }
    /**
     * The header list as `startResponse` takes it: a new array holding the same pairs. Spec rule 6.3
     * forbids changing a pair in place, and this class never does (`set` replaces pairs), so sharing
     * them is safe and spares a copy per header on every response.
     */
    toList() {
        return this.#list.slice();
    }
    /** The headers as an HTTP/1.1 header block, one `Name: value` line each. */
    toString() {
        return this.#list.map(([name, value]) => `${name}: ${value}\r\n`).join('');
    }
    /** A copy that can be changed independently. */
    copy() {
        return new Headers(this.#list);
    }
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
export class EnvironHeaders {
    #environ;
    constructor(environ) {
        this.#environ = environ;
    }
    get(name) {
        const value = this.#environ[headerKey(name)];
        return typeof value === 'string' ? value : undefined;
    }
    getAll(name) {
        const value = this.get(name);
        return value === undefined ? [] : [value];
    }
    has(name) {
        return this.get(name) !== undefined;
    }
    *entries() {
        for (const key of Object.keys(this.#environ)) {
            const value = this.#environ[key];
            if (typeof value !== 'string')
                continue;
            const name = headerName(key);
            if (name !== undefined)
                yield [name, value];
        }
    }
    [Symbol.iterator]() {
        return this.entries();
    }
    /** A plain object of the headers, keyed by lower-case name. */
    toObject() {
        const out = Object.create(null);
        for (const [name, value] of this.entries())
            out[name.toLowerCase()] = value;
        return out;
    }
}
//# sourceMappingURL=headers.js.map