/**
 * @internal What every exchange does when it ends, on HTTP/1.1 and HTTP/2 alike: close the app's
 * body iterator (rule 8.3: `return()` exactly once, its failure reported, never thrown) and write
 * the access log line.
 * @module
 */
import type { Environ, ErrorStream } from '../../gateway.js';
import type { AccessLogEntry } from './access-log.js';
import type { AnyIterator } from './body-pump.js';

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
  environ: Environ;
  statusCode: number;
  /** The client left before the head was sent: logged as 499, as nginx does. */
  abortedBeforeHead: boolean;
  bytes: number;
  started: number;
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
