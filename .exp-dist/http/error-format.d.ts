/** The formats an error page can take. */
export type ErrorFormat = 'html' | 'json' | 'text';
/**
 * The error page format the client prefers; HTML when it says nothing or accepts anything.
 *
 * @example
 * ```ts
 * bestErrorFormat('application/json'); // 'json'
 * bestErrorFormat(undefined);          // 'html'
 * ```
 */
export declare function bestErrorFormat(accept: string | undefined): ErrorFormat;
//# sourceMappingURL=error-format.d.ts.map