/**
 * The request's host: taken from Host (or SERVER_NAME/SERVER_PORT), default port dropped,
 * checked for shape and against the trusted hosts.
 * @module
 */
import type { Environ } from '../gateway.js';
/**
 * The host and port the client asked for, without the scheme's default port; a 400 for a Host
 * header that is malformed or too long.
 *
 * @example
 * ```ts
 * requestHost({ ...environ, HTTP_HOST: 'example.com:80', 'tsgi.url_scheme': 'http' }); // 'example.com'
 * ```
 */
export declare function requestHost(environ: Environ): string;
/**
 * True when `host` (with or without port) matches one of `trusted`: an exact name, or a name
 * starting with a dot that also matches every subdomain (`.example.com`).
 *
 * @example
 * ```ts
 * isTrustedHost('api.example.com:8443', ['.example.com']); // true
 * ```
 */
export declare function isTrustedHost(host: string, trusted: readonly string[]): boolean;
//# sourceMappingURL=host.d.ts.map