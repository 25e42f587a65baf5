/**
 * `tsgi/middleware`: apps that wrap apps, runtime-neutral (Web APIs only).
 * @module
 */
export { proxyFix, parseForwarded } from './proxy-fix.js';
export type { ProxyFixOptions, ProxyFixOriginal, ForwardedElement } from './proxy-fix.js';
export { dispatcher } from './dispatcher.js';
export type { Mounts } from './dispatcher.js';
export { compress, webCodecs, isCompressible } from './compress.js';
export type { CompressOptions, CodecFactory } from './compress.js';
export { cors } from './cors.js';
export type { CorsOptions, OriginPredicate } from './cors.js';
export { lint, LintError } from './lint.js';
export type { LintOptions } from './lint.js';
export { debugErrors } from './debug-errors.js';
