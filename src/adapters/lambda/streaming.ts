/**
 * `toLambdaStreamingHandler`: response streaming through Lambda's Node runtime
 * (`awslambda.streamifyResponse`), with the HTTP integration prelude that function URLs and API
 * Gateway read: the JSON metadata, eight NUL bytes, then the body. Where the runtime offers no
 * streaming (`globalThis.awslambda` is missing), the buffered handler is used instead.
 * @module
 */
import type { App } from '../../gateway.js';
import { AppRun } from '../../response/from-app.js';
import { toLambdaHandler } from './handler.js';
import { internalError, prepare, refusalParts } from './prepare.js';
import { streamMetadata } from './result.js';
import { lambdaSettings } from './settings.js';
import type { LambdaHandler, LambdaOptions, LambdaResponseStream, LambdaStreamHandler, LambdaStreamMetadata } from './types.js';

/** The members of the runtime's `awslambda` global that streaming uses. */
interface AwsLambdaRuntime {
  streamifyResponse(handler: LambdaStreamHandler): LambdaStreamHandler;
  HttpResponseStream: { from(stream: LambdaResponseStream, metadata: LambdaStreamMetadata): LambdaResponseStream };
}

const EMPTY = new Uint8Array(0);

/**
 * Turns a tsgi app into a Lambda handler that streams its response: the status and headers go out
 * as soon as the app produces its first chunk, and each chunk as it comes (up to 200 MB, past the
 * 6 MB of a buffered response). The app's next chunk is pulled only once the previous one is
 * written. Requests are read as by {@link toLambdaHandler}. An error before the first chunk is a
 * plain 500; after it, the invocation fails, which cuts the response short. Outside Lambda's Node
 * runtime (no `globalThis.awslambda`), this is {@link toLambdaHandler}.
 *
 * Set the function URL's invoke mode to `RESPONSE_STREAM` (or use API Gateway's streaming
 * integration); a buffered integration cannot read a streamed response.
 *
 * @example
 * ```ts
 * import { toLambdaStreamingHandler } from 'tsgi/lambda';
 * import { app } from './app.js';
 *
 * export const handler = toLambdaStreamingHandler(app);
 * ```
 */
export function toLambdaStreamingHandler(app: App, options?: LambdaOptions): LambdaStreamHandler | LambdaHandler {
  const runtime = (globalThis as unknown as { awslambda?: Partial<AwsLambdaRuntime> }).awslambda;
  if (typeof runtime?.streamifyResponse !== 'function' || typeof runtime.HttpResponseStream?.from !== 'function') {
    return toLambdaHandler(app, options);
  }
  const { HttpResponseStream } = runtime as AwsLambdaRuntime;
  const settings = lambdaSettings('toLambdaStreamingHandler', options);
  return runtime.streamifyResponse(async (event, responseStream, context) => {
    const controller = new AbortController();
    const prepared = prepare(event, context, settings, { get signal() { return controller.signal; } });
    if ('refusal' in prepared) {
      const { status, headers, body } = await refusalParts(prepared.refusal);
      return sendWhole(HttpResponseStream.from(responseStream, streamMetadata(status, headers)), body);
    }
    const { environ } = prepared;
    let finished = false;
    // The stream closes early when the runtime gives up on the response: tell the app (rule 3.20),
    // also while it is still working towards its first chunk.
    responseStream.on?.('close', () => {
      if (!finished) controller.abort();
    });
    let run: AppRun;
    try {
      run = await AppRun.start(app, environ);
    } catch (error) {
      const { status, headers, body } = internalError(environ['tsgi.errors'], error);
      finished = true;
      return sendWhole(HttpResponseStream.from(responseStream, streamMetadata(status, headers)), body);
    }
    const stream = HttpResponseStream.from(responseStream, streamMetadata(run.status, run.headers));
    const pull = async (): Promise<Uint8Array | undefined> => {
      try {
        return await run.next();
      } catch (error) {
        // After the headers: fail the invocation, so the runtime ends the stream with an error and
        // the client sees a cut response, never a complete one (rule 9.3). The body is closed.
        controller.abort(error);
        environ['tsgi.errors'].write(`tsgi: error after the response started: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        throw error;
      }
    };
    // The prelude goes out with the first write, so an empty body still writes once (rule 7.4).
    for (let chunk: Uint8Array | undefined = (await pull()) ?? EMPTY; chunk !== undefined; chunk = await pull()) {
      try {
        await write(stream, chunk);
      } catch {
        // The runtime can no longer send anything: stop the app, which must not wait (rule 8.4).
        controller.abort();
        await run.close();
        return;
      }
    }
    finished = true;
    await end(stream);
  });
}

async function sendWhole(stream: LambdaResponseStream, body: Uint8Array): Promise<void> {
  await write(stream, body);
  await end(stream);
}

function write(stream: LambdaResponseStream, chunk: Uint8Array): Promise<void> {
  // One chunk in flight: the next is pulled from the app only once this one is handed on (rule 7.3).
  return new Promise((resolve, reject) => {
    stream.write(chunk, (error) => (error ? reject(error) : resolve()));
  });
}

function end(stream: LambdaResponseStream): Promise<void> {
  return new Promise((resolve) => {
    stream.end(() => resolve());
  });
}
