/**
 * Server-sent events in headless Chromium (Debian's package): a real `EventSource` on the feed of
 * `examples/realtime/sse.ts`, served by `serve` on 127.0.0.1. The feed closes after every 3
 * events with `retry: 100`; the browser reconnects after 100 ms (not its default 3 s), sends the
 * last id it saw as `Last-Event-ID`, and the feed resumes after it; once all 6 are sent, the feed
 * answers 204, which tells the browser to stop reconnecting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.js';
import { serve, type RunningServer } from '../../src/adapters/node/index.js';
import { dispatcher } from '../../src/middleware/index.js';
import { Request } from '../../src/request/request.js';
import { Response } from '../../src/response/response.js';
import { feed } from '../../examples/realtime/sse.js';

const available = chromiumAvailable('sse-chromium');

const PAGE = `<!doctype html><title>feed</title><script>
window.result = new Promise((resolve) => {
  const seen = [];
  const opens = [];
  const started = performance.now();
  const source = new EventSource('/sse/feed?count=6&per=3&retry=100&interval=10');
  source.addEventListener('open', () => opens.push(Math.round(performance.now() - started)));
  source.addEventListener('tick', (event) => seen.push({ id: event.lastEventId, data: event.data }));
  source.addEventListener('error', () => {
    // CLOSED: the server answered 204, the browser gave up for good. CONNECTING: it will retry.
    if (source.readyState === EventSource.CLOSED) resolve({ seen, opens, ms: Math.round(performance.now() - started) });
  });
});
</script>`;

describe.skipIf(!available)('server-sent events in Chromium (e2e)', () => {
  let server: RunningServer;
  let browser: import('playwright-core').Browser;

  beforeAll(async () => {
    const page = Request.application(() => new Response(PAGE, { mimetype: 'text/html' }));
    server = await serve(dispatcher(page, { '/sse': feed }), { port: 0, host: '127.0.0.1', accessLog: false });
    browser = await launchChromium();
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reconnects after retry ms with Last-Event-ID, the feed resumes, and a 204 stops it', async () => {
    const before = ((await (await fetch(`${server.url}/sse/seen`)).json()) as unknown[]).length;
    const tab = await browser.newPage();
    await tab.goto(`${server.url}/`);
    const result = (await tab.evaluate('window.result')) as {
      seen: Array<{ id: string; data: string }>;
      opens: number[];
      ms: number;
    };
    await tab.close();
    expect(result.seen).toEqual([1, 2, 3, 4, 5, 6].map((n) => ({ id: String(n), data: `${n}\nof 6` })));
    expect(result.opens).toHaveLength(2);
    // The server saw no id on the first request, then the last id of each batch.
    const seen = ((await (await fetch(`${server.url}/sse/seen`)).json()) as Array<string | null>).slice(before);
    expect(seen).toEqual([null, '3', '6']);
    // Two reconnects at retry: 100 ms, not Chromium's default of 3 s.
    expect(result.ms).toBeLessThan(2500);
    expect(await (await fetch(`${server.url}/sse/open`)).json()).toEqual({ open: 0 });
  }, 30_000);
});
