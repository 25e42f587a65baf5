/**
 * The request as the development error page shows it: the request line and the headers, with
 * credentials replaced by `[redacted]`, since a page (or its JSON) gets pasted into issues and chats.
 * @module
 */
import { headerName, type Environ } from '../gateway.js';

/** The request line and headers of a request. */
export interface RequestSummary {
  method: string;
  /** The target as received (`REQUEST_URI`), else the path and query. */
  target: string;
  protocol: string;
  /** `[name, value]` pairs, credentials redacted. */
  headers: Array<[string, string]>;
}

/** What `[redacted]` stands in for. */
export const REDACTED = '[redacted]';

/** Headers that carry credentials: always redacted. */
const SECRET_HEADERS = new Set(['cookie', 'set-cookie', 'authorization', 'proxy-authorization']);
/** Names that look like they carry one (`X-Api-Key`, `X-Auth-Token`, `X-CSRF-Token`). */
const SECRET_NAME = /token|secret|api-?key|password|session/i;

/**
 * True when a header's value is not shown on the development error page.
 *
 * @example
 * ```ts
 * isSecretHeader('Cookie');    // true
 * isSecretHeader('X-Api-Key'); // true
 * isSecretHeader('Accept');    // false
 * ```
 */
export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase()) || SECRET_NAME.test(name);
}

/**
 * The request line and headers of `environ`, credentials redacted.
 *
 * @example
 * ```ts
 * summarizeRequest(createEnviron('/a?b=1', { headers: { Cookie: 'sid=1' } })).headers;
 * // [['Host', 'localhost'], ['Cookie', '[redacted]']]
 * ```
 */
export function summarizeRequest(environ: Environ): RequestSummary {
  const headers: Array<[string, string]> = [];
  for (const key of Object.keys(environ)) {
    // The name first: reading some tsgi.* keys has a cost (tsgi.signal is made on first read).
    const name = headerName(key);
    if (name === undefined) continue;
    const value = environ[key];
    if (typeof value !== 'string') continue;
    headers.push([name, isSecretHeader(name) ? REDACTED : value]);
  }
  const query = environ.QUERY_STRING ? `?${environ.QUERY_STRING}` : '';
  const target = typeof environ.REQUEST_URI === 'string' ? environ.REQUEST_URI : `${environ.SCRIPT_NAME}${environ.PATH_INFO}${query}`;
  return { method: environ.REQUEST_METHOD, target, protocol: environ.SERVER_PROTOCOL, headers };
}
