/**
 * The HTTP header layer: one pure parser per header, small value classes with `toString()`.
 * @module
 */
export * from './accept.js';
export * from './auth.js';
export * from './cache-control.js';
export * from './content-disposition.js';
export * from './content-type.js';
export * from './cors.js';
export * from './cookies.js';
export * from './csp.js';
export * from './dates.js';
export * from './error-format.js';
export * from './etag.js';
export * from './grammar.js';
export * from './header-set.js';
export * from './html.js';
export * from './origin.js';
export * from './range.js';
export * from './retry-after.js';
export * from './sse.js';
export * from './sse-parse.js';
export * from './status.js';
export * from './url.js';
export * from './utf8.js';
export * from './vary.js';
export * from './websocket.js';
