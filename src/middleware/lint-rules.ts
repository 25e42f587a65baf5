/**
 * The static checks of `lint`: environ shape, status line and header list (`docs/spec.md`
 * sections 3 and 6). The stateful checks on bodies and calls are in `lint.ts`.
 * @module
 */
import type { Environ } from '../gateway.js';

/** Receives one violation: the rule number, who broke it, and what was wrong. */
export type Report = (rule: string, side: 'app' | 'server', message: string) => void;

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const DIGITS = /^\d+$/;
const CTL_IN_VALUE = /[\r\n\0]/;
const CGI_KEY = /^[A-Z][A-Z0-9_]*$/;
const STATUS = /^([1-9]\d\d) ([^\x00-\x08\x0a-\x1f\x7f]*)$/;
const PROTOCOL = /^HTTP\/\d(\.\d)?$/;

const REQUIRED_STRINGS = [
  'REQUEST_METHOD',
  'SCRIPT_NAME',
  'PATH_INFO',
  'QUERY_STRING',
  'SERVER_NAME',
  'SERVER_PORT',
  'SERVER_PROTOCOL',
] as const;

const OPTIONAL_BOOLEANS = ['tsgi.multithread', 'tsgi.multiprocess', 'tsgi.run_once'];

/**
 * Checks an environ against section 3 of the spec, reporting every violation found.
 *
 * @example
 * ```ts
 * checkEnviron(environ, (rule, side, message) => console.log(rule, side, message));
 * ```
 */
export function checkEnviron(environ: Environ, report: Report): void {
  if (environ === null || typeof environ !== 'object') {
    report('3.1', 'server', `the environ must be an object, got ${describe(environ)}`);
    return;
  }
  for (const key of REQUIRED_STRINGS) {
    if (typeof environ[key] !== 'string') report('3.1', 'server', `environ.${key} must be a string, got ${describe(environ[key])}`);
  }
  const method = environ.REQUEST_METHOD;
  if (typeof method === 'string' && !TOKEN.test(method)) {
    report('3.2', 'server', `REQUEST_METHOD ${JSON.stringify(method)} is not an HTTP token`);
  }
  const script = environ.SCRIPT_NAME;
  if (typeof script === 'string' && script !== '' && (!script.startsWith('/') || script.endsWith('/'))) {
    report('3.3', 'server', `SCRIPT_NAME ${JSON.stringify(script)} must be empty or start with "/" and not end with "/"`);
  }
  const path = environ.PATH_INFO;
  if (typeof path === 'string' && path !== '' && !path.startsWith('/')) {
    report('3.4', 'server', `PATH_INFO ${JSON.stringify(path)} must be empty or start with "/"`);
  }
  if (typeof environ.SERVER_NAME === 'string' && environ.SERVER_NAME === '') {
    report('3.6', 'server', 'SERVER_NAME is empty');
  }
  const port = environ.SERVER_PORT;
  if (typeof port === 'string' && !DIGITS.test(port)) report('3.6', 'server', `SERVER_PORT ${JSON.stringify(port)} is not decimal digits`);
  const protocol = environ.SERVER_PROTOCOL;
  if (typeof protocol === 'string' && !PROTOCOL.test(protocol)) {
    report('3.7', 'server', `SERVER_PROTOCOL ${JSON.stringify(protocol)} is not HTTP/x or HTTP/x.y`);
  }
  const length = environ.CONTENT_LENGTH;
  if (length !== undefined && (typeof length !== 'string' || !DIGITS.test(length))) {
    report('3.9', 'server', `CONTENT_LENGTH must be absent or decimal digits, got ${describe(length)}`);
  }
  for (const key of ['HTTP_CONTENT_TYPE', 'HTTP_CONTENT_LENGTH']) {
    if (key in environ) report('3.9', 'server', `${key} must not be set; the header belongs in ${key.slice(5)}`);
  }
  checkKeys(environ, report);
  checkTsgiKeys(environ, report);
}

function checkKeys(environ: Environ, report: Report): void {
  for (const key of Object.keys(environ)) {
    const value = environ[key];
    if (CGI_KEY.test(key)) {
      if (value === undefined) continue;
      if (typeof value !== 'string') {
        report(key.startsWith('HTTP_') ? '3.10' : '3.12', 'server', `environ.${key} must be a string, got ${describe(value)}`);
      } else if (key.startsWith('HTTP_') && CTL_IN_VALUE.test(value)) {
        report('3.10', 'server', `environ.${key} contains CR, LF or NUL`);
      } else if (key === 'REMOTE_PORT' && !DIGITS.test(value)) {
        report('3.12', 'server', `REMOTE_PORT ${JSON.stringify(value)} is not decimal digits`);
      }
    } else if (!key.includes('.')) {
      report('3.18', 'server', `environ key ${JSON.stringify(key)} is neither an upper-case CGI key nor a dotted extension key`);
    }
  }
}

function checkTsgiKeys(environ: Environ, report: Report): void {
  const version = environ['tsgi.version'] as unknown;
  if (!Array.isArray(version) || version.length !== 2 || version[0] !== 1 || version[1] !== 0) {
    report('3.13', 'server', `tsgi.version must be [1, 0], got ${describe(version)}`);
  }
  const scheme = environ['tsgi.url_scheme'];
  if (scheme !== 'http' && scheme !== 'https') {
    report('3.14', 'server', `tsgi.url_scheme must be "http" or "https", got ${describe(scheme)}`);
  }
  const input = environ['tsgi.input'] as unknown;
  if (input == null || typeof (input as AsyncIterable<unknown>)[Symbol.asyncIterator] !== 'function') {
    report('3.15', 'server', `tsgi.input must be an async iterable, got ${describe(input)}`);
  }
  const errors = environ['tsgi.errors'] as unknown;
  if (errors == null || typeof (errors as { write?: unknown }).write !== 'function') {
    report('3.16', 'server', `tsgi.errors must have a write(message) method, got ${describe(errors)}`);
  }
  for (const key of OPTIONAL_BOOLEANS) {
    const value = environ[key];
    if (value !== undefined && typeof value !== 'boolean') report('3.17', 'server', `${key} must be a boolean, got ${describe(value)}`);
  }
  const signal = environ['tsgi.signal'] as unknown;
  if (signal !== undefined && !isAbortSignal(signal)) {
    report('3.20', 'server', `tsgi.signal must be an AbortSignal, got ${describe(signal)}`);
  }
  const throwErrors = environ['tsgi.throw_errors'];
  if (throwErrors !== undefined && typeof throwErrors !== 'boolean') {
    report('3.19', 'server', `tsgi.throw_errors must be a boolean, got ${describe(throwErrors)}`);
  }
  const debug = environ['tsgi.debug'];
  if (debug !== undefined && typeof debug !== 'boolean') {
    report('3.21', 'server', `tsgi.debug must be a boolean, got ${describe(debug)}`);
  }
  for (const key of ['tsgi.lambda.event', 'tsgi.lambda.context']) {
    const value = environ[key];
    if (value !== undefined && (typeof value !== 'object' || value === null)) report('3.22', 'server', `${key} must be an object, got ${describe(value)}`);
  }
  const routing = environ['tsgi.routing'] as { endpoint?: unknown; params?: unknown } | null | undefined;
  if (
    routing !== undefined &&
    (typeof routing !== 'object' || routing === null || typeof routing.params !== 'object' || routing.params === null ||
      (routing.endpoint !== undefined && typeof routing.endpoint !== 'string'))
  ) {
    report('3.23', 'server', `tsgi.routing must be { endpoint: string | undefined, params: object }, got ${describe(routing)}`);
  }
}

/**
 * True for an `AbortSignal`, also one from another realm (a test environment's, a worker's).
 *
 * @example
 * ```ts
 * isAbortSignal(new AbortController().signal); // true
 * ```
 */
export function isAbortSignal(value: unknown): value is AbortSignal {
  if (typeof AbortSignal === 'function' && value instanceof AbortSignal) return true;
  const signal = value as Partial<AbortSignal> | null;
  return typeof signal === 'object' && signal !== null && typeof signal.aborted === 'boolean' && typeof signal.addEventListener === 'function';
}

/**
 * Checks a status line (rule 6.2) and returns its code, or 0 when it is not one.
 *
 * @example
 * ```ts
 * checkStatus('200 OK', report); // 200
 * ```
 */
export function checkStatus(status: unknown, report: Report): number {
  const match = typeof status === 'string' ? STATUS.exec(status) : null;
  if (!match) {
    report('6.2', 'app', `status must be "NNN reason" with a code from 100 to 999, got ${describe(status)}`);
    return 0;
  }
  return Number(match[1]);
}

/**
 * Checks a response header list (rules 6.3, 6.4, 6.7, 6.8).
 *
 * @example
 * ```ts
 * checkHeaders([['Content-Type', 'text/plain']], report, new Set(['connection']));
 * ```
 */
export function checkHeaders(headers: unknown, report: Report, hopByHop: ReadonlySet<string>): void {
  if (!Array.isArray(headers)) {
    report('6.3', 'app', `headers must be an array of [name, value] pairs, got ${describe(headers)}`);
    return;
  }
  let lengths = 0;
  for (const pair of headers as unknown[]) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') {
      report('6.3', 'app', `each header must be a [name, value] pair of strings, got ${describePair(pair)}`);
      continue;
    }
    const [name, value] = pair as [string, string];
    if (!TOKEN.test(name)) report('6.3', 'app', `header name ${JSON.stringify(name)} is not an HTTP token`);
    if (CTL_IN_VALUE.test(value)) report('6.3', 'app', `header ${name} contains CR, LF or NUL: ${JSON.stringify(value)}`);
    const lower = name.toLowerCase();
    if (hopByHop.has(lower)) report('6.4', 'app', `hop-by-hop header ${name} must not be sent by the app`);
    if (lower === 'status') {
      report('6.8', 'app', `a ${name} header must not be sent: the status goes through startResponse (under CGI this header would set it)`);
    }
    if (lower === 'content-length') {
      lengths++;
      if (lengths === 2) report('6.7', 'app', 'Content-Length sent more than once');
      if (!DIGITS.test(value)) report('6.7', 'app', `Content-Length ${JSON.stringify(value)} is not decimal digits`);
    }
  }
}

function describePair(pair: unknown): string {
  if (!Array.isArray(pair)) return describe(pair);
  return `[${pair.map((item) => (typeof item === 'string' ? JSON.stringify(item) : describe(item))).join(', ')}]`;
}

/**
 * A short description of a value for error messages.
 *
 * @example
 * ```ts
 * describe('abc'); // 'a string "abc"'
 * ```
 */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return `a string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  if (typeof value !== 'object' && typeof value !== 'function') return `${typeof value} ${String(value)}`;
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  const name = (value as object).constructor?.name;
  return name ? `a ${name}` : 'an object';
}
