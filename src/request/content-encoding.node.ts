/**
 * Node decoders for request `Content-Encoding`: `br` (Brotli), which the Web `DecompressionStream`
 * of Node 20 lacks, plus `gzip` and `deflate` through `node:zlib`.
 * @module
 */
import type { BrotliDecompress, Gunzip, Inflate } from 'node:zlib';
import { BadRequest } from '../errors.js';
import { readFailure } from './multipart/input.js';
import type { BodyDecoder } from './content-encoding.js';
import { nodeStream, nodeZlib } from '../node-builtins.node.js';

/** Compressed input goes in by slices this small (see `SLICE` in content-encoding.ts). */
const SLICE = 1024;

async function* slices(input: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array, void, undefined> {
  for await (const chunk of input) {
    for (let i = 0; i < chunk.length; i += SLICE) yield chunk.subarray(i, i + SLICE);
  }
}

function zlibDecoder(name: string, make: () => BrotliDecompress | Gunzip | Inflate): BodyDecoder {
  return async function* decode(input) {
    const source = nodeStream().Readable.from(slices(input), { objectMode: false, highWaterMark: SLICE });
    const inflater = make();
    let sourceError: unknown;
    source.on('error', (error) => {
      sourceError = error;
      inflater.destroy(error);
    });
    source.pipe(inflater);
    try {
      for await (const chunk of inflater as AsyncIterable<Buffer>) yield chunk;
    } catch (error) {
      if (sourceError !== undefined) throw readFailure(sourceError);
      throw new BadRequest(`The request body is not valid ${name} data.`, { cause: error });
    } finally {
      source.unpipe(inflater);
      source.destroy();
      inflater.destroy();
    }
  };
}

/**
 * Decoders for `decodeContentEncoding(..., { decoders: nodeDecoders() })`: `br`, `gzip`, `deflate`.
 *
 * @example
 * ```ts
 * const body = decodeContentEncoding(input, 'br', { accept: true, decoders: nodeDecoders() });
 * ```
 */
export function nodeDecoders(): Record<string, BodyDecoder> {
  return {
    // node:zlib loads with the first compressed request body (node-builtins.node.ts).
    br: zlibDecoder('br', () => nodeZlib().createBrotliDecompress({ chunkSize: 16 * 1024 })),
    gzip: zlibDecoder('gzip', () => nodeZlib().createGunzip({ chunkSize: 16 * 1024 })),
    deflate: zlibDecoder('deflate', () => nodeZlib().createInflate({ chunkSize: 16 * 1024 })),
  };
}
