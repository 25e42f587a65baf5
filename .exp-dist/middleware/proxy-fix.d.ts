/**
 * `proxyFix`: trusts the `X-Forwarded-*` (or RFC 7239 `Forwarded`) headers set by a known number of
 * reverse proxies, as Werkzeug's `ProxyFix` does.
 * @module
 */
import type { App } from '../gateway.js';
/** How many proxies set each header; 0 ignores the header. */
export interface ProxyFixOptions {
    /** Proxies that append to `X-Forwarded-For` (sets `REMOTE_ADDR`). Default 1. */
    xFor?: number;
    /** Proxies that set `X-Forwarded-Proto` (sets `tsgi.url_scheme`). Default 1. */
    xProto?: number;
    /** Proxies that set `X-Forwarded-Host` (sets `HTTP_HOST`, `SERVER_NAME`, `SERVER_PORT`). Default 0. */
    xHost?: number;
    /** Proxies that set `X-Forwarded-Port` (sets `SERVER_PORT` and the port in `HTTP_HOST`). Default 0. */
    xPort?: number;
    /** Proxies that set `X-Forwarded-Prefix` (prepended to `SCRIPT_NAME`). Default 0. */
    xPrefix?: number;
    /**
     * Read the RFC 7239 `Forwarded` header instead of `X-Forwarded-For`, `-Proto` and `-Host`, with the
     * same hop counts (`xFor` for `for=`, `xProto` for `proto=`, `xHost` for `host=`). When on, those
     * three `X-Forwarded-*` headers are ignored, even when `Forwarded` is missing: a client could
     * send them. Default false.
     */
    forwarded?: boolean;
}
/** The environ values `proxyFix` replaced, kept under `proxy_fix.orig`. */
export interface ProxyFixOriginal {
    REMOTE_ADDR: string | undefined;
    REMOTE_PORT: string | undefined;
    'tsgi.url_scheme': string;
    HTTP_HOST: string | undefined;
    SERVER_NAME: string;
    SERVER_PORT: string;
    SCRIPT_NAME: string;
}
/**
 * Wraps an app so it sees the client address, scheme, host, port and prefix the trusted proxies
 * forwarded. For each header the value set by the N-th proxy from the right is used (N = the
 * option), so values a client forged to the left are never read; a header with fewer values than
 * N is ignored, and so is a value that is not a valid address, scheme, host, port or path. The
 * originals stay in `environ['proxy_fix.orig']`. Without `proxyFix`, proxy headers are never
 * trusted anywhere in tsgi.
 *
 * @example
 * ```ts
 * // nginx sets X-Forwarded-For, -Proto, -Host and -Prefix:
 * const app = proxyFix(site, { xFor: 1, xProto: 1, xHost: 1, xPrefix: 1 });
 * ```
 */
export declare function proxyFix(app: App, options?: ProxyFixOptions): App;
/** One element of a `Forwarded` header: its parameters by lower-cased name. */
export type ForwardedElement = Partial<Record<'for' | 'by' | 'proto' | 'host', string>> & Record<string, string>;
/**
 * Parses an RFC 7239 `Forwarded` header: comma-separated elements of `;`-separated `name=value`
 * pairs, values as tokens or quoted strings (with `\` escapes; commas and semicolons inside quotes
 * do not split). A malformed element is dropped as a whole, which makes every element to its left
 * unreachable for the hop count too (the list is cut at the bad one). Only the rightmost 100
 * elements are kept.
 *
 * @example
 * ```ts
 * parseForwarded('for="[2001:db8::1]:4711";proto=https, for=_hidden');
 * // [{ for: '[2001:db8::1]:4711', proto: 'https' }, { for: '_hidden' }]
 * ```
 */
export declare function parseForwarded(value: string | undefined): ForwardedElement[];
//# sourceMappingURL=proxy-fix.d.ts.map