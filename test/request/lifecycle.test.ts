// Request.application and the request's lifecycle: uploads spilled to disk are removed once the
// response is finished or abandoned; encoded bodies are refused or decoded by the request's rules.
import { mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Request } from '../../src/request/request.js';
import { Response } from '../../src/response/response.js';
import { createEnviron } from '../../src/request/create-environ.js';
import { diskStorage, TEMP_PREFIX } from '../../src/request/multipart/temp-storage.node.js';
import { nodeDecoders } from '../../src/request/content-encoding.node.js';
import { runRaw } from '../support/raw.js';

// A directory of this file's own, so uploads of tests running beside it do not count.
const directory = mkdtempSync(join(tmpdir(), 'tsgi-lifecycle-'));
const tempEntries = () => readdirSync(directory).filter((name) => name.startsWith(TEMP_PREFIX));

class UploadRequest extends Request {
  override fileStorage = diskStorage({ threshold: 16, directory });
}

describe('request cleanup', () => {
  it('removes spilled uploads after the response body is done', async () => {
    const before = tempEntries().length;
    let spilledDuringHandler = 0;
    const app = UploadRequest.application(async (req) => {
      const file = (await req.files()).get('doc')!;
      spilledDuringHandler = tempEntries().length - before;
      return new Response(`${file.filename}:${file.size}`);
    });
    const form = { doc: new File(['x'.repeat(4096)], 'big.txt', { type: 'text/plain' }) };
    const out = await runRaw(app, createEnviron('/upload', { method: 'POST', form }));
    expect(out.text).toBe('big.txt:4096');
    expect(spilledDuringHandler).toBeGreaterThan(0);
    expect(tempEntries().length).toBe(before);
  });

  it('removes them when the handler fails, too', async () => {
    const before = tempEntries().length;
    const app = UploadRequest.application(async (req) => {
      await req.files();
      throw new Error('boom');
    });
    const environ = createEnviron('/upload', { method: 'POST', form: { doc: new File(['y'.repeat(4096)], 'a.bin') }, errors: { write() {} } });
    const out = await runRaw(app, environ);
    expect(out.status).toBe('500 Internal Server Error');
    expect(tempEntries().length).toBe(before);
  });

  it('removes them when the server abandons the body', async () => {
    const before = tempEntries().length;
    const app = UploadRequest.application(async (req) => {
      await req.files();
      return new Response(['a', 'b', 'c']);
    });
    const body = await app(createEnviron('/upload', { method: 'POST', form: { doc: new File(['z'.repeat(4096)], 'a.bin') } }), () => {});
    const iterator = (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    await iterator.next();
    expect(tempEntries().length).toBeGreaterThan(before);
    await iterator.return!();
    expect(tempEntries().length).toBe(before);
  });
});

describe('request Content-Encoding', () => {
  const gzipped = gzipSync(JSON.stringify({ a: 1 }));
  const environ = () =>
    createEnviron('/', {
      method: 'POST',
      body: gzipped,
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
    });

  it('refuses encoded bodies with 415 by default', async () => {
    const app = Request.application(async (req) => Response.json(await req.json()));
    const out = await runRaw(app, environ());
    expect(out.status).toBe('415 Unsupported Media Type');
    expect(out.headers.find(([name]) => name === 'Accept-Encoding')?.[1]).toBe('identity');
  });

  it('decodes them when the app accepts the encoding, with Web or Node decoders', async () => {
    class GzipRequest extends Request {
      override acceptContentEncodings = ['gzip'];
    }
    const app = GzipRequest.application(async (req) => Response.json(await req.json()));
    expect(JSON.parse((await runRaw(app, environ())).text)).toEqual({ a: 1 });
    const withNode = environ();
    withNode['tsgi.body_decoders'] = nodeDecoders();
    expect(JSON.parse((await runRaw(app, withNode)).text)).toEqual({ a: 1 });
  });

  it('stops a decompression bomb at the limit with a 413', async () => {
    class GzipRequest extends Request {
      override acceptContentEncodings = true;
      override maxBufferSize = 64 * 1024;
    }
    const bomb = gzipSync(Buffer.alloc(32 * 1024 * 1024));
    const app = GzipRequest.application(async (req) => new Response(await req.text()));
    const out = await runRaw(app, createEnviron('/', { method: 'POST', body: bomb, headers: { 'Content-Encoding': 'gzip' } }));
    expect(bomb.byteLength).toBeLessThan(64 * 1024);
    expect(out.status).toBe('413 Content Too Large');
  });
});
