/**
 * The static checks of `lint`: environ shape, status line and header list (`docs/spec.md`
 * sections 3 and 6). The stateful checks on bodies and calls are in `lint.ts`.
 * @module
 */
import type { Environ } from '../gateway.js';
/** Receives one violation: the rule number, who broke it, and what was wrong. */
export type Report = (rule: string, side: 'app' | 'server', message: string) => void;
/**
 * Checks an environ against section 3 of the spec, reporting every violation found.
 *
 * @example
 * ```ts
 * checkEnviron(environ, (rule, side, message) => console.log(rule, side, message));
 * ```
 */
export declare function checkEnviron(environ: Environ, report: Report): void;
/**
 * Checks a status line (rule 6.2) and returns its code, or 0 when it is not one.
 *
 * @example
 * ```ts
 * checkStatus('200 OK', report); // 200
 * ```
 */
export declare function checkStatus(status: unknown, report: Report): number;
/**
 * Checks a response header list (rules 6.3, 6.4, 6.7).
 *
 * @example
 * ```ts
 * checkHeaders([['Content-Type', 'text/plain']], report, new Set(['connection']));
 * ```
 */
export declare function checkHeaders(headers: unknown, report: Report, hopByHop: ReadonlySet<string>): void;
/**
 * A short description of a value for error messages.
 *
 * @example
 * ```ts
 * describe('abc'); // 'a string "abc"'
 * ```
 */
export declare function describe(value: unknown): string;
//# sourceMappingURL=lint-rules.d.ts.map