/**
 * What `bindToEnviron` reads from a request: the host (validated, trusted hosts checked), the
 * subdomain under a configured server name, the scheme (`ws`/`wss` for a WebSocket upgrade), and
 * the script name, path, method and query string.
 * @module
 */
import { isWebSocketHandshake } from '../http/websocket.js';
import { BadRequest } from '../errors.js';
import type { Environ } from '../gateway.js';
import { isTrustedHost, requestHost } from '../request/host.js';
import type { BindOptions } from './adapter.js';

/**
 * A `Request` (or anything with its `environ` and validated `host`).
 *
 * @example
 * ```ts
 * map.bindToEnviron(new Request(environ)); // the request's trustedHosts apply
 * ```
 */
export interface RequestLike {
  readonly environ: Environ;
  /** The host, validated against the request's own trusted hosts. */
  readonly host: string;
}

/**
 * Options of `bindToEnviron`.
 *
 * @example
 * ```ts
 * map.bindToEnviron(environ, { serverName: 'example.com', trustedHosts: ['.example.com'], record: true });
 * ```
 */
export interface EnvironBindOptions {
  /** The application's host (and port): its subdomains are told apart by what precedes it. */
  serverName?: string;
  /** Route as this subdomain instead of telling it from the host. */
  subdomain?: string;
  /** Hosts accepted (`.example.com` for it and its subdomains); another Host is a 400. */
  trustedHosts?: readonly string[];
  /** `match()` (of the request's own path) stores `{ endpoint, params }` in `environ['tsgi.routing']`. */
  record?: boolean;
}

/** The arguments of `bind` for a request. */
export interface EnvironBinding {
  readonly serverName: string;
  readonly options: BindOptions;
  readonly environ: Environ;
}

/** Reads a request into `bind`'s arguments. */
export function bindingFromEnviron(
  source: Environ | RequestLike,
  options: EnvironBindOptions,
  map: { readonly hostMatching: boolean; readonly subdomainMatching: boolean },
): EnvironBinding {
  const isEnviron = typeof (source as Partial<Environ>).REQUEST_METHOD === 'string';
  const environ = isEnviron ? (source as Environ) : (source as RequestLike).environ;
  let scheme = environ['tsgi.url_scheme'];
  const host = isEnviron ? checkedHost(environ, scheme, options.trustedHosts) : trustedHost((source as RequestLike).host.toLowerCase(), options.trustedHosts);
  if (isWebsocketUpgrade(environ)) scheme = scheme === 'https' ? 'wss' : 'ws';
  let serverName = host;
  if (options.serverName !== undefined && !map.hostMatching) {
    serverName = options.serverName.toLowerCase();
    // Drop the scheme's default port, as the request's host has it dropped.
    if ((scheme === 'http' || scheme === 'ws') && serverName.endsWith(':80')) serverName = serverName.slice(0, -3);
    else if ((scheme === 'https' || scheme === 'wss') && serverName.endsWith(':443')) serverName = serverName.slice(0, -4);
  }
  let subdomain = options.subdomain;
  if (subdomain === undefined && map.subdomainMatching) {
    // What precedes the server name, at a label boundary. A host that is not under it (an IP
    // address, another name) gets the default subdomain.
    const dot = host.length - serverName.length - 1;
    if (host === serverName) subdomain = '';
    else if (dot > 0 && host.charCodeAt(dot) === 46 && host.endsWith(serverName)) subdomain = host.slice(0, dot);
  }
  return {
    serverName,
    environ,
    options: {
      urlScheme: scheme,
      subdomain,
      defaultMethod: environ.REQUEST_METHOD,
      scriptName: environ.SCRIPT_NAME,
      pathInfo: environ.PATH_INFO,
      queryArgs: environ.QUERY_STRING,
    },
  };
}

/** The host lower-cased, or a 400 when it is not trusted. */
function trustedHost(host: string, trustedHosts: readonly string[] | undefined): string {
  if (trustedHosts && !isTrustedHost(host, trustedHosts)) throw new BadRequest(`Host ${JSON.stringify(host)} is not trusted.`);
  return host;
}

// The last Host header checked, and what it gave. A server sees the same Host request after
// request: a string compare then stands for the shape test (a regular expression), the
// lower-casing and the trusted-hosts check (together about a tenth of a routed request in process,
// measured). Only a host that passed is kept, so a bad one is refused every time.
let lastRaw = '';
let lastScheme = '';
let lastTrusted: readonly string[] | undefined;
let lastHost = '';

/** The request's host (`requestHost`), lower-cased and checked against the trusted hosts. */
function checkedHost(environ: Environ, scheme: string, trustedHosts: readonly string[] | undefined): string {
  const raw = environ.HTTP_HOST;
  if (raw === undefined || raw === '') return trustedHost(requestHost(environ).toLowerCase(), trustedHosts);
  if (raw === lastRaw && scheme === lastScheme && trustedHosts === lastTrusted) return lastHost;
  const host = trustedHost(requestHost(environ).toLowerCase(), trustedHosts);
  lastRaw = raw;
  lastScheme = scheme;
  lastTrusted = trustedHosts;
  lastHost = host;
  return host;
}

/**
 * True for a WebSocket handshake: `Upgrade: websocket` and `Connection` listing `upgrade`.
 *
 * @example
 * ```ts
 * isWebsocketUpgrade({ ...environ, HTTP_UPGRADE: 'websocket', HTTP_CONNECTION: 'keep-alive, Upgrade' }); // true
 * ```
 */
export function isWebsocketUpgrade(environ: Environ): boolean {
  return isWebSocketHandshake(environ.HTTP_UPGRADE, environ.HTTP_CONNECTION);
}
