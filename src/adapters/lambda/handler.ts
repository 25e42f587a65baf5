/**
 * `toLambdaHandler`: runs a tsgi app as an AWS Lambda function behind API Gateway (REST and HTTP
 * APIs), an Application Load Balancer or a function URL, answering with the whole response.
 * @module
 */
import type { App, Environ, ErrorStream } from '../../gateway.js';
import { concatBytes } from '../../datastructures/bytes.js';
import { HTTPException } from '../../errors.js';
import { isBodyless, parseStatusLine } from '../../http/status.js';
import { AppRun } from '../../response/from-app.js';
import type { SignalSource } from '../../signal.js';
import { encodeBody } from './body.js';
import { lambdaEnviron } from './environ.js';
import { eventShape, readRequest, type EventShape } from './event.js';
import { lambdaResult } from './result.js';
import { lambdaSettings, type LambdaSettings } from './settings.js';
import type { LambdaContext, LambdaHandler, LambdaOptions, LambdaResult } from './types.js';

/** An HTTP event made into an environ, or the 4xx to answer it with instead. */
export type Prepared = { shape: EventShape; environ: Environ } | { shape: EventShape; refusal: HTTPException };

const EMPTY = new Uint8Array(0);
const INTERNAL_ERROR = new TextEncoder().encode('Internal Server Error\n');
const INTERNAL_ERROR_HEADERS: Array<[string, string]> = [['Content-Type', 'text/plain; charset=utf-8']];

/**
 * Turns a tsgi app into a buffered Lambda handler for API Gateway REST APIs (payload 1.0), HTTP
 * APIs (1.0 and 2.0), Application Load Balancers and function URLs: the event becomes an environ
 * (the stage in `SCRIPT_NAME`, the event and context in `tsgi.lambda.event` and
 * `tsgi.lambda.context`), and the app's response becomes the result that source reads, its body
 * as text or base64 by content type. A broken HTTP event is answered 400, a body over
 * `maxBodySize` 413, an error in the app 500 (written to `tsgi.errors`); an event that is no HTTP
 * event at all is a `TypeError`, which fails the invocation.
 *
 * @example
 * ```ts
 * import { toLambdaHandler } from 'tsgi/lambda';
 * import { app } from './app.js';
 *
 * export const handler = toLambdaHandler(app);
 * ```
 */
export function toLambdaHandler(app: App, options?: LambdaOptions): LambdaHandler {
  const settings = lambdaSettings('toLambdaHandler', options);
  return async (event, context) => {
    const prepared = prepare(event, context, settings, null);
    if ('refusal' in prepared) {
      const { status, headers, body } = await refusalParts(prepared.refusal);
      return lambdaResult(prepared.shape, status, headers, encodeBody(body, headers, settings.isText), settings.errors);
    }
    return bufferedResult(app, prepared.environ, prepared.shape, settings);
  };
}

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
export async function refusalParts(error: HTTPException): Promise<{ status: string; headers: Array<[string, string]>; body: Uint8Array }> {
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
export function internalError(errors: ErrorStream, error: unknown): { status: string; headers: Array<[string, string]>; body: Uint8Array } {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  errors.write(`tsgi: error before the response started: ${message}\n`);
  return { status: '500 Internal Server Error', headers: INTERNAL_ERROR_HEADERS, body: INTERNAL_ERROR };
}

async function bufferedResult(app: App, environ: Environ, shape: EventShape, settings: LambdaSettings): Promise<LambdaResult> {
  let status: string;
  let headers: Array<[string, string]>;
  let body: Uint8Array;
  try {
    // Nothing reaches the client before the result is returned, so an error anywhere in the body
    // can still become a 500 instead of a cut response.
    const run = await AppRun.start(app, environ);
    const chunks = await run.rest();
    status = run.status;
    headers = run.headers;
    body = isBodyless(parseStatusLine(status)) ? EMPTY : concatBytes(chunks);
  } catch (error) {
    ({ status, headers, body } = internalError(environ['tsgi.errors'], error));
  }
  return lambdaResult(shape, status, headers, encodeBody(body, headers, settings.isText), environ['tsgi.errors']);
}
