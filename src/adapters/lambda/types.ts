/**
 * The public types of `tsgi/lambda`. They describe only what the adapter reads and writes, so
 * the package needs no AWS types: the handlers are assignable to the `Handler` types of
 * `@types/aws-lambda` (`APIGatewayProxyHandler`, `APIGatewayProxyHandlerV2`, `ALBHandler`,
 * `LambdaFunctionURLHandler`) without depending on them.
 * @module
 */
import type { ErrorStream } from '../../gateway.js';

/**
 * The part of Lambda's context object that the adapter and apps are likely to use; the whole
 * object is in `environ['tsgi.lambda.context']`.
 *
 * @example
 * ```ts
 * const context = environ['tsgi.lambda.context'] as LambdaContext;
 * context.getRemainingTimeInMillis?.(); // 28974
 * ```
 */
export interface LambdaContext {
  /** The invocation's id, as in the logs. */
  awsRequestId?: string;
  /** The function's name. */
  functionName?: string;
  /** Milliseconds left before Lambda stops the invocation. */
  getRemainingTimeInMillis?(): number;
}

/**
 * What a buffered handler returns: the response in the shape its event source reads. API
 * Gateway REST (payload 1.0) gets `multiValueHeaders`; HTTP APIs (payload 2.0) and function URLs
 * get `headers` and `cookies`; an Application Load Balancer gets `statusDescription` and
 * `multiValueHeaders` or `headers`, as the request came in.
 *
 * @example
 * ```ts
 * const result: LambdaResult = { statusCode: 200, headers: { 'content-type': 'text/plain' }, body: 'hi', isBase64Encoded: false };
 * ```
 */
export interface LambdaResult {
  statusCode: number;
  /** The status line (`'200 OK'`), for load balancers. */
  statusDescription?: string;
  /** One value per name; repeated headers are joined with `, `. */
  headers?: Record<string, string>;
  /** Every value of every header, for sources that read them (REST APIs, ALB in multi-value mode). */
  multiValueHeaders?: Record<string, string[]>;
  /** The `Set-Cookie` values, for payload 2.0 sources (HTTP APIs, function URLs). */
  cookies?: string[];
  /** The body: UTF-8 text, or base64 when `isBase64Encoded`. */
  body: string;
  isBase64Encoded: boolean;
}

/**
 * A buffered Lambda handler: takes the event and the context, answers with the whole response.
 *
 * @example
 * ```ts
 * export const handler: LambdaHandler = toLambdaHandler(app);
 * ```
 */
export type LambdaHandler = (event: unknown, context?: LambdaContext) => Promise<LambdaResult>;

/**
 * The writable stream Lambda's Node runtime passes to a streaming handler (a Node `Writable`):
 * the members the adapter uses.
 *
 * @example
 * ```ts
 * const stream: LambdaResponseStream = awslambda.HttpResponseStream.from(responseStream, metadata);
 * stream.write(new TextEncoder().encode('hello'), (error) => { if (error) console.error(error); });
 * stream.end();
 * ```
 */
export interface LambdaResponseStream {
  /** Writes a chunk; `callback` runs once it is handed on, with an error when it cannot be. */
  write(chunk: Uint8Array, callback?: (error?: Error | null) => void): boolean;
  /** Ends the response; `callback` runs once everything is written. */
  end(callback?: () => void): unknown;
  /** Node streams emit `close` when they end or break. */
  on?(event: 'close', listener: () => void): unknown;
}

/**
 * The metadata a streaming handler sends before the body (Lambda's HTTP integration prelude).
 *
 * @example
 * ```ts
 * const metadata: LambdaStreamMetadata = { statusCode: 200, headers: { 'content-type': 'text/plain' }, cookies: [] };
 * ```
 */
export interface LambdaStreamMetadata {
  statusCode: number;
  headers: Record<string, string>;
  cookies: string[];
}

/**
 * A streaming handler, as `awslambda.streamifyResponse` takes and returns it.
 *
 * @example
 * ```ts
 * export const handler: LambdaStreamHandler | LambdaHandler = toLambdaStreamingHandler(app);
 * ```
 */
export type LambdaStreamHandler = (event: unknown, responseStream: LambdaResponseStream, context?: LambdaContext) => Promise<void>;

/**
 * Options for `toLambdaHandler` and `toLambdaStreamingHandler`, checked when the handler is made.
 *
 * @example
 * ```ts
 * const options: LambdaOptions = { maxBodySize: 1024 * 1024, basePath: '/v1' };
 * export const handler = toLambdaHandler(app, options);
 * ```
 */
export interface LambdaOptions {
  /** Where the app and the adapter write diagnostics (`tsgi.errors`); the console (CloudWatch) by default. */
  errors?: ErrorStream;
  /**
   * The largest request body accepted, in bytes after base64 decoding; a larger one is answered
   * 413 before the app runs. Default 6 MiB, Lambda's own limit for a synchronous invocation.
   */
  maxBodySize?: number;
  /**
   * Media types sent as UTF-8 text; every other response body is sent base64-encoded
   * (`isBase64Encoded: true`). Patterns may use `*` (`'text/*'`, `'application/*+json'`).
   * Default {@link DEFAULT_TEXT_TYPES}. A body that is compressed (`Content-Encoding`), declares
   * another charset, or is not valid UTF-8 is always sent as base64.
   */
  textTypes?: readonly string[];
  /**
   * A path prefix to move from `PATH_INFO` to `SCRIPT_NAME`, for an API mapped under a base path
   * of a custom domain (`'/v1'`): the platform leaves such a prefix in the path.
   */
  basePath?: string;
}

/**
 * The media types sent as text by default: `text/*`, JSON, XML, JavaScript, urlencoded forms and SVG.
 *
 * @example
 * ```ts
 * toLambdaHandler(app, { textTypes: [...DEFAULT_TEXT_TYPES, 'application/yaml'] });
 * ```
 */
export const DEFAULT_TEXT_TYPES: readonly string[] = Object.freeze([
  'text/*',
  'application/json',
  'application/*+json',
  'application/xml',
  'application/*+xml',
  'application/javascript',
  'application/x-www-form-urlencoded',
  'image/svg+xml',
]);
