/**
 * `tsgi.input` over an HTTP/2 stream: the request body read with back-pressure, which on HTTP/2
 * is flow control: data the app has not read is not acknowledged, so the client stops sending.
 * @module
 */
import type { ServerHttp2Stream } from 'node:http2';
import { ClientDisconnected } from '../input.js';
import { PausedInput } from '../paused-input.js';

/**
 * Reads one stream's body (see `PausedInput`), like `NodeInput` on HTTP/1.1. The end is
 * `readableEnded` (Node emits `end` once the client's END_STREAM is read); a stream destroyed
 * before that is a client that left (`ClientDisconnected`).
 */
class Http2InputIterator extends PausedInput<ServerHttp2Stream> {
  constructor(stream: ServerHttp2Stream) {
    super(stream, false);
  }

  protected take(): IteratorResult<Uint8Array, undefined> | null {
    const stream = this.source;
    if (stream.readableEnded) return this.end();
    if (stream.destroyed) {
      this.fail(new ClientDisconnected('the client reset the stream before sending the whole request body'));
      return null;
    }
    const chunk = stream.read() as Buffer | null;
    return chunk === null ? null : { done: false, value: chunk };
  }

  protected listen(stream: ServerHttp2Stream, onReadable: () => void): void {
    stream.on('readable', onReadable);
    stream.on('end', onReadable);
    stream.on('close', onReadable);
    stream.on('error', this.onError);
  }

  protected unlisten(stream: ServerHttp2Stream, onReadable: () => void): void {
    stream.off('readable', onReadable);
    stream.off('end', onReadable);
    stream.off('close', onReadable);
    stream.off('error', this.onError);
  }

  private readonly onError = (error: Error): void => {
    if (!this.source.readableEnded) this.fail(new ClientDisconnected(undefined, { cause: error }));
  };
}

/**
 * The `tsgi.input` of an HTTP/2 request with a body.
 *
 * @example
 * ```ts
 * server.on('stream', async (stream) => {
 *   let size = 0;
 *   for await (const chunk of new Http2Input(stream)) size += chunk.byteLength;
 *   stream.respond({ ':status': 200 });
 *   stream.end(String(size));
 * });
 * ```
 */
export class Http2Input implements AsyncIterable<Uint8Array> {
  constructor(private readonly stream: ServerHttp2Stream) {}

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array, undefined> {
    return new Http2InputIterator(this.stream);
  }
}
