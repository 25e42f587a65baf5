/**
 * `tsgi/middleware`: apps that wrap apps, runtime-neutral (Web APIs only).
 * @module
 */
export { proxyFix, parseForwarded } from './proxy-fix.js';
export { dispatcher } from './dispatcher.js';
export { compress, webCodecs, isCompressible } from './compress.js';
export { lint, LintError } from './lint.js';
//# sourceMappingURL=index.js.map