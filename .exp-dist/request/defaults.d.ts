/**
 * The defaults, by `Request` field name.
 *
 * @example
 * ```ts
 * REQUEST_DEFAULTS.maxContentLength; // 16 MiB
 * ```
 */
export declare const REQUEST_DEFAULTS: Readonly<{
    maxContentLength: number;
    maxBufferSize: number;
    maxFormMemorySize: 500000;
    maxFormParts: 1000;
    maxQueryLength: number;
    queryLimits: Readonly<import("./query.js").NestedQueryLimits>;
    trustedHosts: null;
    maxFiles: 100;
    maxFileSize: number;
    fileStorage: null;
    acceptContentEncodings: false;
}>;
//# sourceMappingURL=defaults.d.ts.map