/**
 * Bodies that are never sent are closed exactly once: a stream or iterator body answering HEAD,
 * or a 204/304, through every server tsgi has (node:http, Fetch, the test client) and through
 * `compress`.
 */
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/gateway.js';
import { Response } from '../../src/response/response.js';
import { discardBody, unsentBody } from '../../src/response/discard.js';
import { Client } from '../../src/adapters/test/client.js';
import { toFetchHandler } from '../../src/adapters/fetch/to-fetch.js';
import { serve } from '../../src/adapters/node/serve.js';
import { compress } from '../../src/middleware/compress.js';

const CHUNK = new Uint8Array(2000).fill(97);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// Each chunk of the endless bodies takes a turn of the event loop, so a server that pulls them
// forever fails the test by its timeout instead of starving the loop.
const tick = () => new Promise((resolve) => setImmediate(resolve));

/** An endless stream that records its cancellation. */
function endlessStream(closed: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    pull: async (controller) => {
      await tick();
      controller.enqueue(CHUNK);
    },
    cancel: () => void closed.push('stream'),
  });
}

/** An endless generator that records its `return()`. */
async function* endlessGenerator(closed: string[]): AsyncGenerator<Uint8Array> {
  try {
    for (;;) {
      await tick();
      yield CHUNK;
    }
  } finally {
    closed.push('generator');
  }
}

/** An endless async iterator (an upstream cursor, say) that records its `return()`. */
function endlessIterator(closed: string[]): AsyncIterableIterator<Uint8Array> {
  const iterator: AsyncIterableIterator<Uint8Array> = {
    next: async () => {
      await tick();
      return { done: false, value: CHUNK };
    },
    return: async () => {
      closed.push('iterator');
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

type Maker = (closed: string[], status?: number) => App;
const apps: Record<string, Maker> = {
  'Response(ReadableStream)': (closed, status = 200) => (environ, startResponse) =>
    new Response(endlessStream(closed), { mimetype: 'text/plain', status })(environ, startResponse),
  'Response(iterator)': (closed, status = 200) => (environ, startResponse) => {
    const res = new Response(endlessIterator(closed), { mimetype: 'text/plain', status });
    res.callOnClose(() => void closed.push('callOnClose'));
    return res(environ, startResponse);
  },
  'raw generator': (closed) => (_environ, startResponse) => {
    startResponse('200 OK', [['Content-Type', 'text/plain']]);
    return endlessGenerator(closed);
  },
};

const servers: Record<string, (app: App, method: string) => Promise<number>> = {
  'test client': async (app, method) => (await new Client(app).request(method, '/', { headers: { 'Accept-Encoding': 'gzip' } })).statusCode,
  fetch: async (app, method) =>
    (await toFetchHandler(app)(new Request('http://localhost/', { method, headers: { 'Accept-Encoding': 'gzip' } }))).status,
  'node:http': async (app, method) => {
    const server = await serve(app, { host: '127.0.0.1', port: 0 });
    try {
      const res = await fetch(server.url, { method, headers: { 'Accept-Encoding': 'gzip' } });
      await res.arrayBuffer();
      return res.status;
    } finally {
      await server.close();
    }
  },
};

/** What closed, once the server's (unawaited) close has landed. */
async function settled(closed: string[], expected: number): Promise<string[]> {
  for (let i = 0; i < 100 && closed.length < expected; i++) await wait(10);
  await wait(20); // a second close would show up here
  return closed;
}

describe.each(Object.entries(servers))('%s', (_server, send) => {
  for (const [name, make] of Object.entries(apps)) {
    const expected = name === 'Response(iterator)' ? ['iterator', 'callOnClose'] : name === 'raw generator' ? ['generator'] : ['stream'];
    it(`HEAD closes a ${name} body once`, { timeout: 5000 }, async () => {
      const closed: string[] = [];
      expect(await send(make(closed), 'HEAD')).toBe(200);
      expect(await settled(closed, expected.length)).toEqual(expected);
    });
    it(`HEAD through compress closes a ${name} body once`, { timeout: 5000 }, async () => {
      const closed: string[] = [];
      expect(await send(compress(make(closed)), 'HEAD')).toBe(200);
      expect(await settled(closed, expected.length)).toEqual(expected);
    });
    if (name.startsWith('Response')) {
      it(`204 and 304 close a ${name} body once`, { timeout: 5000 }, async () => {
        for (const status of [204, 304]) {
          const closed: string[] = [];
          expect(await send(make(closed, status), 'GET')).toBe(status);
          expect(await settled(closed, expected.length)).toEqual(expected);
        }
      });
    }
  }
});

describe('the test client stops a HEAD body', () => {
  let closed: string[] = [];
  const sized: App = (_environ, startResponse) => {
    startResponse('200 OK', [['Content-Type', 'text/plain'], ['Content-Length', '5']]);
    return endlessGenerator(closed);
  };
  it('one byte past its Content-Length, so lint still sees one that disagrees (rule 7.5)', { timeout: 5000 }, async () => {
    closed = [];
    expect((await new Client(sized, { lint: false }).head('/')).statusCode).toBe(200);
    expect(closed).toEqual(['generator']);
    closed = [];
    await expect(new Client(sized).head('/')).rejects.toThrow(/7\.5/);
    expect(closed).toEqual(['generator']);
  });
});

describe('discardBody and unsentBody', () => {
  it('leave bytes, strings and locked streams alone', async () => {
    const closed: string[] = [];
    const stream = endlessStream(closed);
    const reader = stream.getReader();
    for (const body of ['text', new Uint8Array(1), new ArrayBuffer(1), null, undefined, stream]) await discardBody(body);
    expect(closed).toEqual([]);
    reader.releaseLock();
    await discardBody(stream);
    expect(closed).toEqual(['stream']);
  });
  it('close a sync iterator too', async () => {
    let returned = 0;
    const iterator: IterableIterator<Uint8Array> = {
      next: () => ({ done: false, value: CHUNK }),
      return: () => {
        returned++;
        return { done: true, value: undefined };
      },
      [Symbol.iterator]: () => iterator,
    };
    await discardBody(iterator);
    expect(returned).toBe(1);
  });
  it('unsentBody closes once at its end or return(), and reports a close error once', async () => {
    let calls = 0;
    const failing = {
      [Symbol.asyncIterator]: () => ({
        next: async () => ({ done: true as const, value: undefined }),
        return: async () => {
          throw new Error('close failed');
        },
      }),
    };
    const body = unsentBody(failing, () => void calls++);
    await expect(body.next()).rejects.toThrow('close failed');
    await expect(body.return!()).resolves.toEqual({ done: true, value: undefined });
    expect(calls).toBe(1);
  });
});
