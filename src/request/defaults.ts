/**
 * The default limits of every `Request` (DESIGN section 5), kept on the prototype so that building
 * a request costs nothing for them and a subclass field or an assignment overrides them.
 * @module
 */
import { DEFAULT_QUERY_LIMITS } from './query.js';

const MiB = 1024 * 1024;

/**
 * The defaults, by `Request` field name.
 *
 * @example
 * ```ts
 * REQUEST_DEFAULTS.maxContentLength; // 16 MiB
 * ```
 */
export const REQUEST_DEFAULTS = Object.freeze({
  maxContentLength: 16 * MiB,
  maxBufferSize: MiB,
  maxFormMemorySize: 500_000,
  maxFormParts: 1000,
  maxQueryLength: 16 * 1024,
  queryLimits: DEFAULT_QUERY_LIMITS,
  trustedHosts: null,
  maxFiles: 100,
  maxFileSize: Infinity,
  fileStorage: null,
  acceptContentEncodings: false,
  debug: false,
});
