/**
 * `tsgi/lambda`: run a tsgi app on AWS Lambda, behind API Gateway (REST and HTTP APIs), an
 * Application Load Balancer or a function URL, buffered or streamed. Web-standard APIs only: no
 * AWS SDK, no `Buffer`.
 * @module
 */
export { toLambdaHandler } from './handler.js';
export { toLambdaStreamingHandler } from './streaming.js';
export { DEFAULT_TEXT_TYPES } from './types.js';
export type {
  LambdaContext,
  LambdaHandler,
  LambdaOptions,
  LambdaResponseStream,
  LambdaResult,
  LambdaStreamHandler,
  LambdaStreamMetadata,
} from './types.js';
