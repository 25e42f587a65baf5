/**
 * What both handlers do before and around the app: an event made into an environ or refused,
 * and the adapter's own answers (the refusal, the plain 500).
 * @module
 */
import type { Environ, ErrorStream } from '../../gateway.js';
import { HTTPException } from '../../errors.js';
import type { SignalSource } from '../../signal.js';
import { lambdaEnviron } from './environ.js';
import { eventShape, readRequest, type EventShape } from './event.js';
import type { LambdaSettings } from './settings.js';
import type { LambdaContext } from './types.js';

/** An HTTP event made into an environ, or the 4xx to answer it with instead. */
export type Prepared = { shape: EventShape; environ: Environ } | { shape: EventShape; refusal: HTTPException };

/** A response the adapter makes itself: status line, headers, body. */
export interface OwnResponse {
  status: string;
  headers: Array<[string, string]>;
  body: Uint8Array;
}

const INTERNAL_ERROR = new TextEncoder().encode('Internal Server Error\n');
const INTERNAL_ERROR_HEADERS: Array<[string, string]> = [['Content-Type', 'text/plain; charset=utf-8']];

/**
 * Reads an event into an environ; a broken HTTP event gives the `HTTPException` to answer with,
 * and an event that is no HTTP event throws a `TypeError`.
 *
 * @example
 * ```ts
 * const prepared = prepare(event, context, settings, null);
 * if ('environ' in prepared) run(app, prepared.environ);
 * ```
 */
export function prepare(event: unknown, context: LambdaContext | undefined, settings: LambdaSettings, signal: SignalSource | null): Prepared {
  const shape = eventShape(event);
  try {
    const request = readRequest(event, shape, settings.maxBodySize);
    const environ = lambdaEnviron(request, { event, context, errors: settings.errors, basePath: settings.basePath, signal });
    return { shape, environ };
  } catch (error) {
    if (error instanceof HTTPException) return { shape, refusal: error };
    throw error;
  }
}

/**
 * The status line, headers and body of the response for a refused event.
 *
 * @example
 * ```ts
 * const { status, headers, body } = await refusalParts(new BadRequest('no method'));
 * ```
 */
export async function refusalParts(error: HTTPException): Promise<OwnResponse> {
  const response = error.getResponse();
  return { status: response.status, headers: [...response.headers], body: await response.bytes() };
}

/**
 * The status line, headers and body of the plain 500 the adapter answers when the app fails
 * before its response could be sent; the error goes to `errors`, never to the client.
 *
 * @example
 * ```ts
 * const { status } = internalError(environ['tsgi.errors'], error); // '500 Internal Server Error'
 * ```
 */
export function internalError(errors: ErrorStream, error: unknown): OwnResponse {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  errors.write(`tsgi: error before the response started: ${message}\n`);
  return { status: '500 Internal Server Error', headers: INTERNAL_ERROR_HEADERS, body: INTERNAL_ERROR };
}
