import type { BodyDecoder } from './content-encoding.js';
/**
 * Decoders for `decodeContentEncoding(..., { decoders: nodeDecoders() })`: `br`, `gzip`, `deflate`.
 *
 * @example
 * ```ts
 * const body = decodeContentEncoding(input, 'br', { accept: true, decoders: nodeDecoders() });
 * ```
 */
export declare function nodeDecoders(): Record<string, BodyDecoder>;
//# sourceMappingURL=content-encoding.node.d.ts.map