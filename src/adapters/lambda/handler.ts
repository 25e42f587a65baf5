/**
 * `toLambdaHandler`: runs a tsgi app as an AWS Lambda function behind API Gateway (REST and HTTP
 * APIs), an Application Load Balancer or a function URL, answering with the whole response.
 * @module
 */
import type { App, Environ } from '../../gateway.js';
import { concatBytes } from '../../datastructures/bytes.js';
import { isBodyless, parseStatusLine } from '../../http/status.js';
import { AppRun } from '../../response/from-app.js';
import { encodeBody } from './body.js';
import type { EventShape } from './event.js';
import { internalError, prepare, refusalParts } from './prepare.js';
import { lambdaResult } from './result.js';
import { lambdaSettings, type LambdaSettings } from './settings.js';
import type { LambdaHandler, LambdaOptions, LambdaResult } from './types.js';

const EMPTY = new Uint8Array(0);

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
