/**
 * The options of `toLambdaHandler` and `toLambdaStreamingHandler`, checked once when the handler
 * is made, so a mistake fails the cold start instead of every request.
 * @module
 */
import { consoleErrors, type ErrorStream } from '../../gateway.js';
import { optionsChecker } from '../../options.js';
import { textTypeMatcher } from './body.js';
import { DEFAULT_TEXT_TYPES, type LambdaOptions } from './types.js';

/** The options with their defaults filled in. */
export interface LambdaSettings {
  errors: ErrorStream;
  maxBodySize: number;
  isText: (mimetype: string) => boolean;
  basePath: string;
}

/** Lambda's payload limit for a synchronous invocation: 6 MB (MiB, in fact). */
const LAMBDA_PAYLOAD_LIMIT = 6 * 1024 * 1024;

const NAMES = { errors: true, maxBodySize: true, textTypes: true, basePath: true } as const;

/**
 * Checks the options of `where` and fills in the defaults.
 *
 * @example
 * ```ts
 * lambdaSettings('toLambdaHandler', { maxBodySize: 1_000_000 }).maxBodySize; // 1000000
 * ```
 */
export function lambdaSettings(where: string, options: LambdaOptions | undefined): LambdaSettings {
  optionsChecker<LambdaOptions>(where, NAMES)(options);
  const { errors = consoleErrors, maxBodySize = LAMBDA_PAYLOAD_LIMIT, textTypes = DEFAULT_TEXT_TYPES, basePath = '' } = options ?? {};
  if (!Number.isSafeInteger(maxBodySize) || maxBodySize < 0) {
    throw new TypeError(`${where}: maxBodySize must be a whole number of bytes, got ${String(maxBodySize)}`);
  }
  if (typeof basePath !== 'string' || (basePath !== '' && (!basePath.startsWith('/') || basePath.endsWith('/')))) {
    throw new TypeError(`${where}: basePath must start with "/" and not end with "/" (like "/v1"), got ${JSON.stringify(basePath)}`);
  }
  if (typeof errors?.write !== 'function') throw new TypeError(`${where}: errors must have a write(message) method`);
  return { errors, maxBodySize, isText: textTypeMatcher(textTypes, where), basePath };
}
