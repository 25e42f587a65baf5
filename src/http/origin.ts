/**
 * Web origins (RFC 6454, the `Origin` request header): parsing and normalising the
 * `scheme://host[:port]` serialisation that browsers send, for exact comparison.
 * @module
 */

/**
 * Longer `Origin` values are refused without being parsed (a real one is under 300 characters).
 *
 * @example
 * ```ts
 * parseOrigin(`https://${'a'.repeat(MAX_ORIGIN_LENGTH)}.com`).error; // 'is longer than 2048 characters'
 * ```
 */
export const MAX_ORIGIN_LENGTH = 2048;

/**
 * The outcome of {@link parseOrigin}: the normalised origin, or why the text is not one.
 *
 * @example
 * ```ts
 * const parsed: ParsedOrigin = parseOrigin(text);
 * if (parsed.error !== undefined) throw new TypeError(`${text} ${parsed.error}`);
 * parsed.origin; // string
 * ```
 */
export type ParsedOrigin = { origin: string; error?: undefined } | { origin?: undefined; error: string };

/** Schemes whose hosts the WHATWG URL parser canonicalises and whose default port it knows. */
const SPECIAL = new Set(['http', 'https', 'ws', 'wss']);

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
// Dot-separated labels of letters, digits, '-' and '_' (no empty label, so no leading, trailing
// or doubled dot), or a bracketed IPv6 literal; then an optional port.
const AUTHORITY = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)(?::(\d{1,5}))?$/;

/**
 * Parses an origin as a browser serialises it, `scheme://host[:port]`, and normalises it: scheme
 * and host lower-cased, IPv6 and IPv4 literals in canonical form, the default port of `http`,
 * `https`, `ws` and `wss` dropped, so `https://Example.com:443` gives `https://example.com`.
 * `null` (the opaque origin of sandboxed frames, `file:` and `data:` pages) is returned as it is.
 *
 * Anything else is an error that says why: a path or a trailing slash, a query, a fragment, user
 * info, an empty or malformed host (a trailing dot included: `https://example.com.` is another
 * origin), a port over 65535, non-ASCII (browsers send `xn--` names) or more than
 * {@link MAX_ORIGIN_LENGTH} characters. Linear in the input.
 *
 * @example
 * ```ts
 * parseOrigin('HTTPS://Example.COM:443'); // { origin: 'https://example.com' }
 * parseOrigin('https://example.com/').error; // "ends with a slash: an origin has no path (write 'https://example.com')"
 * ```
 */
export function parseOrigin(text: string): ParsedOrigin {
  if (text === 'null') return { origin: 'null' };
  if (text.length > MAX_ORIGIN_LENGTH) return { error: `is longer than ${MAX_ORIGIN_LENGTH} characters` };
  // Printable ASCII only: no spaces, controls or non-ASCII anywhere.
  if (!/^[\x21-\x7e]*$/.test(text)) {
    return { error: 'has spaces, control or non-ASCII characters (write an international host in its xn-- form, as browsers send it)' };
  }
  const scheme = SCHEME.exec(text);
  if (!scheme) return { error: "is not scheme://host[:port] (for example 'https://example.com')" };
  const rest = text.slice(scheme[0].length);
  const end = rest.search(/[/?#]/);
  const authority = end === -1 ? rest : rest.slice(0, end);
  const bare = `${scheme[1]}://${authority}`;
  if (end !== -1) {
    const tail = rest.slice(end);
    if (tail === '/') return { error: `ends with a slash: an origin has no path (write '${bare}')` };
    const what = tail[0] === '/' ? 'a path' : tail[0] === '?' ? 'a query' : 'a fragment';
    return { error: `has ${what}: an origin is scheme://host[:port] only (write '${bare}')` };
  }
  if (authority.includes('@')) return { error: 'has user info (user@): an origin is scheme://host[:port] only' };
  const parts = AUTHORITY.exec(authority);
  if (!parts) {
    return authority.endsWith('.')
      ? { error: 'has a host that ends with a dot, which is another origin than the name without it' }
      : { error: 'has an empty or malformed host or port' };
  }
  const schemeName = scheme[1].toLowerCase();
  const port = parts[2];
  if (port !== undefined && Number(port) > 65535) return { error: 'has a port over 65535' };
  if (!SPECIAL.has(schemeName)) {
    if (parts[1].startsWith('[')) return { error: 'has an IPv6 host, which tsgi reads only for http, https, ws and wss' };
    return { origin: `${schemeName}://${parts[1].toLowerCase()}${port === undefined ? '' : `:${port}`}` };
  }
  let url: URL;
  try {
    url = new URL(`${schemeName}://${authority}`);
  } catch {
    return { error: 'has an empty or malformed host or port' };
  }
  // url.host is the canonical host plus the port unless it is the scheme's default.
  return { origin: `${schemeName}://${url.host}` };
}

/**
 * The normalised form of an `Origin` value (see {@link parseOrigin}), or `undefined` when it is not
 * a valid origin.
 *
 * @example
 * ```ts
 * normalizeOrigin('https://EXAMPLE.com:443'); // 'https://example.com'
 * normalizeOrigin('https://example.com.evil.net'); // 'https://example.com.evil.net' (another host)
 * normalizeOrigin('https://example.com/'); // undefined
 * ```
 */
export function normalizeOrigin(text: string): string | undefined {
  return parseOrigin(text).origin;
}
