export { TSGI_VERSION, BufferedInput, TextBody, consoleErrors, emptyInput, headerKey, headerName } from './gateway.js';
export { MultiDict } from './datastructures/multidict.js';
export { Headers, EnvironHeaders, assertHeader } from './datastructures/headers.js';
export { FileStorage, MemoryFileData, memoryStorage, } from './datastructures/file-storage.js';
export * from './errors.js';
export { Request } from './request/request.js';
export { asApp, errorResponse } from './request/application.js';
export { DEFAULT_QUERY_LIMITS } from './request/query.js';
export { REQUEST_DEFAULTS } from './request/defaults.js';
export { secureFilename } from './request/secure-filename.js';
export { parseMultipart, iterateParts, Part, boundaryOf, DEFAULT_MULTIPART_LIMITS, } from './request/multipart/index.js';
export { registerCleanup, runCleanup, withCleanup, hasCleanup } from './request/cleanup.js';
export { decodeContentEncoding, webDecoder } from './request/content-encoding.js';
export { Response, DEFAULT_CONTENT_TYPE } from './response/response.js';
export { redirect, safeLocation } from './response/redirect.js';
export * from './http/index.js';
export { makeConditional, isRangeableBody, conditionalRequest, } from './response/conditional.js';
//# sourceMappingURL=index.js.map