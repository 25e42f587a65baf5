// tsgi/lambda, issue 19 section 3: toLambdaStreamingHandler against a stand-in for the runtime's
// `awslambda` global (fake-runtime.ts): the HTTP integration prelude, then the body chunk by chunk.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/gateway.js';
import { toLambdaStreamingHandler } from '../../../src/adapters/lambda/index.js';
import { installFakeRuntime, invoke, splitPrelude } from './fake-runtime.js';
import { loadEvent } from './support.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
let runtime: ReturnType<typeof installFakeRuntime>;
let written: string[] = [];
const errors = { write: (message: string) => void written.push(message) };

beforeEach(() => {
  runtime = installFakeRuntime();
  written = [];
});
afterEach(() => runtime.remove());

describe('toLambdaStreamingHandler with the runtime present', () => {
  it('sends the metadata prelude, then each chunk as the app yields it, one in flight', async () => {
    const log: string[] = [];
    const app: App = async function* (_environ, startResponse) {
      startResponse('201 Created', [
        ['Content-Type', 'text/event-stream'],
        ['Set-Cookie', 'a=1'],
        ['Set-Cookie', 'b=2'],
        ['Vary', 'Accept'],
        ['Vary', 'Cookie'],
      ]);
      for (let i = 0; i < 3; i++) {
        log.push(`yield ${i}`);
        yield encoder.encode(`data: ${i}\n\n`);
      }
    };
    const sent = await invoke(toLambdaStreamingHandler(app, { errors }), loadEvent('function-url'), {
      writeDelay: 5,
      onWrite: (chunk) => log.push(`write ${decoder.decode(chunk).trim()}`),
    });
    expect(sent.error).toBeUndefined();
    expect(sent.finished).toBe(true);
    expect(sent.contentType).toBe('application/vnd.awslambda.http-integration-response');
    const { metadata, body } = splitPrelude(sent.bytes);
    expect(metadata).toEqual({ statusCode: 201, headers: { 'Content-Type': 'text/event-stream', Vary: 'Accept, Cookie' }, cookies: ['a=1', 'b=2'] });
    expect(decoder.decode(body)).toBe('data: 0\n\ndata: 1\n\ndata: 2\n\n');
    // The app is asked for its next chunk only once the previous one is written (rule 7.3).
    const order = log.filter((entry) => entry.startsWith('yield') || entry.startsWith('write data'));
    expect(order).toEqual(['yield 0', 'write data: 0', 'yield 1', 'write data: 1', 'yield 2', 'write data: 2']);
  });

  it('sends bytes as they are (no base64) and still sends the prelude for an empty body or HEAD', async () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const binary: App = (_environ, startResponse) => {
      startResponse('200 OK', [['Content-Type', 'application/octet-stream']]);
      return [bytes];
    };
    const sent = splitPrelude((await invoke(toLambdaStreamingHandler(binary), loadEvent('function-url'))).bytes);
    expect(sent.body).toEqual(bytes);

    const empty: App = (_environ, startResponse) => {
      startResponse('204 No Content', []);
      return [];
    };
    const none = await invoke(toLambdaStreamingHandler(empty), loadEvent('function-url'));
    expect([none.finished, splitPrelude(none.bytes).metadata.statusCode, splitPrelude(none.bytes).body.byteLength]).toEqual([true, 204, 0]);

    const head = loadEvent('function-url');
    (head.requestContext as { http: { method: string } }).http.method = 'HEAD';
    const headSent = splitPrelude((await invoke(toLambdaStreamingHandler(binary), head)).bytes);
    expect([headSent.metadata.statusCode, headSent.body.byteLength]).toEqual([200, 0]);
  });

  it('answers a plain 500 for an error before the first chunk', async () => {
    const app: App = () => {
      throw new Error('early');
    };
    const sent = await invoke(toLambdaStreamingHandler(app, { errors }), loadEvent('function-url'));
    const { metadata, body } = splitPrelude(sent.bytes);
    expect([sent.finished, metadata.statusCode, decoder.decode(body)]).toEqual([true, 500, 'Internal Server Error\n']);
    expect(written.join('')).toContain('tsgi: error before the response started: Error: early');
  });

  it('fails the invocation for an error after the first chunk, so the response is cut, and closes the body once', async () => {
    let closed = 0;
    const app: App = (_environ, startResponse) => {
      startResponse('200 OK', [['Content-Type', 'text/plain']]);
      let step = 0;
      return {
        [Symbol.asyncIterator]: () => ({
          next: async () => {
            if (step++ === 0) return { done: false, value: encoder.encode('partial') };
            throw new Error('late');
          },
          return: async () => {
            closed++;
            return { done: true, value: undefined };
          },
        }),
      };
    };
    const sent = await invoke(toLambdaStreamingHandler(app, { errors }), loadEvent('function-url'));
    expect((sent.error as Error).message).toBe('late');
    expect(sent.finished).toBe(false);
    expect(decoder.decode(splitPrelude(sent.bytes).body)).toBe('partial');
    expect(closed).toBe(1);
    expect(written.join('')).toContain('tsgi: error after the response started: Error: late');
  });

  it('aborts tsgi.signal and closes the body when the stream closes under it', async () => {
    let aborted = false;
    let closed = 0;
    const app: App = async function* (environ, startResponse) {
      startResponse('200 OK', [['Content-Type', 'text/event-stream']]);
      const signal = environ['tsgi.signal'] as AbortSignal;
      try {
        yield encoder.encode('data: first\n\n');
        // Waits for an event that never comes, unless the signal aborts.
        await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
        aborted = signal.aborted;
        yield encoder.encode('data: never sent\n\n');
      } finally {
        closed++;
      }
    };
    const sent = await invoke(toLambdaStreamingHandler(app, { errors }), loadEvent('function-url'), {
      // The runtime gives up on the response after the first chunk.
      onWrite: (chunk, stream) => {
        if (decoder.decode(chunk).includes('first')) setTimeout(() => stream.destroy(), 5);
      },
    });
    expect(aborted).toBe(true);
    expect(closed).toBe(1);
    expect(sent.finished).toBe(false);
  });

  it('aborts tsgi.signal when the stream closes before the first chunk', async () => {
    let aborted = false;
    const app: App = async function* (environ, startResponse) {
      startResponse('200 OK', [['Content-Type', 'text/event-stream']]);
      const signal = environ['tsgi.signal'] as AbortSignal;
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
      aborted = true;
    };
    const sent = await invoke(toLambdaStreamingHandler(app, { errors }), loadEvent('function-url'), { closeAfter: 10 });
    expect([aborted, sent.finished, sent.error]).toEqual([true, false, undefined]);
  });

  it('refuses a broken HTTP event with a 400 and rejects a non-HTTP event', async () => {
    const app: App = (_environ, startResponse) => {
      startResponse('200 OK', []);
      return [];
    };
    const event = loadEvent('function-url');
    event.rawPath = 'no-slash';
    const sent = await invoke(toLambdaStreamingHandler(app), event);
    const { metadata, body } = splitPrelude(sent.bytes);
    expect([sent.finished, metadata.statusCode]).toEqual([true, 400]);
    expect(decoder.decode(body)).toContain('not an absolute path');
    const notHttp = await invoke(toLambdaStreamingHandler(app), loadEvent('sqs'));
    expect(notHttp.error).toBeInstanceOf(TypeError);
  });
});

describe('toLambdaStreamingHandler without the runtime', () => {
  it('is the buffered handler', async () => {
    runtime.remove();
    const app: App = (_environ, startResponse) => {
      startResponse('200 OK', [['Content-Type', 'text/plain']]);
      return [encoder.encode('buffered')];
    };
    const handler = toLambdaStreamingHandler(app) as (event: unknown) => Promise<{ body: string; statusCode: number }>;
    const result = await handler(loadEvent('apigw-http-v2'));
    expect([result.statusCode, result.body]).toEqual([200, 'buffered']);
  });
});
