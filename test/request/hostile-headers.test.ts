/**
 * Hostile headers, in process: random header sets drawn from a pool of nasty values, sent through
 * the test client (lint on) to an app that reads every Request property. Nothing may answer 5xx,
 * throw out of the app, or take long.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { Client } from '../../src/adapters/test/index.js';
import { createHostileApp, HOSTILE_ROUTES, NASTY_STRINGS, RAW_ONLY_STRINGS } from '../e2e/hostile-app.js';

const root = mkdtempSync(path.join(tmpdir(), 'tsgi-hostile-headers-'));
const app = createHostileApp({ uploadDir: path.join(root, 'uploads'), publicDir: path.join(root, 'public') });
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Headers the app's routes read. */
const HEADER_NAMES = [
  'Host',
  'Accept',
  'Accept-Language',
  'Accept-Encoding',
  'Accept-Charset',
  'Cache-Control',
  'If-Match',
  'If-None-Match',
  'If-Modified-Since',
  'If-Unmodified-Since',
  'If-Range',
  'Range',
  'Authorization',
  'Cookie',
  'X-Forwarded-For',
  'Content-Type',
  'Content-Encoding',
  'User-Agent',
  'Referer',
  'Origin',
] as const;

/** A value from the pool, a random string, or a pool value with random text spliced in. */
const nastyValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...NASTY_STRINGS), fc.string({ maxLength: 20 }), fc.nat())
      .map(([base, extra, at]) => base.slice(0, at % (base.length + 1)) + extra + base.slice(at % (base.length + 1))),
  },
);

/** What a server could pass on: no CR, LF or NUL (llhttp refuses them). */
const serverSafe = (value: string): string => value.replace(/[\r\n\0]/g, ' ');

const headerSet = fc.uniqueArray(fc.tuple(fc.constantFrom(...HEADER_NAMES), nastyValue), {
  selector: ([name]) => name,
  maxLength: HEADER_NAMES.length,
});

const GET_ROUTES = ['/info', '/conditional', '/redirect', '/cookie', '/file/hello.txt', '/static/hello.txt', '/static/', '/values'];

/** Asserts a response is a deliberate answer: no 5xx, nothing written to tsgi.errors. */
function expectHandled(res: { statusCode: number; errors: string }, what: unknown): void {
  if (res.statusCode >= 500 || res.errors !== '') {
    throw new Error(`${res.statusCode} for ${JSON.stringify(what).slice(0, 600)}\n${res.errors.slice(0, 2000)}`);
  }
}

describe('hostile headers through the test client', () => {
  it('every Request property survives random nasty header values (lint on)', async () => {
    const client = new Client(app, { cookies: false });
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...GET_ROUTES), headerSet, nastyValue, async (route, headers, query) => {
        const pairs = headers.map(([name, value]) => [name, serverSafe(value)] as [string, string]);
        const res = await client.request('GET', route, {
          headers: pairs,
          environ: { QUERY_STRING: serverSafe(query) },
        });
        expectHandled(res, { route, pairs, query });
      }),
      { numRuns: 500 },
    );
    // A bound for blow-ups (a quadratic parser turns this into minutes), not a speed measure.
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('every nasty value alone in every header is a deliberate answer', async () => {
    const client = new Client(app, { cookies: false });
    for (const name of HEADER_NAMES) {
      for (const value of NASTY_STRINGS) {
        const started = performance.now();
        const res = await client.get('/info', { headers: [[name, value]] });
        expectHandled(res, { name, value: value.slice(0, 100) });
        // One request with a 100 kB header: a blow-up (quadratic parsing) shows here.
        expect(performance.now() - started).toBeLessThan(2000);
      }
    }
  });

  it('raw environ values no server sends (CR, LF, NUL, non-Latin-1) still get no 5xx', async () => {
    // lint would (rightly) blame the server for these; the app must cope all the same.
    const client = new Client(app, { cookies: false, lint: false });
    for (const value of [...RAW_ONLY_STRINGS, '\u{1F600}', '\uD800', '\uDFFF']) {
      for (const name of HEADER_NAMES) {
        const key = name === 'Content-Type' ? 'CONTENT_TYPE' : `HTTP_${name.toUpperCase().replaceAll('-', '_')}`;
        for (const route of GET_ROUTES) {
          for (const query of ['', `to=${value}&value=${value}`, value]) {
            const res = await client.get(route, { environ: { [key]: value, QUERY_STRING: query, PATH_INFO: route } });
            expectHandled(res, { route, key, value: value.slice(0, 40), query: query.slice(0, 40) });
          }
        }
      }
    }
  });

  it('the routes list is what the app serves', async () => {
    const client = new Client(app, { cookies: false });
    const res = await client.get('/missing');
    expect(res.statusCode).toBe(404);
    expect(HOSTILE_ROUTES).toContain('/missing');
  });
});
