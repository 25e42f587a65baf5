/**
 * Hostile methods, paths and queries, in process: traversal attempts (`..`, `%2e`, `%2f`, `%00`,
 * backslashes, symlinks) against `sendFile` and `staticFiles`, random methods against every route,
 * and random query strings. Nothing may answer 5xx, and no byte from outside the public directory
 * may ever come back.
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { Client } from '../../src/adapters/test/index.js';
import { decodePathInfo } from '../../src/request/create-environ.js';
import { createHostileApp, HOSTILE_ROUTES, NASTY_STRINGS } from '../e2e/hostile-app.js';

const root = mkdtempSync(path.join(tmpdir(), 'tsgi-hostile-paths-'));
const publicDir = path.join(root, 'public');
const app = createHostileApp({ uploadDir: path.join(root, 'uploads'), publicDir });
const SECRET = 'TOP-SECRET-d41d8cd98f00b204';
writeFileSync(path.join(root, 'secret.txt'), SECRET);
writeFileSync(path.join(publicDir, '.env'), SECRET);
symlinkSync(path.join(root, 'secret.txt'), path.join(publicDir, 'link.txt'));
symlinkSync(root, path.join(publicDir, 'up'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SEGMENTS = [
  '..', '.', '', '%2e%2e', '%2E%2e', '.%2e', '%2e.', '..%2f', '%2f', '%5c', '..\\', '\\', '%00', '\0', 'secret.txt',
  'hello.txt', 'hello.txt%00.png', 'link.txt', 'up', '.env', '%2eenv', 'CON', 'nul.txt', 'aux', '~', '%', '%zz',
  '%c0%ae%c0%ae', '%e0%80%ae', '\u2025', '\uff0e\uff0e', 'index.html', '%252e%252e', ';', '?', '#', '\u{1F600}',
];

const pathArb = fc
  .tuple(fc.constantFrom('/file', '/static', '', '/info'), fc.array(fc.constantFrom(...SEGMENTS), { maxLength: 8 }), fc.boolean())
  .map(([prefix, segments, slash]) => `${prefix}/${segments.join('/')}${slash ? '/' : ''}`);

const methodArb = fc.oneof(
  fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT', 'PROPFIND', 'get', 'Get'),
  fc.stringMatching(/^[A-Za-z!#$%&'*+.^_`|~-]{1,20}$/),
);

function expectSafe(res: { statusCode: number; errors: string }, body: string, what: unknown): void {
  if (res.statusCode >= 500 || res.errors !== '' || body.includes(SECRET)) {
    throw new Error(`${res.statusCode} for ${JSON.stringify(what)}: ${body.slice(0, 300)}\n${res.errors.slice(0, 1500)}`);
  }
}

describe('hostile paths and methods through the test client', () => {
  it('traversal attempts never leak a byte from outside the public directory (raw REQUEST_URI)', async () => {
    const client = new Client(app, { cookies: false, lint: false });
    await fc.assert(
      fc.asyncProperty(pathArb, fc.constantFrom('GET', 'HEAD'), async (raw, method) => {
        const pathInfo = decodePathInfo(raw);
        const res = await client.request(method, '/', { environ: { PATH_INFO: pathInfo, REQUEST_URI: raw } });
        expectSafe(res, await res.text(), { raw, pathInfo });
      }),
      { numRuns: 600 },
    );
  });

  it('traversal attempts through the client URL (as a browser would encode them)', async () => {
    const client = new Client(app, { cookies: false });
    await fc.assert(
      fc.asyncProperty(pathArb.filter((p) => !p.includes('\0')), async (raw) => {
        const res = await client.get(`http://localhost${raw.replace(/[#?]/g, encodeURIComponent)}`);
        expectSafe(res, await res.text(), { raw });
      }),
      { numRuns: 400 },
    );
  });

  it('the public file is served, and known tricks are 404s', async () => {
    const client = new Client(app, { cookies: false });
    expect((await client.get('/static/hello.txt')).statusCode).toBe(200);
    expect((await client.get('/file/hello.txt')).statusCode).toBe(200);
    for (const trick of ['/static/..%2fsecret.txt', '/static/%2e%2e/secret.txt', '/static/link.txt', '/static/up/secret.txt', '/static/.env', '/file/link.txt', '/file/up/secret.txt', '/file/.env', '/file/..%2fsecret.txt']) {
      const res = await client.get(trick);
      expect([trick, res.statusCode]).toEqual([trick, 404]);
    }
  });

  it('random methods on every route are answered without a 5xx', async () => {
    const client = new Client(app, { cookies: false });
    await fc.assert(
      fc.asyncProperty(methodArb, fc.constantFrom(...HOSTILE_ROUTES), fc.constantFrom(...NASTY_STRINGS.map((s) => s.slice(0, 3000))), async (method, route, query) => {
        const res = await client.request(method, route, { environ: { QUERY_STRING: query } });
        expectSafe(res, await res.text(), { method, route, query: query.slice(0, 100) });
      }),
      { numRuns: 600 },
    );
  });

  it('redirect targets from the query never produce an off-site or broken Location', async () => {
    const client = new Client(app, { cookies: false });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...NASTY_STRINGS.map((s) => s.slice(0, 3000))), fc.string({ unit: 'binary', maxLength: 60 })), async (target) => {
        const res = await client.get('/redirect', { query: { to: target } });
        if (/^[\0-\x20]*(javascript|data|vbscript):/i.test(target.replace(/[\t\n\r]/g, ''))) {
          expect(res.statusCode).toBe(400);
          return;
        }
        expect(res.statusCode).toBe(303);
        const location = res.headers.get('Location') ?? '';
        expect(location).toMatch(/^[\x21-\x7e]*$/);
        if (/^[/\\]/.test(target.replace(/[\t\n\r]/g, ''))) expect(location).toMatch(/^\/(?![/\\])/);
      }),
      { numRuns: 400 },
    );
  });
});
