/**
 * `proxyFix`: trusts the `X-Forwarded-*` (or RFC 7239 `Forwarded`) headers set by a known number of
 * reverse proxies, as Werkzeug's `ProxyFix` does.
 * @module
 */
import type { App, Environ } from '../gateway.js';
import { decodePath } from '../request/decode-path.js';
import { copyEnviron } from '../signal.js';
import { optionsChecker } from '../options.js';

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

const checkOptions = optionsChecker<ProxyFixOptions>('proxyFix', {
  xFor: true,
  xProto: true,
  xHost: true,
  xPort: true,
  xPrefix: true,
  forwarded: true,
});

/** At most this many entries of a list header are read (the rightmost ones). */
const MAX_ENTRIES = 100;

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
export function proxyFix(app: App, options: ProxyFixOptions = {}): App {
  checkOptions(options);
  const xFor = hops(options.xFor ?? 1, 'xFor');
  const xProto = hops(options.xProto ?? 1, 'xProto');
  const xHost = hops(options.xHost ?? 0, 'xHost');
  const xPort = hops(options.xPort ?? 0, 'xPort');
  const xPrefix = hops(options.xPrefix ?? 0, 'xPrefix');
  const useForwarded = options.forwarded === true;

  return (environ, startResponse) => {
    const env: Environ = copyEnviron(environ);
    env['proxy_fix.orig'] = {
      REMOTE_ADDR: environ.REMOTE_ADDR,
      REMOTE_PORT: environ.REMOTE_PORT,
      'tsgi.url_scheme': environ['tsgi.url_scheme'],
      HTTP_HOST: environ.HTTP_HOST,
      SERVER_NAME: environ.SERVER_NAME,
      SERVER_PORT: environ.SERVER_PORT,
      SCRIPT_NAME: environ.SCRIPT_NAME,
    } satisfies ProxyFixOriginal;

    let forIp: { addr: string; port?: string } | undefined;
    let proto: string | undefined;
    let host: string | undefined;
    if (useForwarded) {
      const elements = parseForwarded(header(environ, 'HTTP_FORWARDED'));
      forIp = parseNode(nthFromRight(elements, xFor)?.for);
      proto = nthFromRight(elements, xProto)?.proto;
      host = nthFromRight(elements, xHost)?.host;
    } else {
      forIp = parseNode(nthFromRight(listValues(header(environ, 'HTTP_X_FORWARDED_FOR')), xFor));
      proto = nthFromRight(listValues(header(environ, 'HTTP_X_FORWARDED_PROTO')), xProto);
      host = nthFromRight(listValues(header(environ, 'HTTP_X_FORWARDED_HOST')), xHost);
    }

    if (forIp) {
      env.REMOTE_ADDR = forIp.addr;
      if (forIp.port !== undefined) env.REMOTE_PORT = forIp.port;
    }
    // Spec rule 3.14: the scheme is 'http' or 'https'; anything else is not trusted.
    const scheme = proto?.toLowerCase();
    if (scheme === 'http' || scheme === 'https') env['tsgi.url_scheme'] = scheme;
    const hostParts = host === undefined ? undefined : splitHost(host);
    if (hostParts) {
      env.HTTP_HOST = host;
      env.SERVER_NAME = hostParts.name;
      env.SERVER_PORT = hostParts.port ?? (env['tsgi.url_scheme'] === 'https' ? '443' : '80');
    }
    const port = nthFromRight(listValues(header(environ, 'HTTP_X_FORWARDED_PORT')), xPort);
    if (port !== undefined && /^\d{1,5}$/.test(port) && Number(port) > 0 && Number(port) < 65536) {
      const current = typeof env.HTTP_HOST === 'string' ? splitHost(env.HTTP_HOST) : undefined;
      if (current) env.HTTP_HOST = `${current.name.includes(':') ? `[${current.name}]` : current.name}:${port}`;
      env.SERVER_PORT = port;
    }
    const prefix = nthFromRight(listValues(header(environ, 'HTTP_X_FORWARDED_PREFIX')), xPrefix);
    const decodedPrefix = prefix === undefined ? undefined : checkPrefix(prefix);
    if (decodedPrefix !== undefined) env.SCRIPT_NAME = decodedPrefix + (environ.SCRIPT_NAME || '');
    return app(env, startResponse);
  };
}

function hops(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_ENTRIES) {
    throw new TypeError(`proxyFix: ${name} must be an integer from 0 to ${MAX_ENTRIES}, got ${value}`);
  }
  return value;
}

function header(environ: Environ, key: string): string | undefined {
  const value = environ[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The N-th entry from the right, or undefined when N is 0 or the list is shorter than N (a proxy
 * that should have added its entry did not, so the list cannot be trusted).
 */
function nthFromRight<T>(list: readonly T[], n: number): T | undefined {
  if (n === 0 || list.length < n) return undefined;
  return list[list.length - n];
}

/** The comma-separated values of a list header, trimmed; only the rightmost 100 are kept. */
function listValues(value: string | undefined): string[] {
  if (value === undefined || value === '') return [];
  const parts = value.split(',');
  const kept = parts.length > MAX_ENTRIES ? parts.slice(parts.length - MAX_ENTRIES) : parts;
  return kept.map((part) => part.trim());
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function isIPv6(text: string): boolean {
  // Hex groups, '::' at most once, an optional embedded IPv4 tail and zone; cheap and strict enough
  // to keep junk (names, paths, CR/LF) out of REMOTE_ADDR.
  if (!/^[0-9A-Fa-f:.]+(?:%[0-9A-Za-z._~-]+)?$/.test(text) || text.length > 64) return false;
  const bare = text.split('%')[0];
  if ((bare.match(/::/g) ?? []).length > 1) return false;
  const groups = bare.split(':');
  const tail = groups[groups.length - 1];
  if (tail.includes('.') && !IPV4.test(tail)) return false;
  const hexGroups = tail.includes('.') ? groups.slice(0, -1) : groups;
  if (hexGroups.some((g) => !/^[0-9A-Fa-f]{0,4}$/.test(g))) return false;
  const count = hexGroups.filter((g) => g !== '').length + (tail.includes('.') ? 2 : 0);
  return bare.includes('::') ? count < 8 : count === 8;
}

/**
 * A node as proxies write it: `192.0.2.1`, `192.0.2.1:4711`, `2001:db8::1`, `[2001:db8::1]:4711`.
 * Obfuscated identifiers (`_hidden`), `unknown` and anything that is not an IP give undefined.
 */
function parseNode(value: string | undefined): { addr: string; port?: string } | undefined {
  if (value === undefined) return undefined;
  let text = value.trim();
  let port: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text);
  if (bracketed) {
    text = bracketed[1];
    port = bracketed[2];
    if (!isIPv6(text)) return undefined;
  } else {
    const withPort = /^([\d.]+):(\d{1,5})$/.exec(text);
    if (withPort) {
      text = withPort[1];
      port = withPort[2];
    }
    if (!IPV4.test(text) && !isIPv6(text)) return undefined;
  }
  return port === undefined ? { addr: text } : { addr: text, port };
}

/** Splits a Host value into name and port; undefined when it is not a valid host. */
function splitHost(host: string): { name: string; port?: string } | undefined {
  const match = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~!$&'()*+,;=%-]+)(?::(\d{1,5}))?$/.exec(host);
  if (!match || host.length > 255) return undefined;
  const name = match[1].startsWith('[') ? match[1].slice(1, -1) : match[1];
  if (match[1].startsWith('[') && !isIPv6(name)) return undefined;
  return match[2] === undefined ? { name } : { name, port: match[2] };
}

/** A prefix path, decoded like `SCRIPT_NAME`, without a trailing slash; undefined when unsafe. */
function checkPrefix(raw: string): string | undefined {
  if (!raw.startsWith('/')) return undefined;
  const decoded = decodePath(raw).replace(/\/+$/, '');
  if (/[\0\r\n\\]/.test(decoded)) return undefined;
  if (decoded.split('/').some((segment) => segment === '.' || segment === '..')) return undefined;
  return decoded;
}

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
export function parseForwarded(value: string | undefined): ForwardedElement[] {
  if (value === undefined) return [];
  const elements: ForwardedElement[] = [];
  let element: ForwardedElement = Object.create(null);
  let i = 0;
  const n = value.length;
  const skipSpace = () => {
    while (i < n && (value[i] === ' ' || value[i] === '\t')) i++;
  };
  while (i < n) {
    skipSpace();
    if (value[i] === ',' && Object.keys(element).length === 0) {
      // An empty list element ("a=1, , b=2") is allowed by the list syntax and means nothing.
      i++;
      continue;
    }
    if (i >= n) break;
    const nameMatch = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/.exec(value.slice(i, i + 64));
    if (!nameMatch || value[i + nameMatch[0].length] !== '=') {
      // Unparseable from here: what lies to the left cannot be trusted to line up with hops.
      elements.length = 0;
      element = Object.create(null);
      const nextComma = value.indexOf(',', i);
      if (nextComma === -1) break;
      i = nextComma + 1;
      continue;
    }
    const name = nameMatch[0].toLowerCase();
    i += nameMatch[0].length + 1;
    let paramValue = '';
    if (value[i] === '"') {
      i++;
      let closed = false;
      while (i < n) {
        const ch = value[i];
        if (ch === '\\' && i + 1 < n) {
          paramValue += value[i + 1];
          i += 2;
        } else if (ch === '"') {
          i++;
          closed = true;
          break;
        } else {
          paramValue += ch;
          i++;
        }
      }
      if (!closed) {
        elements.length = 0;
        element = Object.create(null);
        break;
      }
    } else {
      const tokenMatch = /^[!#$%&'*+.^_`|~0-9A-Za-z:[\]-]*/.exec(value.slice(i, i + 512));
      paramValue = tokenMatch ? tokenMatch[0] : '';
      i += paramValue.length;
    }
    element[name] = paramValue;
    skipSpace();
    if (value[i] === ';') {
      i++;
    } else if (value[i] === ',' || i >= n) {
      elements.push(element);
      if (elements.length > MAX_ENTRIES) elements.shift();
      element = Object.create(null);
      i++;
    } else {
      // Junk after a value: drop what was read so far, as above.
      elements.length = 0;
      element = Object.create(null);
      const nextComma = value.indexOf(',', i);
      if (nextComma === -1) break;
      i = nextComma + 1;
    }
  }
  return elements;
}
