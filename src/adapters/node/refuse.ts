/**
 * Answering a request that is refused before the app runs (its head is malformed in a way Node's
 * parser lets through, such as two Host headers).
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPException } from '../../errors.js';
import type { Environ, ErrorStream } from '../../gateway.js';
import type { AccessLogEntry } from './access-log.js';
import { buildEnviron, type EnvironContext } from './environ.js';

/**
 * Answers `error` (an `HTTPException`, else a 500) with a short plain-text page and closes the
 * connection: a request whose head is broken says nothing reliable about the next one on it.
 * With `log` (the server's access log), the refusal gets its line like any exchange.
 *
 * @example
 * ```ts
 * try { environ = buildEnviron(req, context); } catch (error) { return refuseRequest(res, error, errors); }
 * ```
 */
export function refuseRequest(
  res: ServerResponse,
  error: unknown,
  errors: ErrorStream,
  log: ((entry: AccessLogEntry, now: number) => void) | null = null,
): void {
  const started = performance.now();
  const known = error instanceof HTTPException;
  if (!known) errors.write(`tsgi: error while reading a request head\n${error instanceof Error ? error.stack : String(error)}\n`);
  const code = known ? error.code : 500;
  const body = Buffer.from(known ? `${error.code} ${error.phrase}\n\n${error.description}\n` : 'Internal Server Error\n');
  if (res.headersSent || res.destroyed) return;
  res.shouldKeepAlive = false;
  res.writeHead(code, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(body.byteLength),
    Connection: 'close',
  });
  res.end(body);
  if (log === null) return;
  const req = res.req;
  log(
    {
      remoteAddr: req.socket?.remoteAddress ?? '',
      method: req.method ?? '',
      target: req.url ?? '',
      protocol: `HTTP/${req.httpVersion}`,
      status: code,
      bytes: body.byteLength,
      durationMs: performance.now() - started,
    },
    Date.now(),
  );
}

/**
 * The environ of a request head, or `undefined` once a head it cannot make one from (a malformed
 * path, say) has been answered with `refuseRequest`: what both the request and the upgrade
 * listeners do first.
 */
export function environOrRefusal(
  req: IncomingMessage,
  res: ServerResponse,
  context: EnvironContext,
  errors: ErrorStream,
  log: ((entry: AccessLogEntry, now: number) => void) | null,
): Environ | undefined {
  try {
    return buildEnviron(req, context);
  } catch (error) {
    refuseRequest(res, error, errors, log);
    return undefined;
  }
}
