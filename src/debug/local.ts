/**
 * Who may see the development error page: a browser on this machine talking straight to the
 * server. Werkzeug's debugger was reached through DNS rebinding (CVE-2024-34069): a page on
 * `evil.example` whose name resolves to 127.0.0.1 makes the browser send requests with
 * `Host: evil.example` from the loopback address. So the peer, the `Host` and any `Origin` must all
 * be loopback, and a request that went through a proxy (forwarding headers) never qualifies.
 * @module
 */
import type { Environ } from '../gateway.js';

const IPV4_LOOPBACK = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** True for `127.0.0.0/8` written as four decimal octets. */
function isLoopbackIPv4(address: string): boolean {
  const match = IPV4_LOOPBACK.exec(address);
  return match !== null && match.slice(1).every((octet) => Number(octet) <= 255);
}

/**
 * True for a loopback IP address as a peer address is written: `127.x.x.x`, `::1` (in full or
 * short form) or an IPv4-mapped `::ffff:127.x.x.x`.
 *
 * @example
 * ```ts
 * isLoopbackAddress('::ffff:127.0.0.1'); // true
 * isLoopbackAddress('10.0.0.1');         // false
 * ```
 */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const lower = address.toLowerCase();
  if (isLoopbackIPv4(lower)) return true;
  if (lower.startsWith('::ffff:')) return isLoopbackIPv4(lower.slice(7));
  return lower === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(lower);
}

/**
 * True when a `Host` header names this machine: `localhost`, a `127.x.x.x` address or `[::1]`,
 * with or without a port. Any other name, even one that resolves to 127.0.0.1, is refused.
 *
 * @example
 * ```ts
 * isLoopbackHost('localhost:8000'); // true
 * isLoopbackHost('evil.example');   // false
 * ```
 */
export function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined) return false;
  let name: string;
  let port: string;
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    if (end === -1) return false;
    name = host.slice(1, end);
    if (!isLoopbackAddress(name) || name.includes('.')) return false;
    port = host.slice(end + 1);
  } else {
    const colon = host.indexOf(':');
    name = colon === -1 ? host : host.slice(0, colon);
    port = colon === -1 ? '' : host.slice(colon);
    if (name.toLowerCase() !== 'localhost' && !isLoopbackIPv4(name)) return false;
  }
  return port === '' || /^:\d{1,5}$/.test(port);
}

/** True when an `Origin` header is an http(s) origin on a loopback host; `null` is not. */
function isLoopbackOrigin(origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return isLoopbackHost(url.host);
}

/** Request headers that only a proxy (or a client pretending to be one) sends. */
const FORWARDING_HEADERS = ['HTTP_FORWARDED', 'HTTP_X_FORWARDED_FOR', 'HTTP_X_FORWARDED_HOST', 'HTTP_X_REAL_IP'] as const;

/**
 * True when the request comes from this machine, straight to the server: the peer address
 * (`REMOTE_ADDR`) is loopback, the `Host` header is a loopback name, any `Origin` is a loopback
 * origin (so no other site's script can read the answer), and no forwarding header is present
 * (a proxy on this machine would otherwise make every visitor look local).
 *
 * @example
 * ```ts
 * isLocalRequest(createEnviron('http://localhost:8000/'));        // true
 * isLocalRequest(createEnviron('http://evil.example/'));          // false: the Host
 * ```
 */
export function isLocalRequest(environ: Environ): boolean {
  if (!isLoopbackAddress(environ.REMOTE_ADDR)) return false;
  if (!isLoopbackHost(environ.HTTP_HOST)) return false;
  const origin = environ.HTTP_ORIGIN;
  if (origin !== undefined && !isLoopbackOrigin(origin)) return false;
  return FORWARDING_HEADERS.every((key) => environ[key] === undefined);
}
