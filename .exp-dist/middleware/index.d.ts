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
export { lint, LintError } from './lint.js';
export type { LintOptions } from './lint.js';
//# sourceMappingURL=index.d.ts.map