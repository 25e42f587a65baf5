/**
 * A STAND-IN for the `awslambda` global of Lambda's Node runtime, not the runtime's own object.
 * It implements the documented contract of response streaming and nothing more:
 *
 * - `awslambda.streamifyResponse(handler)` marks the handler as a streaming one and returns it;
 *   the runtime then calls it as `handler(event, responseStream, context)` and waits for its promise;
 * - `responseStream` is a Node `Writable` with `setContentType(type)`, allowed before the first write;
 * - `awslambda.HttpResponseStream.from(stream, metadata)` sets the content type
 *   `application/vnd.awslambda.http-integration-response` and writes, right before the first
 *   write and only then, `JSON.stringify(metadata)` and eight NUL bytes;
 * - a handler whose promise rejects fails the invocation: the runtime ends the stream with an
 *   error trailer, so the client sees a cut response; one that resolves must have ended the stream.
 *
 * `invoke` plays the runtime's part for one event and returns what the client would receive.
 */
import { Writable } from 'node:stream';
import type { Context } from 'aws-lambda';
import { concatBytes } from '../../../src/datastructures/bytes.js';
import { fakeContext } from './support.js';

const PRELUDE_TYPE = 'application/vnd.awslambda.http-integration-response';
const STREAMING = Symbol.for('aws.lambda.runtime.handler.streaming');

type StreamHandler = (event: unknown, stream: FakeResponseStream, context: Context) => Promise<void>;

/** The response stream, as the runtime hands it to a handler. */
export type FakeResponseStream = Writable & {
  setContentType(type: string): void;
  _onBeforeFirstWrite?: (write: (chunk: string | Uint8Array) => void) => void;
};

/** What one invocation sent. */
export interface Invocation {
  contentType: string | undefined;
  /** The bytes written, prelude included. */
  bytes: Uint8Array;
  /** True when the handler ended the stream (the response is complete). */
  finished: boolean;
  /** The error the handler's promise rejected with (the runtime would cut the response). */
  error: unknown;
}

export interface FakeRuntime {
  streamifyResponse(handler: StreamHandler): StreamHandler;
  HttpResponseStream: { from(stream: FakeResponseStream, metadata: Record<string, unknown>): FakeResponseStream };
}

/** Makes the stand-in global; `remove()` takes it away again. */
export function installFakeRuntime(): { runtime: FakeRuntime; remove(): void } {
  const runtime: FakeRuntime = {
    streamifyResponse(handler) {
      (handler as StreamHandler & { [STREAMING]?: string })[STREAMING] = 'response';
      return handler;
    },
    HttpResponseStream: {
      from(stream, metadata) {
        stream.setContentType(PRELUDE_TYPE);
        const prelude = JSON.stringify(metadata);
        stream._onBeforeFirstWrite = (write) => {
          write(prelude);
          write(new Uint8Array(8));
        };
        return stream;
      },
    },
  };
  const holder = globalThis as unknown as { awslambda?: unknown };
  holder.awslambda = runtime;
  return { runtime, remove: () => void delete holder.awslambda };
}

/** Options for {@link invoke}: how slow the client is, and a hook on each write. */
export interface InvokeOptions {
  /** Milliseconds each write takes to be handed on (a slow client). */
  writeDelay?: number;
  onWrite?: (chunk: Uint8Array, stream: FakeResponseStream) => void;
  /** Closes the stream after this many milliseconds, as the runtime does when it gives up. */
  closeAfter?: number;
}

/** Calls a streaming handler the way the runtime does and collects what it sent. */
export async function invoke(handler: unknown, event: unknown, options: InvokeOptions = {}): Promise<Invocation> {
  if ((handler as { [STREAMING]?: string })[STREAMING] !== 'response') throw new Error('not a streaming handler');
  const chunks: Uint8Array[] = [];
  let contentType: string | undefined;
  let started = false;
  const stream = new Writable({
    write(chunk: Uint8Array, _encoding, callback) {
      chunks.push(new Uint8Array(chunk));
      options.onWrite?.(chunk, stream);
      if (options.writeDelay) setTimeout(callback, options.writeDelay);
      else callback();
    },
  }) as FakeResponseStream;
  stream.setContentType = (type) => {
    if (started) throw new Error('Cannot set content-type, too late.');
    contentType = type;
  };
  // As the runtime does: the hook runs once, right before the first write goes out.
  const write = stream.write.bind(stream) as (chunk: string | Uint8Array, callback?: (error?: Error | null) => void) => boolean;
  (stream as { write: unknown }).write = (chunk: string | Uint8Array, callback?: (error?: Error | null) => void) => {
    if (!started) {
      started = true;
      stream._onBeforeFirstWrite?.((first) => write(first));
    }
    return write(chunk, callback);
  };
  if (options.closeAfter !== undefined) setTimeout(() => stream.destroy(), options.closeAfter);
  let error: unknown;
  try {
    await (handler as StreamHandler)(event, stream, fakeContext());
  } catch (failure) {
    error = failure;
  }
  return { contentType, bytes: concatBytes(chunks), finished: stream.writableFinished, error };
}

/** Splits what was sent into the metadata and the body, checking the eight NUL bytes between. */
export function splitPrelude(bytes: Uint8Array): { metadata: Record<string, unknown>; body: Uint8Array } {
  const end = bytes.indexOf(0);
  if (end === -1 || bytes.subarray(end, end + 8).some((byte) => byte !== 0) || bytes.byteLength < end + 8) {
    throw new Error('no prelude delimiter');
  }
  return { metadata: JSON.parse(new TextDecoder().decode(bytes.subarray(0, end))) as Record<string, unknown>, body: bytes.subarray(end + 8) };
}
