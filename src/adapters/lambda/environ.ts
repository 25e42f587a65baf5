/**
 * The environ for a Lambda HTTP request (`docs/spec.md` section 3): the path split at the stage,
 * host and port from `Host`, the scheme from `X-Forwarded-Proto` (set by the platform, not the
 * client), the body already in memory, and the event and context under `tsgi.lambda.*`.
 * @module
 */
import { BufferedInput, emptyInput, headerKey, TSGI_VERSION, type Environ, type ErrorStream } from '../../gateway.js';
import { BadRequest } from '../../errors.js';
import { quotePath } from '../../http/url.js';
import { decodePath } from '../../request/decode-path.js';
import { lazySignalEnviron, type SignalSource } from '../../signal.js';
import type { LambdaRequest } from './event.js';
import type { LambdaContext } from './types.js';

/** What the environ is built from besides the request. */
export interface EnvironSources {
  event: unknown;
  context: LambdaContext | undefined;
  errors: ErrorStream;
  /** A prefix to move from `PATH_INFO` to `SCRIPT_NAME` (the `basePath` option), or `''`. */
  basePath: string;
  /** Where `tsgi.signal` comes from; `null` for a signal that never aborts. */
  signal: SignalSource | null;
}

const PORT = /^\d{1,5}$/;

/**
 * Builds the environ of a request read from a Lambda event. A `Host` header that holds two hosts
 * is a `BadRequest` (RFC 9112 section 3.2), as in the Fetch adapter.
 *
 * @example
 * ```ts
 * const environ = lambdaEnviron(readRequest(event, 'v2', limit), { event, context, errors, basePath: '', signal: null });
 * environ.PATH_INFO; // '/users/7'
 * ```
 */
export function lambdaEnviron(request: LambdaRequest, sources: EnvironSources): Environ {
  const fields: Record<string, unknown> = {};
  let declaredLength = false;
  for (const [name, value] of request.headers) {
    // `X_Forwarded_For` would share a key with `X-Forwarded-For` and could forge it (rule 3.11).
    if (name.includes('_')) continue;
    const key = headerKey(name);
    if (key === 'CONTENT_LENGTH') {
      // The body is in hand: its real length is set below, whatever the header said.
      declaredLength = true;
      continue;
    }
    const previous = fields[key];
    fields[key] = previous === undefined ? value : `${previous}${key === 'HTTP_COOKIE' ? '; ' : ', '}${value}`;
  }
  if (request.cookies !== undefined && request.cookies.length > 0) fields.HTTP_COOKIE = request.cookies.join('; ');
  const host = fields.HTTP_HOST as string | undefined;
  if (host?.includes(',')) throw new BadRequest('The request has more than one Host header (RFC 9112 section 3.2).');

  const scheme = forwardedScheme(fields.HTTP_X_FORWARDED_PROTO);
  const server = serverOf(host, sources.event, scheme, fields.HTTP_X_FORWARDED_PORT);
  const paths = splitPaths(request, sources.basePath);
  const body = request.body;

  Object.assign(fields, {
    REQUEST_METHOD: request.method,
    SCRIPT_NAME: paths.scriptName,
    PATH_INFO: paths.pathInfo,
    QUERY_STRING: request.query,
    SERVER_NAME: server.name,
    SERVER_PORT: server.port,
    SERVER_PROTOCOL: request.protocol,
    REQUEST_URI: request.query ? `${paths.target}?${request.query}` : paths.target,
    'tsgi.version': TSGI_VERSION,
    'tsgi.url_scheme': scheme,
    'tsgi.input': body.byteLength > 0 ? new BufferedInput([body]) : emptyInput(),
    'tsgi.errors': sources.errors,
    // One request at a time per instance; many instances serve the same function.
    'tsgi.multithread': false,
    'tsgi.multiprocess': true,
    'tsgi.run_once': false,
    'tsgi.lambda.event': sources.event,
  });
  if (body.byteLength > 0 || declaredLength) fields.CONTENT_LENGTH = String(body.byteLength);
  if (request.remoteAddr !== undefined) fields.REMOTE_ADDR = request.remoteAddr;
  else if (request.shape === 'alb' || request.shape === 'alb-multi') setAlbClient(fields);
  if (sources.context !== undefined) fields['tsgi.lambda.context'] = sources.context;
  return lazySignalEnviron(fields as Environ, sources.signal);
}

/**
 * The load balancer appends the address it accepted the connection from to `X-Forwarded-For`:
 * the last entry is the client (or the proxy in front of the balancer), whatever the client sent.
 */
function setAlbClient(fields: Record<string, unknown>): void {
  const forwarded = fields.HTTP_X_FORWARDED_FOR;
  if (typeof forwarded !== 'string') return;
  const last = forwarded.slice(forwarded.lastIndexOf(',') + 1).trim();
  if (last !== '') fields.REMOTE_ADDR = last;
}

function forwardedScheme(value: unknown): string {
  // API Gateway, function URLs and load balancers set it to the scheme the client used; a comma
  // would mean the client sent its own first, so the platform's is the last entry.
  if (typeof value !== 'string') return 'https';
  const last = value.slice(value.lastIndexOf(',') + 1).trim().toLowerCase();
  return last === 'http' || last === 'https' ? last : 'https';
}

function serverOf(host: string | undefined, event: unknown, scheme: string, forwardedPort: unknown): { name: string; port: string } {
  const fallbackPort = lastPort(forwardedPort) ?? (scheme === 'https' ? '443' : '80');
  // Without a Host header (an event typed into the console), the API's own domain stands in.
  const domain = (event as { requestContext?: { domainName?: unknown } }).requestContext?.domainName;
  const value = host ?? (typeof domain === 'string' && domain !== '' ? domain : 'localhost');
  let name = value;
  let port = '';
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    name = value.slice(1, end === -1 ? undefined : end);
    if (end !== -1 && value[end + 1] === ':') port = value.slice(end + 2);
  } else {
    const colon = value.lastIndexOf(':');
    if (colon !== -1) {
      name = value.slice(0, colon);
      port = value.slice(colon + 1);
    }
  }
  return { name: name || 'localhost', port: PORT.test(port) ? port : fallbackPort };
}

function lastPort(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const last = value.slice(value.lastIndexOf(',') + 1).trim();
  return PORT.test(last) ? last : undefined;
}

/** `SCRIPT_NAME` and `PATH_INFO` decoded (rule 3.4), and the target for `REQUEST_URI`. */
function splitPaths(request: LambdaRequest, basePath: string): { scriptName: string; pathInfo: string; target: string } {
  const decode = request.decoded ? (path: string) => path : decodePath;
  let scriptName = decode(request.scriptName);
  let pathInfo = decode(request.path);
  if (basePath !== '' && (pathInfo === basePath || pathInfo.startsWith(`${basePath}/`))) {
    scriptName += basePath;
    pathInfo = pathInfo.slice(basePath.length);
  }
  // A decoded path has lost its escapes: the target is quoted again, the best that can be known.
  const raw = `${request.scriptName}${request.path}`;
  return { scriptName, pathInfo, target: request.decoded ? quotePath(raw) : raw };
}
