import { Response, type ResponseInit } from './response.js';
/**
 * Makes a Location value safe: browsers drop tabs and newlines inside URLs and read `\` as `/`,
 * so `/\evil.com` or `/\t/evil.com` would leave the site; a value that starts like a path keeps
 * exactly one leading slash. Non-ASCII and unsafe characters are percent-encoded.
 *
 * @example
 * ```ts
 * safeLocation('//evil.com/x'); // '/evil.com/x'
 * safeLocation('/caf\u00e9');   // '/caf%C3%A9'
 * ```
 */
export declare function safeLocation(location: string): string;
/**
 * A redirect to `location` (302 Found by default) with a short HTML body linking to it.
 *
 * @example
 * ```ts
 * return redirect('/login?next=%2Faccount', 303);
 * ```
 */
export declare function redirect(location: string, status?: number, init?: Omit<ResponseInit, 'status'>): Response;
//# sourceMappingURL=redirect.d.ts.map