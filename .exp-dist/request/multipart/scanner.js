/**
 * The synchronous core of the multipart parser: a state machine that takes the body chunk by chunk
 * and reports part boundaries, header blocks and body bytes. No I/O, no promises; the async layers
 * (`parse.ts`, `parts.ts`) drive it.
 * @module
 */
import { concatBytes } from '../../datastructures/bytes.js';
import { BadRequest, RequestEntityTooLarge, RequestHeaderFieldsTooLarge } from '../../errors.js';
import { formatBytes } from './limits.js';
const LF = 0x0a;
const CR = 0x0d;
const DASH = 0x2d;
const SP = 0x20;
const HT = 0x09;
/** Transport padding (spaces and tabs) allowed after a delimiter before its line break. */
const MAX_PADDING = 256;
const PREAMBLE = 0;
const HEADERS = 1;
const BODY = 2;
const EPILOGUE = 3;
const NEED_MORE = -1;
const NOT_DELIMITER = -2;
const EMPTY = new Uint8Array(0);
/** A line break assumed before the body, so that `--boundary` on the first line is a delimiter. */
const VIRTUAL_LF = Uint8Array.of(LF);
/**
 * Splits a multipart body into parts. Delimiters are `CRLF--boundary` or, as old IE sends,
 * `LF--boundary`, followed by optional spaces and tabs and a line break (`--` for the last one);
 * a boundary look-alike followed by anything else is part data, as in Werkzeug. The result does not
 * depend on how the body is chunked: bytes that might begin a delimiter are held back until the
 * next chunk decides.
 *
 * @example
 * ```ts
 * const scanner = new MultipartScanner('xyz', handler, { maxPartHeaderSize: 16384, maxPreambleSize: 16384 });
 * scanner.write(chunk);
 * scanner.end();
 * ```
 */
export class MultipartScanner {
    #needle;
    #handler;
    #limits;
    #state = PREAMBLE;
    #tail = VIRTUAL_LF;
    #search = EMPTY;
    #native = false;
    #closing = false;
    #seenBytes = false;
    #preambleSize = -1; // the virtual LF is not the client's
    #headerPieces = [];
    #headerSize = 0;
    #lineLen = 0;
    #lastByte = 0;
    constructor(boundary, handler, limits) {
        this.#needle = new TextEncoder().encode(`\n--${boundary}`);
        this.#handler = handler;
        this.#limits = limits;
    }
    /** True once the closing delimiter has been seen; later bytes are the ignored epilogue. */
    get done() {
        return this.#state === EPILOGUE;
    }
    /** Feeds the next chunk of the body. Throws an `HTTPException` on malformed input or a limit. */
    write(chunk) {
        if (chunk.length === 0 || this.#state === EPILOGUE)
            return;
        this.#seenBytes = true;
        // Two handles on the same bytes: the chunk itself for indexOf (a Node Buffer's is a native
        // memchr, several times faster than the generic typed-array one) and a plain Uint8Array for
        // subarray (views of a Buffer cost far more to make).
        let data = chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
        this.#search = chunk;
        // A Node Buffer (also in Bun and Deno): its indexOf searches for a whole byte sequence.
        this.#native = data !== chunk && typeof chunk.readUInt8 === 'function';
        if (this.#tail.length) {
            data = new Uint8Array(this.#tail.length + chunk.length);
            data.set(this.#tail);
            data.set(chunk, this.#tail.length);
            this.#tail = EMPTY;
            this.#search = data;
            this.#native = false;
        }
        let pos = 0;
        while (pos < data.length && this.#state !== EPILOGUE) {
            pos = this.#state === HEADERS ? this.#scanHeaders(data, pos) : this.#scanBody(data, pos);
        }
    }
    /** Marks the end of the body; throws `BadRequest` when it ended early. */
    end() {
        switch (this.#state) {
            case EPILOGUE:
                return;
            case PREAMBLE:
                if (!this.#seenBytes)
                    return; // an empty body: no parts
                throw new BadRequest('The multipart body does not contain the boundary given in its Content-Type.');
            case HEADERS:
                throw new BadRequest('The multipart body ended inside the headers of a part (truncated body).');
            default:
                throw new BadRequest('The multipart body ended before its closing boundary (truncated body).');
        }
    }
    #scanBody(data, pos) {
        const needle = this.#needle;
        const n = needle.length;
        const len = data.length;
        let search = pos;
        for (;;) {
            const i = this.#candidate(data, search);
            if (i === -1) {
                // No delimiter can start here, except after a trailing CR: keep that one back.
                const end = data[len - 1] === CR ? len - 1 : len;
                this.#emit(data, pos, end);
                if (end < len)
                    this.#tail = data.slice(end);
                return len;
            }
            const avail = Math.min(n, len - i);
            let k = 1;
            while (k < avail && data[i + k] === needle[k])
                k++;
            if (k < n && i + k < len) {
                search = i + 1; // a mismatch: this LF is data
                continue;
            }
            const after = k < n ? NEED_MORE : this.#delimiterEnd(data, i + n);
            if (after === NOT_DELIMITER) {
                search = i + 1;
                continue;
            }
            const cut = i > pos && data[i - 1] === CR ? i - 1 : i;
            this.#emit(data, pos, cut);
            if (after === NEED_MORE) {
                this.#tail = data.slice(cut);
                return len;
            }
            if (this.#state === BODY)
                this.#handler.partEnd();
            if (this.#closing) {
                this.#state = EPILOGUE;
                return len;
            }
            this.#state = HEADERS;
            this.#headerSize = 0;
            this.#lineLen = 0;
            return after;
        }
    }
    /**
     * The next place a delimiter may start at or after `from`: an LF, or with a Node Buffer (whose
     * indexOf takes a multi-byte needle, natively and much faster than any loop in JS) a full
     * needle match or a partial one running into the end of the chunk. -1 when there is none.
     */
    #candidate(data, from) {
        const search = this.#search;
        if (!this.#native)
            return search.indexOf(LF, from);
        const full = search.indexOf(this.#needle, from);
        if (full !== -1)
            return full;
        const needle = this.#needle;
        const len = data.length;
        for (let k = search.indexOf(LF, Math.max(from, len - needle.length + 1)); k !== -1; k = search.indexOf(LF, k + 1)) {
            let m = 1;
            while (k + m < len && data[k + m] === needle[m])
                m++;
            if (k + m === len)
                return k;
        }
        return -1;
    }
    /** Where the delimiter line that ends at `j` (after `--boundary`) ends, or why it does not. */
    #delimiterEnd(data, j) {
        const len = data.length;
        if (j >= len)
            return NEED_MORE;
        if (data[j] === DASH) {
            if (j + 1 >= len)
                return NEED_MORE;
            if (data[j + 1] !== DASH)
                return NOT_DELIMITER;
            this.#closing = true;
            return j + 2;
        }
        let k = j;
        while (k < len && (data[k] === SP || data[k] === HT)) {
            if (++k - j > MAX_PADDING)
                return NOT_DELIMITER;
        }
        if (k >= len)
            return NEED_MORE;
        if (data[k] === LF)
            return k + 1;
        if (data[k] !== CR)
            return NOT_DELIMITER;
        if (k + 1 >= len)
            return NEED_MORE;
        return data[k + 1] === LF ? k + 2 : NOT_DELIMITER;
    }
    #emit(data, start, end) {
        if (end <= start)
            return;
        if (this.#state === BODY) {
            this.#handler.partData(data.subarray(start, end));
            return;
        }
        this.#preambleSize += end - start;
        if (this.#preambleSize > this.#limits.maxPreambleSize) {
            throw new RequestEntityTooLarge(`The multipart body has more than ${formatBytes(this.#limits.maxPreambleSize)} before its first boundary.`);
        }
    }
    #scanHeaders(data, pos) {
        const len = data.length;
        let p = pos;
        for (;;) {
            const i = this.#search.indexOf(LF, p);
            const end = i === -1 ? len : i + 1;
            if (this.#headerSize + (end - pos) > this.#limits.maxPartHeaderSize) {
                throw new RequestHeaderFieldsTooLarge(`The headers of a multipart part are larger than ${formatBytes(this.#limits.maxPartHeaderSize)}.`);
            }
            if (i === -1) {
                this.#lineLen += len - p;
                if (len > p)
                    this.#lastByte = data[len - 1];
                this.#headerPieces.push(data.slice(pos, len));
                this.#headerSize += len - pos;
                return len;
            }
            const lineLen = this.#lineLen + (i - p);
            const last = i > p ? data[i - 1] : this.#lastByte;
            this.#lineLen = 0;
            p = i + 1;
            if (lineLen === 0 || (lineLen === 1 && last === CR)) {
                let block = data.subarray(pos, p);
                if (this.#headerPieces.length) {
                    this.#headerPieces.push(block);
                    block = concatBytes(this.#headerPieces);
                    this.#headerPieces = [];
                }
                this.#state = BODY;
                this.#handler.partBegin(block);
                return p;
            }
        }
    }
}
//# sourceMappingURL=scanner.js.map