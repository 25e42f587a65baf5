/**
 * Streaming `multipart/form-data`: parsing, limits, part iteration and request cleanup.
 * @module
 */
export { parseMultipart, type MultipartOptions, type MultipartResult } from './parse.js';
export { iterateParts, Part } from './parts.js';
export { assertBoundary, boundaryOf } from './boundary.js';
export { DEFAULT_MULTIPART_LIMITS, resolveLimits, type MultipartLimits } from './limits.js';
export { limitInput, type LimitInputOptions } from './input.js';
export { registerCleanup, runCleanup, withCleanup, CLEANUP_KEY, type CleanupFn } from '../cleanup.js';
export { readMultipart, requestParts, FILE_STORAGE_KEY, type MultipartSource } from './request-body.js';
export { parseOptions, type ParsedOptions } from './params.js';
//# sourceMappingURL=index.d.ts.map