import { mkdtemp, mkdir, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticFiles, type StaticFilesOptions } from '../../../src/adapters/node/static-files.js';
import { serve, type RunningServer } from '../../../src/adapters/node/serve.js';
import type { App } from '../../../src/gateway.js';
import { Request } from '../../../src/request/request.js';
import { Response } from '../../../src/response/response.js';

let base: string;
let root: string;

beforeAll(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'tsgi-static-')));
  root = join(base, 'public');
  await mkdir(join(root, 'docs'), { recursive: true });
  await mkdir(join(root, 'empty'), { recursive: true });
  await mkdir(join(root, '.git'), { recursive: true });
  await mkdir(join(root, 'vendor'), { recursive: true });
  await mkdir(join(base, 'public2'), { recursive: true });
  await mkdir(join(base, 'other'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<h1>home</h1>');
  await writeFile(join(root, 'hello.txt'), 'Hello, world!\n');
  await writeFile(join(root, 'style.css'), 'body { color: red }');
  await writeFile(join(root, 'style.css.gz'), gzipSync('body { color: red }'));
  await writeFile(join(root, 'docs', 'index.html'), '<h1>docs</h1>');
  await writeFile(join(root, 'docs', 'guide.md'), '# Guide');
  await writeFile(join(root, 'caf\u00e9.txt'), 'coffee');
  await writeFile(join(root, '%2e%2e.txt'), 'literally percent-two-e');
  await writeFile(join(root, '.env'), 'SECRET=dotenv');
  await writeFile(join(root, '.git', 'config'), 'SECRET=git');
  await writeFile(join(root, 'vendor', 'lib.js'), 'from public/vendor');
  await writeFile(join(base, 'other', 'lib.js'), 'from other');
  await writeFile(join(base, 'secret.txt'), 'SECRET=outside');
  await writeFile(join(base, 'public2', 'secret.txt'), 'SECRET=sibling');
  await symlink(join(base, 'secret.txt'), join(root, 'link-out.txt'));
  await symlink(join(base, 'public2'), join(root, 'link-dir-out'));
  await symlink(join(root, 'hello.txt'), join(root, 'link-in.txt'));
  await symlink(join(root, '.env'), join(root, 'link-dotenv'));
});
afterAll(() => rm(base, { recursive: true, force: true }));

const fallback: App = Request.application((req) => new Response(`app saw ${req.method} ${req.path}`, { status: 404 }));

function site(options: StaticFilesOptions = {}, mounts?: Record<string, string>): App {
  return staticFiles(fallback, mounts ?? { '/static': root }, options);
}

function get(app: App, url: string, init: { method?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  return Request.blank(url, init).getResponse(app);
}

describe('staticFiles serving', () => {
  it('serves files under the prefix with the sendFile headers', async () => {
    const res = await get(site({ maxAge: 600 }), '/static/hello.txt');
    expect(res.statusCode).toBe(200);
    expect(await res.text()).toBe('Hello, world!\n');
    expect(res.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=600');
    expect(res.headers.get('ETag')).toMatch(/^"e-[0-9a-f]+"$/);
    expect(res.headers.has('Last-Modified')).toBe(true);
  });

  it('passes everything outside the prefixes to the app', async () => {
    const app = site();
    expect(await (await get(app, '/hello.txt')).text()).toBe('app saw GET /hello.txt');
    expect(await (await get(app, '/staticky/hello.txt')).text()).toBe('app saw GET /staticky/hello.txt');
  });

  it('falls through to the app for missing files, or answers 404 itself', async () => {
    expect(await (await get(site(), '/static/missing.txt')).text()).toBe('app saw GET /static/missing.txt');
    const strict = await get(site({ fallthrough: false }), '/static/missing.txt');
    expect(strict.statusCode).toBe(404);
    expect(await strict.text()).not.toContain('app saw');
    const alone = await get(staticFiles(null, { '/': root }), '/missing.txt');
    expect(alone.statusCode).toBe(404);
  });

  it('serves GET and HEAD only', async () => {
    expect(await (await get(site(), '/static/hello.txt', { method: 'POST' })).text()).toBe('app saw POST /static/hello.txt');
    const strict = await get(site({ fallthrough: false }), '/static/hello.txt', { method: 'DELETE' });
    expect(strict.statusCode).toBe(405);
    expect(strict.headers.get('Allow')).toBe('GET, HEAD');
    const head = await get(site(), '/static/hello.txt', { method: 'HEAD' });
    expect(head.statusCode).toBe(200);
    expect(head.headers.get('Content-Length')).toBe('14');
    expect((await head.bytes()).byteLength).toBe(0);
  });

  it('serves index.html for directories and redirects without the slash', async () => {
    const app = site();
    expect(await (await get(app, '/static/')).text()).toBe('<h1>home</h1>');
    expect(await (await get(app, '/static/docs/')).text()).toBe('<h1>docs</h1>');
    const bare = await get(app, '/static/docs?page=2&q=a%20b');
    expect(bare.statusCode).toBe(301);
    expect(bare.headers.get('Location')).toBe('/static/docs/?page=2&q=a%20b');
    const prefix = await get(app, '/static');
    expect(prefix.statusCode).toBe(301);
    expect(prefix.headers.get('Location')).toBe('/static/');
    // No listing for a directory without an index.
    expect(await (await get(app, '/static/empty/')).text()).toBe('app saw GET /static/empty/');
    expect((await get(site({ redirect: false }), '/static/docs')).statusCode).toBe(404);
    const custom = await get(site({ index: ['missing.html', 'guide.md'] }), '/static/docs/');
    expect(await custom.text()).toBe('# Guide');
    expect(await (await get(site({ index: false }), '/static/docs/')).text()).toBe('app saw GET /static/docs/');
  });

  it('quotes the redirect location and keeps it on this site', async () => {
    const res = await Request.blank('/static/docs', { environ: { SCRIPT_NAME: '/mount' } }).getResponse(site());
    expect(res.headers.get('Location')).toBe('/mount/static/docs/');
  });

  it('does not treat a file as a directory', async () => {
    expect(await (await get(site(), '/static/hello.txt/')).text()).toBe('app saw GET /static/hello.txt/');
  });

  it('picks the longest prefix', async () => {
    const app = site({}, { '/static': root, '/static/vendor': join(base, 'other') });
    expect(await (await get(app, '/static/vendor/lib.js')).text()).toBe('from other');
    expect(await (await get(app, '/static/hello.txt')).text()).toBe('Hello, world!\n');
  });

  it('serves non-ASCII names and decodes the path only once', async () => {
    expect(await (await get(site(), '/static/caf%C3%A9.txt')).text()).toBe('coffee');
    // %252e is %2e after the one decoding: a file literally named "%2e%2e.txt".
    expect(await (await get(site(), '/static/%252e%252e.txt')).text()).toBe('literally percent-two-e');
  });

  it('follows symlinks that stay inside the root', async () => {
    expect(await (await get(site(), '/static/link-in.txt')).text()).toBe('Hello, world!\n');
  });

  it('serves precompressed siblings and conditional requests', async () => {
    const app = site({ precompressed: true });
    const gz = await get(app, '/static/style.css', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
    expect(gz.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
    expect(gz.headers.get('Vary')).toBe('Accept-Encoding');
    const etag = (await get(app, '/static/hello.txt')).headers.get('ETag') as string;
    expect((await get(app, '/static/hello.txt', { headers: { 'If-None-Match': etag } })).statusCode).toBe(304);
    const part = await get(app, '/static/hello.txt', { headers: { Range: 'bytes=0-4' } });
    expect(part.statusCode).toBe(206);
    expect(await part.text()).toBe('Hello');
  });

  it('serves dotfiles only when allowed', async () => {
    expect(await (await get(site(), '/static/.env')).text()).toBe('app saw GET /static/.env');
    expect(await (await get(site({ dotfiles: 'allow' }), '/static/.env')).text()).toBe('SECRET=dotenv');
    expect(await (await get(site({ dotfiles: 'allow' }), '/static/.git/config')).text()).toBe('SECRET=git');
  });
});

describe('staticFiles hostile paths', () => {
  // Each is refused with a 404 that names no path; none reaches a secret. `fallthrough: false`
  // makes the middleware answer for itself, so the check covers its own 404 page.
  const hostile = [
    '/static/..%2fsecret.txt',
    '/static/%2e%2e/secret.txt',
    '/static/%2e%2e%2fsecret.txt',
    '/static/..%5csecret.txt',
    '/static/..%5c..%5csecret.txt',
    '/static/%00',
    '/static/hello.txt%00.png',
    '/static/%252e%252e/secret.txt',
    '/static/%252e%252e%252fsecret.txt',
    '/static/./hello.txt',
    '/static/docs/./guide.md',
    '/static/docs/../hello.txt',
    '/static//hello.txt',
    '/static/docs%2fguide.md',
    '/static/docs%2Fguide.md',
    '/static/../public2/secret.txt',
    '/static/link-out.txt',
    '/static/link-dir-out/secret.txt',
    '/static/docs/.%2e/.env',
    '/static/CON',
    '/static/con.txt',
    '/static/NUL.html',
    '/static/docs/COM1',
    '/static/lpt1.txt',
    '/static/aux.',
  ];

  const dotted = ['/static/.env', '/static/.git/config', '/static/link-dotenv', '/static/docs/../.env'];

  async function expectPlain404(app: App, url: string): Promise<void> {
    const res = await get(app, url, { headers: { Accept: 'text/plain' } });
    expect(res.statusCode, url).toBe(404);
    const body = await res.text();
    expect(body).not.toContain(base);
    expect(body).not.toContain('SECRET');
    expect(body).not.toContain('public');
    expect([...res.headers].join('\n')).not.toContain(base);
  }

  it.each(hostile)('refuses %s with a plain 404', async (url) => {
    await expectPlain404(site({ fallthrough: false }), url);
    await expectPlain404(site({ fallthrough: false, dotfiles: 'allow' }), url);
  });

  it.each(dotted)('hides %s', async (url) => {
    await expectPlain404(site({ fallthrough: false }), url);
  });

  it('never hands a trick to the app as an ordinary miss', async () => {
    for (const url of ['/static/%2e%2e/secret.txt', '/static/..%5csecret.txt', '/static/%00', '/static/CON']) {
      const res = await get(site(), url);
      expect(res.statusCode).toBe(404);
      expect(await res.text()).not.toContain('app saw');
    }
  });

  it('keeps a sibling directory sharing the prefix out', async () => {
    // /srv/public2 must not pass as inside /srv/public.
    const app = staticFiles(null, { '/static': root, '/s2': join(base, 'public2') });
    expect((await get(app, '/static/link-dir-out/secret.txt')).statusCode).toBe(404);
    expect(await (await get(app, '/s2/secret.txt')).text()).toBe('SECRET=sibling');
  });

  it('answers 404 for a missing root', async () => {
    const app = staticFiles(null, { '/static': join(base, 'nope') });
    const res = await get(app, '/static/hello.txt');
    expect(res.statusCode).toBe(404);
    expect(await res.text()).not.toContain(base);
  });
});

describe('staticFiles over a real socket', () => {
  let server: RunningServer;
  let port: number;
  beforeAll(async () => {
    server = await serve(site(), { host: '127.0.0.1', port: 0 });
    port = server.port;
  });
  afterAll(() => server.close());

  function raw(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
    // node:http keeps the path exactly as written, so encoded tricks reach the server untouched.
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('serves a file, a range and a 304', async () => {
    const full = await raw('/static/hello.txt');
    expect(full.status).toBe(200);
    expect(full.body).toBe('Hello, world!\n');
    expect(full.headers['content-length']).toBe('14');
    const part = await raw('/static/hello.txt', { Range: 'bytes=7-11' });
    expect(part.status).toBe(206);
    expect(part.body).toBe('world');
    const cached = await raw('/static/hello.txt', { 'If-None-Match': String(full.headers.etag) });
    expect(cached.status).toBe(304);
    expect(cached.body).toBe('');
  });

  it('refuses traversal sent raw', async () => {
    for (const path of ['/static/../secret.txt', '/static/%2e%2e/secret.txt', '/static/..%5csecret.txt', '/static/%00']) {
      const res = await raw(path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain(base);
      expect(res.body).not.toContain('SECRET');
    }
  });
});
