import { type MultipartLimits } from './limits.js';
import type { PartInfo } from './part-headers.js';
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
export declare class PartAccounting {
    #private;
    constructor(limits: MultipartLimits);
    /** A part starts. */
    begin(info: PartInfo): void;
    /** `n` more bytes of the current part. */
    data(n: number): void;
}
//# sourceMappingURL=accounting.d.ts.map