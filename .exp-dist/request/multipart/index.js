/**
 * Streaming `multipart/form-data`: parsing, limits, part iteration and request cleanup.
 * @module
 */
export { parseMultipart } from './parse.js';
export { iterateParts, Part } from './parts.js';
export { assertBoundary, boundaryOf } from './boundary.js';
export { DEFAULT_MULTIPART_LIMITS, resolveLimits } from './limits.js';
export { limitInput } from './input.js';
export { registerCleanup, runCleanup, withCleanup, CLEANUP_KEY } from '../cleanup.js';
export { readMultipart, requestParts, FILE_STORAGE_KEY } from './request-body.js';
export { parseOptions } from './params.js';
//# sourceMappingURL=index.js.map