// Issue 14, section 3: the test client behaves like the server. An upload saved to a path works
// under `Client` as under `serve()`, `throwErrors` rethrows what a `Request.application` handler
// threw, and a 500 seen without it says why.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, TestResponse } from '../../../src/adapters/test/index.js';
import { Request } from '../../../src/request/request.js';
import { Response } from '../../../src/response/response.js';
import { NotFound } from '../../../src/errors.js';
import { registerCleanup } from '../../../src/request/cleanup.js';
import { serve, type RunningServer } from '../../../src/adapters/node/index.js';
import { detectRuntime, writeChunksToPath } from '../../../src/runtime-fs.js';

describe('FileStorage.save(path) under Client, as under serve()', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tsgi-save-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const app = Request.application(async (req) => {
    const file = (await req.files()).get('file');
    if (!file) return new Response('no file', { status: 400 });
    const target = join(dir, `${req.args.get('as')}.txt`);
    await file.save(target);
    return new Response(`saved ${file.size}`);
  });
  const upload = (as: string) => ({
    query: { as },
    form: { file: new File(['hello, disk'], 'a.txt', { type: 'text/plain' }) },
  });

  it('saves a memory-held upload under new Client(app)', async () => {
    const res = await new Client(app).post('/upload', upload('client'));
    expect(res.errors).toBe('');
    expect(res.statusCode).toBe(200);
    expect(await res.text()).toBe('saved 11');
    expect(await readFile(join(dir, 'client.txt'), 'utf8')).toBe('hello, disk');
  });

  it('saves the same upload under serve()', async () => {
    let server: RunningServer | undefined;
    try {
      server = await serve(app, { port: 0, errors: { write: () => undefined } });
      const body = new FormData();
      body.append('file', new File(['hello, disk'], 'a.txt', { type: 'text/plain' }));
      const res = await fetch(`${server.url}/upload?as=server`, { method: 'POST', body });
      expect(res.status).toBe(200);
      expect(await readFile(join(dir, 'server.txt'), 'utf8')).toBe('hello, disk');
    } finally {
      await server?.close();
    }
  });

  it('names the runtime where there is no file system (workerd)', async () => {
    expect(detectRuntime().fileSystem).toBe(true);
    const workerd = { navigator: { userAgent: 'Cloudflare-Workers' } };
    expect(detectRuntime(workerd)).toEqual({ name: 'Cloudflare-Workers', fileSystem: false });
    const chunks = (async function* () {
      yield new TextEncoder().encode('x');
    })();
    await expect(writeChunksToPath(join(dir, 'never.txt'), chunks, workerd)).rejects.toThrow(
      /FileStorage\.save\(path\) needs a file system, and this runtime \(Cloudflare-Workers\) has none: pass a WritableStream/,
    );
    expect(detectRuntime({ Bun: { version: '1.2.0' }, process: { versions: { node: '22.0.0' } } }).name).toBe('Bun 1.2.0');
    expect(detectRuntime({ Deno: { version: { deno: '2.1.0' } } })).toEqual({ name: 'Deno 2.1.0', fileSystem: true });
  });
});

describe('new Client(app, { throwErrors: true }) with Request.application', () => {
  const bug = new TypeError('handler bug');
  const app = Request.application((req) => {
    if (req.path === '/missing') throw new NotFound();
    throw bug;
  });
  const asyncApp = Request.application(async () => {
    throw bug;
  });

  it('rethrows the original error, sync or async', async () => {
    await expect(new Client(app, { throwErrors: true }).get('/')).rejects.toBe(bug);
    await expect(new Client(asyncApp, { throwErrors: true }).get('/')).rejects.toBe(bug);
  });

  it('still answers HTTP errors, which are responses', async () => {
    const res = await new Client(app, { throwErrors: true }).get('/missing');
    expect(res.statusCode).toBe(404);
  });

  it('still runs the request cleanups of a handler whose error it rethrows', async () => {
    let cleaned = 0;
    const leaky = Request.application((req) => {
      registerCleanup(req.environ, () => void cleaned++);
      throw bug;
    });
    await expect(new Client(leaky, { throwErrors: true }).get('/')).rejects.toBe(bug);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(cleaned).toBe(1);
  });

  it("sets environ['tsgi.throw_errors'] only when asked", async () => {
    const seen: unknown[] = [];
    const probe = Request.application((req) => {
      seen.push(req.environ['tsgi.throw_errors']);
      return new Response('ok');
    });
    await new Client(probe, { throwErrors: true }).get('/');
    await new Client(probe).get('/');
    expect(seen).toEqual([true, undefined]);
  });
});

describe('a 500 without throwErrors shows its cause', () => {
  const app = Request.application(() => {
    throw new TypeError('handler bug');
  });

  it('keeps the original error on res.error and its stack in res.errors', async () => {
    const res = await new Client(app).get('/items');
    expect(res.statusCode).toBe(500);
    expect(res.error).toBeInstanceOf(TypeError);
    expect((res.error as Error).message).toBe('handler bug');
    expect(res.errors).toContain('TypeError: handler bug');
    expect(res.errors).toContain('server-parity.test.ts');
    // The client is never told: the page is the generic one.
    expect(await res.text()).not.toContain('handler bug');
  });

  it('says so in one line when printed', async () => {
    const res = await new Client(app).get('/items');
    const line =
      '<TestResponse [500 Internal Server Error] GET http://localhost/items failed: TypeError: handler bug (see res.error, res.errors)>';
    expect(String(res)).toBe(line);
    expect(inspect(res)).toBe(line);
    const ok = await new Client(Request.application(() => new Response('hi'))).get('/');
    expect(String(ok)).toBe('<TestResponse [200 OK] GET http://localhost/>');
    expect(String(new TestResponse('built by hand'))).toBe('<TestResponse [200 OK]>');
  });
});
