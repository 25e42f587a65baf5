/**
 * @internal What every exchange does when it ends, on HTTP/1.1 and HTTP/2 alike: close the app's
 * body iterator (rule 8.3: `return()` exactly once, its failure reported, never thrown) and write
 * the access log line; and how it reports an app's error.
 * @module
 */
import type { Environ, ErrorStream } from '../../gateway.js';
import type { AccessLogEntry } from './access-log.js';
import type { AnyIterator } from './body-pump.js';
import type { ListenerState } from './exchange.js';

/** How the server's reports name a request: its method and target. */
export function requestName(environ: Environ): string {
  return `${environ.REQUEST_METHOD} ${environ.REQUEST_URI ?? environ.PATH_INFO}`;
}

/** Reports to `errors` what the app threw (or rejected with) while serving `environ`. */
export function reportAppError(errors: ErrorStream, environ: Environ, error: unknown): void {
  errors.write(`tsgi: error in the app serving ${requestName(environ)}\n${errorText(error)}\n`);
}

/** An error as the server writes it to `tsgi.errors`: its stack when it has one. */
export function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

/** Calls the iterator's `return()`, if it has one; a throw or a rejection goes to `errors`. */
export function returnIterator(iterator: AnyIterator, errors: ErrorStream): void {
  const close = (iterator as { return?: (this: AnyIterator) => unknown }).return;
  if (typeof close !== 'function') return;
  try {
    const result = close.call(iterator);
    if (typeof (result as PromiseLike<unknown> | null)?.then === 'function') {
      (result as PromiseLike<unknown>).then(undefined, (error: unknown) => reportCloseError(error, errors));
    }
  } catch (error) {
    reportCloseError(error, errors);
  }
}

function reportCloseError(error: unknown, errors: ErrorStream): void {
  errors.write(`tsgi: error while closing the response body\n${errorText(error)}\n`);
}

/** What the access log needs of an exchange that ended. */
export interface EndedExchange {
  readonly environ: Environ;
  readonly statusCode: number;
  /** The client left before the head was sent: logged as 499, as nginx does. */
  readonly abortedBeforeHead: boolean;
  readonly bytes: number;
  readonly started: number;
}

/** An exchange as it ends: the access log's fields, its body's iterator and its listener. */
export interface EndingExchange extends EndedExchange {
  readonly iterator: AnyIterator | null;
  readonly state: ListenerState;
}

/**
 * Closes the body's iterator and writes the access log line. The caller sees to it that this runs
 * once per exchange; the exchange itself is the log's entry source, so no object is made for it.
 */
export function endExchange(exchange: EndingExchange): void {
  const { iterator, state } = exchange;
  if (iterator !== null) returnIterator(iterator, state.errors);
  const log = state.log;
  if (log) logExchange(log, exchange);
}

/** Writes the access log line of an exchange that ended. */
export function logExchange(log: (entry: AccessLogEntry, now: number) => void, ended: EndedExchange): void {
  const { environ } = ended;
  log(
    {
      remoteAddr: environ.REMOTE_ADDR ?? '',
      method: environ.REQUEST_METHOD,
      target: environ.REQUEST_URI ?? environ.PATH_INFO,
      protocol: environ.SERVER_PROTOCOL,
      status: ended.abortedBeforeHead ? 499 : ended.statusCode,
      bytes: ended.bytes,
      durationMs: performance.now() - ended.started,
    },
    Date.now(),
  );
}
