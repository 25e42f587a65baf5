/**
 * Counting parts, files and bytes against the multipart limits as the parser reports them.
 * @module
 */
import { RequestEntityTooLarge } from '../../errors.js';
import { formatBytes } from './limits.js';
/**
 * The limit checks shared by `parseMultipart` and `iterateParts`; each method throws a 413 the
 * moment a limit is crossed.
 *
 * @example
 * ```ts
 * const count = new PartAccounting(resolveLimits({}));
 * count.begin(info); count.data(chunk.length);
 * ```
 */
export class PartAccounting {
    #limits;
    #parts = 0;
    #files = 0;
    #size = 0;
    #isFile = false;
    #name = '';
    constructor(limits) {
        this.#limits = limits;
    }
    /** A part starts. */
    begin(info) {
        const limits = this.#limits;
        if (++this.#parts > limits.maxFormParts) {
            throw new RequestEntityTooLarge(`The form has more than ${limits.maxFormParts} parts.`);
        }
        this.#isFile = info.filename !== undefined;
        if (this.#isFile && ++this.#files > limits.maxFiles) {
            throw new RequestEntityTooLarge(`The form has more than ${limits.maxFiles} files.`);
        }
        this.#size = 0;
        this.#name = info.name;
    }
    /** `n` more bytes of the current part. */
    data(n) {
        this.#size += n;
        const limits = this.#limits;
        if (this.#isFile) {
            if (this.#size > limits.maxFileSize) {
                throw new RequestEntityTooLarge(`The file in field ${JSON.stringify(this.#name)} is larger than ${formatBytes(limits.maxFileSize)}.`);
            }
        }
        else if (this.#size > limits.maxFormMemorySize) {
            throw new RequestEntityTooLarge(`The form field ${JSON.stringify(this.#name)} is larger than ${formatBytes(limits.maxFormMemorySize)}.`);
        }
    }
}
//# sourceMappingURL=accounting.js.map