/**
 * Headless Chromium (Debian's package, installed by scripts/setup/chromium.sh) runs a page served
 * on one loopback origin (`http://127.0.0.1:PAGE`) that calls an API on another
 * (`http://localhost:API`), both real `serve()` servers, the API wrapped in `cors`. What `fetch`
 * saw is read in the page; what reached the API (and whether the app ran) is recorded by the server.
 *
 * Chromium withholds cookies from a cross-site page's requests (third-party cookies), so the
 * cookie of a credentialed request is checked from a second page, `http://localhost:PAGE`: same
 * site as the API, still another origin (the port differs), so CORS applies all the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.js';
import type { App } from '../../src/gateway.js';
import { serve, type RunningServer } from '../../src/adapters/node/index.js';
import { cors, dispatcher } from '../../src/middleware/index.js';
import { Request } from '../../src/request/request.js';
import { Response } from '../../src/response/response.js';

const available = chromiumAvailable('cors-chromium');

/** What the page's fetch saw: a response it may read, or the TypeError of a CORS failure. */
type Seen = { ok: true; status: number; body: string; requestId: string | null } | { ok: false; error: string };

describe.skipIf(!available)('CORS from Chromium (e2e)', () => {
  let page: RunningServer;
  let api: RunningServer;
  let browser: import('playwright-core').Browser;
  let tab: import('playwright-core').Page;
  let sameSiteTab: import('playwright-core').Page;
  /** Every request that reached the API server (outside cors), and every one the app itself ran. */
  const arrived: string[] = [];
  const ran: Array<{ request: string; apiKey: string | undefined; cookie: string | undefined }> = [];

  beforeAll(async () => {
    page = await serve(
      Request.application(() => new Response('<!doctype html><title>page</title><p>page</p>', { mimetype: 'text/html' })),
      { port: 0, host: '127.0.0.1' },
    );
    const handler = Request.application((req) => {
      ran.push({ request: `${req.method} ${req.rootPath}${req.path}`, apiKey: req.headers.get('X-Api-Key'), cookie: req.cookies.sid });
      return Response.json({ method: req.method, path: req.path }, { headers: { 'X-Request-Id': `r${ran.length}` } });
    });
    const site: App = dispatcher(handler, {
      // The page's origin is listed here...
      '/open': cors(handler, {
        origins: [page.url, `http://localhost:${page.port}`],
        credentials: true,
        exposeHeaders: ['X-Request-Id'],
        maxAge: 0, // no preflight cache: every test sees its own preflight
      }),
      // ...and not here...
      '/closed': cors(handler, { origins: ['https://elsewhere.example'], credentials: true }),
      // ...and here without credentials.
      '/public': cors(handler, { origins: [page.url], maxAge: 0 }),
    });
    const recorded: App = (environ, startResponse) => {
      arrived.push(`${environ.REQUEST_METHOD} ${environ.PATH_INFO}`);
      return site(environ, startResponse);
    };
    api = await serve(recorded, { port: 0, host: '127.0.0.1' });

    browser = await launchChromium([
          // localhost may resolve to ::1 first; the API listens on 127.0.0.1 only.
          '--host-resolver-rules=MAP localhost 127.0.0.1',
    ]);
    const context = await browser.newContext();
    // A session cookie of the API's site; credentialed requests must carry it.
    await context.addCookies([{ name: 'sid', value: 's3cret', domain: 'localhost', path: '/', sameSite: 'None', secure: true }]);
    tab = await context.newPage();
    await tab.goto(`${page.url}/`);
    sameSiteTab = await context.newPage();
    await sameSiteTab.goto(`http://localhost:${page.port}/`);
  });

  afterAll(async () => {
    await browser?.close();
    await page?.close();
    await api?.close();
  });

  const apiUrl = (path: string) => `http://localhost:${api.port}${path}`;

  /** Runs fetch(url, init) in the page (the 127.0.0.1 one unless another is given). */
  function fetchInPage(
    url: string,
    init: { method?: string; headers?: Record<string, string>; credentials?: 'include' | 'omit' },
    on = tab,
  ): Promise<Seen> {
    return on.evaluate(
      async ({ url, init }) => {
        try {
          const res = await fetch(url, init);
          return { ok: true as const, status: res.status, body: await res.text(), requestId: res.headers.get('X-Request-Id') };
        } catch (error) {
          return { ok: false as const, error: String(error) };
        }
      },
      { url, init },
    );
  }

  function reset(): void {
    arrived.length = 0;
    ran.length = 0;
  }

  it('a simple request from a listed origin: the page reads the body and an exposed header', async () => {
    reset();
    const seen = await fetchInPage(apiUrl('/open/items'), {});
    expect(seen).toEqual({ ok: true, status: 200, body: '{"method":"GET","path":"/items"}', requestId: 'r1' });
    expect(arrived).toEqual(['GET /open/items']);
    expect(ran.map((r) => r.request)).toEqual(['GET /open/items']);
  });

  it('a simple request from an unlisted origin: the app runs, but the page cannot read the answer', async () => {
    reset();
    const seen = await fetchInPage(apiUrl('/closed/items'), {});
    expect(seen).toEqual({ ok: false, error: 'TypeError: Failed to fetch' });
    // CORS is not access control: the server did answer; only the reading was refused.
    expect(ran.map((r) => r.request)).toEqual(['GET /closed/items']);
  });

  it('a preflighted PUT with a custom header and credentials: preflight answered by cors, then the app runs', async () => {
    reset();
    const seen = await fetchInPage(apiUrl('/open/items/7'), { method: 'PUT', headers: { 'X-Api-Key': 'k1' }, credentials: 'include' });
    expect(seen).toEqual({ ok: true, status: 200, body: '{"method":"PUT","path":"/items/7"}', requestId: 'r1' });
    expect(arrived).toEqual(['OPTIONS /open/items/7', 'PUT /open/items/7']);
    // The app never saw the preflight; it saw the PUT with the header (the cookie is third-party here).
    expect(ran).toEqual([{ request: 'PUT /open/items/7', apiKey: 'k1', cookie: undefined }]);
  });

  it('the same from a same-site page on another port: the cookie reaches the app', async () => {
    reset();
    const seen = await fetchInPage(apiUrl('/open/items/8'), { method: 'PUT', headers: { 'X-Api-Key': 'k2' }, credentials: 'include' }, sameSiteTab);
    expect(seen).toEqual({ ok: true, status: 200, body: '{"method":"PUT","path":"/items/8"}', requestId: 'r1' });
    expect(arrived).toEqual(['OPTIONS /open/items/8', 'PUT /open/items/8']);
    expect(ran).toEqual([{ request: 'PUT /open/items/8', apiKey: 'k2', cookie: 's3cret' }]);
  });

  it('credentials need credentials: true: without it the credentialed PUT stops at the preflight', async () => {
    reset();
    const put = { method: 'PUT', headers: { 'X-Api-Key': 'k3' } };
    expect(await fetchInPage(apiUrl('/public/items/9'), { ...put, credentials: 'include' })).toEqual({
      ok: false,
      error: 'TypeError: Failed to fetch',
    });
    expect(ran).toEqual([]);
    const seen = await fetchInPage(apiUrl('/public/items/9'), { ...put, credentials: 'omit' });
    expect(seen).toMatchObject({ ok: true, status: 200, body: '{"method":"PUT","path":"/items/9"}' });
    expect(arrived).toEqual(['OPTIONS /public/items/9', 'OPTIONS /public/items/9', 'PUT /public/items/9']);
    expect(ran.map((r) => r.request)).toEqual(['PUT /public/items/9']);
  });

  it('a preflighted PUT from an unlisted origin: refused at the preflight, the app never runs', async () => {
    reset();
    const seen = await fetchInPage(apiUrl('/closed/items/7'), { method: 'PUT', headers: { 'X-Api-Key': 'k1' }, credentials: 'include' });
    expect(seen).toEqual({ ok: false, error: 'TypeError: Failed to fetch' });
    expect(arrived).toEqual(['OPTIONS /closed/items/7']);
    expect(ran).toEqual([]);
  });
});
