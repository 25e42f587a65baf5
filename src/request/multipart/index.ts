/**
 * Streaming `multipart/form-data`: parsing, limits, part iteration and request cleanup.
 * @module
 */
export type { MultipartOptions, MultipartResult } from './parse.js';
// The parser loads on the first call (./lazy.ts); Part, a public class, is there at once.
export { parseMultipart, iterateParts } from './lazy.js';
export { Part } from './part.js';
export { assertBoundary, boundaryOf } from './boundary.js';
export { DEFAULT_MULTIPART_LIMITS, resolveLimits, type MultipartLimits } from './limits.js';
export { limitInput, type LimitInputOptions } from './input.js';
export { registerCleanup, runCleanup, withCleanup, CLEANUP_KEY, type CleanupFn } from '../cleanup.js';
export { readMultipart, requestParts, FILE_STORAGE_KEY, type MultipartSource } from './request-body.js';
export { parseOptions, type ParsedOptions } from './params.js';
