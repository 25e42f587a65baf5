import { gunzipSync, brotliDecompressSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compress, isCompressible, webCodecs } from '../../src/middleware/compress.js';
import { compressNode } from '../../src/middleware/compress.node.js';
import { lint } from '../../src/middleware/lint.js';
import type { App, Body, HeaderList } from '../../src/gateway.js';
import { rawEnviron } from '../support/raw.js';

const enc = new TextEncoder();
const TEXT = 'The quick brown fox jumps over the lazy dog. '.repeat(200); // 9000 bytes

interface Result {
  status: string;
  headers: HeaderList;
  bytes: Buffer;
  get(name: string): string | undefined;
}

/** Runs an app as a server would: every chunk, then return() once. */
async function run(app: App, headers: Record<string, string> = {}, method = 'GET'): Promise<Result> {
  let status = '';
  let list: HeaderList = [];
  const body = await app(rawEnviron({ REQUEST_METHOD: method, ...headers }), (s, h) => {
    status = s;
    list = h;
  });
  const chunks: Uint8Array[] = [];
  const it = (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  for (let step = await it.next(); !step.done; step = await it.next()) chunks.push(step.value);
  await it.return?.();
  return {
    status,
    headers: list,
    bytes: Buffer.concat(chunks),
    get: (name) => list.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1],
  };
}

/** An app with the given headers whose body is `chunks`, counting return() calls. */
function appWith(headers: HeaderList, chunks: Array<string | Uint8Array>, status = '200 OK') {
  const counter = { returns: 0, pulled: 0 };
  const app: App = (_env, start) => {
    start(status, headers);
    return (async function* () {
      try {
        for (const chunk of chunks) {
          counter.pulled++;
          yield typeof chunk === 'string' ? enc.encode(chunk) : chunk;
        }
      } finally {
        counter.returns++;
      }
    })();
  };
  return { app, counter };
}

const text = (extra: HeaderList = []): HeaderList => [['Content-Type', 'text/plain; charset=utf-8'], ...extra];

describe('compress', () => {
  it('gzips a compressible body and fixes the headers', async () => {
    const { app, counter } = appWith(text([['Content-Length', String(TEXT.length)], ['ETag', '"v1"']]), [TEXT]);
    const res = await run(compress(app), { HTTP_ACCEPT_ENCODING: 'gzip, deflate' });
    expect(res.get('content-encoding')).toBe('gzip');
    expect(res.get('content-length')).toBeUndefined();
    expect(res.get('vary')).toBe('Accept-Encoding');
    expect(res.get('etag')).toBe('W/"v1"');
    expect(gunzipSync(res.bytes).toString()).toBe(TEXT);
    expect(res.bytes.length).toBeLessThan(TEXT.length / 10);
    expect(counter.returns).toBe(1);
  });

  it('follows q-values and offers only what the runtime has', async () => {
    const { app } = appWith(text(), [TEXT]);
    const deflated = await run(compress(app), { HTTP_ACCEPT_ENCODING: 'gzip;q=0.5, deflate' });
    expect(deflated.get('content-encoding')).toBe('deflate');
    expect(inflateSync(deflated.bytes).toString()).toBe(TEXT);
    // Node's CompressionStream has no brotli: br is not offered, gzip is the next best.
    expect('br' in webCodecs()).toBe(false);
    expect((await run(compress(app), { HTTP_ACCEPT_ENCODING: 'br, gzip;q=0.1' })).get('content-encoding')).toBe('gzip');
    for (const refused of ['identity', '*;q=0', 'gzip;q=0, deflate;q=0', 'br', '']) {
      const res = await run(compress(app), { HTTP_ACCEPT_ENCODING: refused });
      expect(res.get('content-encoding')).toBeUndefined();
      expect(res.get('vary')).toBe('Accept-Encoding');
      expect(res.bytes.toString()).toBe(TEXT);
    }
    expect((await run(compress(app))).get('content-encoding')).toBeUndefined();
  });

  it('uses brotli and levels with the node:zlib codecs', async () => {
    const { app } = appWith(text(), [TEXT]);
    const res = await run(compressNode(app, { level: 9 }), { HTTP_ACCEPT_ENCODING: 'gzip, br' });
    expect(res.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(res.bytes).toString()).toBe(TEXT);
  });

  it('sends small bodies as they are, by Content-Length or by holding up to threshold bytes', async () => {
    const known = appWith(text([['Content-Length', '11']]), ['hello world']);
    const res = await run(compress(known.app), { HTTP_ACCEPT_ENCODING: 'gzip' });
    expect(res.get('content-encoding')).toBeUndefined();
    expect(res.get('content-length')).toBe('11');
    const unknown = appWith(text(), ['hello ', 'world']);
    const streamed = await run(compress(unknown.app), { HTTP_ACCEPT_ENCODING: 'gzip' });
    expect(streamed.get('content-encoding')).toBeUndefined();
    expect(streamed.get('vary')).toBe('Accept-Encoding');
    expect(streamed.bytes.toString()).toBe('hello world');
    expect(unknown.counter.returns).toBe(1);
    const custom = await run(compress(unknown.app, { threshold: 5 }), { HTTP_ACCEPT_ENCODING: 'gzip' });
    expect(gunzipSync(custom.bytes).toString()).toBe('hello world');
  });

  it.each<[string, HeaderList, string, string?]>([
    ['an image', [['Content-Type', 'image/png']], '200 OK'],
    ['a zip', [['Content-Type', 'application/zip']], '200 OK'],
    ['an event stream', [['Content-Type', 'text/event-stream']], '200 OK'],
    ['no content type', [], '200 OK'],
    ['a 206', text([['Content-Range', 'bytes 0-8999/20000']]), '206 Partial Content'],
    ['a Content-Range', text([['Content-Range', 'bytes */20000']]), '200 OK'],
    ['no-transform', text([['Cache-Control', 'public, no-transform']]), '200 OK'],
    ['an existing encoding', text([['Content-Encoding', 'gzip']]), '200 OK'],
    ['a HEAD of an image', [['Content-Type', 'image/png']], '200 OK', 'HEAD'],
  ])('leaves %s alone', async (_name, headers, status, method) => {
    const { app, counter } = appWith(headers, [TEXT], status);
    const res = await run(compress(app), { HTTP_ACCEPT_ENCODING: 'gzip' }, method);
    expect(res.get('content-encoding')).toBe(headers.some(([n]) => n === 'Content-Encoding') ? 'gzip' : undefined);
    expect(res.get('vary')).toBeUndefined();
    expect(res.bytes.toString()).toBe(TEXT);
    expect(counter.returns).toBe(1);
  });

  it('answers HEAD unencoded with the Vary its GET gets, so caches key both alike', async () => {
    const sized = text([['Content-Length', String(TEXT.length)]]);
    const { app, counter } = appWith(sized, []);
    const head = await run(compress(app), { HTTP_ACCEPT_ENCODING: 'gzip' }, 'HEAD');
    const get = await run(compress(appWith(sized, [TEXT]).app), { HTTP_ACCEPT_ENCODING: 'gzip' });
    expect(get.get('content-encoding')).toBe('gzip');
    expect(head.get('content-encoding')).toBeUndefined();
    expect(head.get('content-length')).toBe(String(TEXT.length));
    expect(head.get('vary')).toBe('Accept-Encoding');
    expect(get.get('vary')).toBe('Accept-Encoding');
    expect(counter.returns).toBe(1);
    // A HEAD of something that would not compress gets no Vary, like its GET.
    const image = await run(compress(appWith([['Content-Type', 'image/png']], []).app), { HTTP_ACCEPT_ENCODING: 'gzip' }, 'HEAD');
    expect(image.get('vary')).toBeUndefined();
  });

  it.each(['204 No Content', '304 Not Modified'])('leaves %s alone', async (status) => {
    const { app } = appWith(text([['ETag', '"x"']]), [], status);
    const res = await run(compress(app), { HTTP_ACCEPT_ENCODING: 'gzip' });
    expect(res.get('content-encoding')).toBeUndefined();
    expect(res.get('etag')).toBe('"x"');
  });

  it('merges Vary and keeps weak ETags and Vary: *', async () => {
    const a = appWith(text([['Vary', 'Cookie'], ['ETag', 'W/"w"']]), [TEXT]);
    const res = await run(compress(a.app), { HTTP_ACCEPT_ENCODING: 'gzip' });
    expect(res.get('vary')).toBe('Cookie, Accept-Encoding');
    expect(res.get('etag')).toBe('W/"w"');
    const b = appWith(text([['Vary', '*']]), [TEXT]);
    expect((await run(compress(b.app), { HTTP_ACCEPT_ENCODING: 'gzip' })).get('vary')).toBe('*');
    expect(isCompressible('application/vnd.api+json')).toBe(true);
    expect(isCompressible('image/svg+xml')).toBe(true);
    expect(isCompressible('video/mp4')).toBe(false);
  });

  it('accepts startResponse called lazily from the body', async () => {
    const app: App = (_env, start) =>
      (function* () {
        start('200 OK', text());
        yield enc.encode(TEXT);
      })();
    const res = await run(compress(app), { HTTP_ACCEPT_ENCODING: 'gzip' });
    expect(gunzipSync(res.bytes).toString()).toBe(TEXT);
  });

  it('passes the protocol lint on both sides', async () => {
    const { app } = appWith(text(), [TEXT, TEXT]);
    const res = await run(lint(compress(lint(app))), { HTTP_ACCEPT_ENCODING: 'gzip' });
    expect(gunzipSync(res.bytes).toString()).toBe(TEXT + TEXT);
    const small = appWith(text(), ['tiny']);
    expect((await run(lint(compress(lint(small.app))), { HTTP_ACCEPT_ENCODING: 'gzip' })).bytes.toString()).toBe('tiny');
  });

  it('closes the app body exactly once when abandoned before the first pull (rule 11.2)', async () => {
    const { app, counter } = appWith(text(), [TEXT]);
    const body = (await compress(app)(rawEnviron({ HTTP_ACCEPT_ENCODING: 'gzip' }), () => undefined)) as AsyncIterableIterator<Uint8Array>;
    await body.return!();
    await body.return!();
    // The app body was never pulled, so its generator never started and its finally never ran;
    // what matters is that the iterator was returned and is now finished.
    expect(counter.pulled).toBe(0);
    let returns = 0;
    const custom: App = (_env, start) => {
      start('200 OK', text());
      return {
        [Symbol.asyncIterator]: () => ({
          next: async () => ({ done: false as const, value: enc.encode(TEXT) }),
          return: async () => (returns++, { done: true as const, value: undefined }),
        }),
      };
    };
    const abandoned = (await compress(custom)(rawEnviron({ HTTP_ACCEPT_ENCODING: 'gzip' }), () => undefined)) as AsyncIterableIterator<Uint8Array>;
    await abandoned.return!();
    expect(returns).toBe(1);
  });

  it.each([
    ['compress (CompressionStream)', compress],
    ['compressNode (node:zlib)', compressNode],
  ])('%s pulls the app only as fast as the consumer reads, and closes it once mid-stream', async (_name, middleware) => {
    let produced = 0;
    let returns = 0;
    const random = new Uint8Array(64 * 1024);
    const endless: App = (_env, start) => {
      start('200 OK', [['Content-Type', 'application/json']]);
      return {
        [Symbol.asyncIterator]: () => ({
          next: async () => {
            produced++;
            crypto.getRandomValues(random.subarray(0, 65536));
            return { done: false as const, value: random.slice() };
          },
          return: async () => (returns++, { done: true as const, value: undefined }),
        }),
      };
    };
    const body = (await middleware(endless)(rawEnviron({ HTTP_ACCEPT_ENCODING: 'gzip' }), () => undefined)) as AsyncIterableIterator<Uint8Array>;
    for (let i = 0; i < 5; i++) await body.next();
    await new Promise((r) => setTimeout(r, 50));
    const afterFive = produced;
    await new Promise((r) => setTimeout(r, 50));
    // Nothing is pulled while the consumer waits, and only a few chunks ahead of it.
    expect(produced).toBe(afterFive);
    expect(produced).toBeLessThan(12);
    await body.return!();
    expect(returns).toBe(1);
  });

  it('compresses a 100 MB stream with bounded memory', async () => {
    const chunk = enc.encode(
      Array.from({ length: 4096 }, (_, i) => `{"id":${i},"name":"item-${(i * 2654435761) % 1000003}"},`).join('').slice(0, 64 * 1024),
    );
    const total = 100 * 1024 * 1024;
    const app: App = (_env, start) => {
      start('200 OK', [['Content-Type', 'application/json']]);
      return (async function* (): AsyncGenerator<Uint8Array> {
        for (let sent = 0; sent < total; sent += chunk.byteLength) yield chunk.slice();
      })() as Body;
    };
    globalThis.gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    let compressedBytes = 0;
    let i = 0;
    const body = (await compress(app)(rawEnviron({ HTTP_ACCEPT_ENCODING: 'gzip' }), () => undefined)) as AsyncIterable<Uint8Array>;
    for await (const out of body) {
      compressedBytes += out.byteLength;
      if (++i % 64 === 0) {
        const now = process.memoryUsage();
        peakRss = Math.max(peakRss, now.rss);
        peakHeap = Math.max(peakHeap, now.heapUsed);
      }
    }
    const rssGrowth = (peakRss - before.rss) / 2 ** 20;
    const heapGrowth = (peakHeap - before.heapUsed) / 2 ** 20;
    console.log(`compress 100 MB: ${(compressedBytes / 2 ** 20).toFixed(1)} MiB out, peak RSS +${rssGrowth.toFixed(1)} MiB, peak heap +${heapGrowth.toFixed(1)} MiB`);
    expect(compressedBytes).toBeGreaterThan(0);
    expect(compressedBytes).toBeLessThan(total / 4);
    // The whole body is 100 MiB; a buffering implementation would grow by at least that much.
    expect(rssGrowth).toBeLessThan(48);
    expect(heapGrowth).toBeLessThan(32);
  }, 60_000);
});
