import { BadRequest } from '../errors.js';
// A registered name or IPv4 address, or a bracketed IPv6 literal, then an optional port.
const HOST = /^(?:\[[0-9A-Fa-f:.]+(?:%[\w.~-]+)?\]|[A-Za-z0-9._~!$&'()*+,;=%-]+)(?::(\d{1,5}))?$/;
/**
 * The host and port the client asked for, without the scheme's default port; a 400 for a Host
 * header that is malformed or too long.
 *
 * @example
 * ```ts
 * requestHost({ ...environ, HTTP_HOST: 'example.com:80', 'tsgi.url_scheme': 'http' }); // 'example.com'
 * ```
 */
export function requestHost(environ) {
    const scheme = environ['tsgi.url_scheme'];
    let host = environ.HTTP_HOST;
    if (host === undefined || host === '') {
        host = environ.SERVER_NAME;
        if (host.includes(':') && !host.startsWith('['))
            host = `[${host}]`;
        if (environ.SERVER_PORT)
            host = `${host}:${environ.SERVER_PORT}`;
    }
    if (host.length > 255 || !HOST.test(host)) {
        throw new BadRequest(`Invalid Host header: ${JSON.stringify(host.slice(0, 100))}.`);
    }
    if ((scheme === 'http' || scheme === 'ws') && host.endsWith(':80'))
        return host.slice(0, -3);
    if ((scheme === 'https' || scheme === 'wss') && host.endsWith(':443'))
        return host.slice(0, -4);
    return host;
}
/**
 * True when `host` (with or without port) matches one of `trusted`: an exact name, or a name
 * starting with a dot that also matches every subdomain (`.example.com`).
 *
 * @example
 * ```ts
 * isTrustedHost('api.example.com:8443', ['.example.com']); // true
 * ```
 */
export function isTrustedHost(host, trusted) {
    const name = stripPort(host).toLowerCase();
    for (const entry of trusted) {
        let pattern = entry.toLowerCase();
        if (pattern.startsWith('.')) {
            pattern = pattern.slice(1);
            if (name === pattern || name.endsWith(`.${pattern}`))
                return true;
        }
        else if (name === stripPort(pattern)) {
            return true;
        }
    }
    return false;
}
function stripPort(host) {
    if (host.startsWith('['))
        return host.slice(0, host.indexOf(']') + 1);
    const colon = host.lastIndexOf(':');
    return colon === -1 ? host : host.slice(0, colon);
}
//# sourceMappingURL=host.js.map