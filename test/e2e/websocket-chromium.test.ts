/**
 * WebSockets in headless Chromium (Debian's package): the chat room of `examples/realtime/chat.ts`,
 * mounted at /chat beside a small page, served by `serve` on 127.0.0.1. The page opens a real
 * `EventSource` on the room and a browser `WebSocket` offering two subprotocols; the server
 * selects `chat.v1`, echoes text, sends binary back as it is, posts the line to the room's event
 * stream, and closes with 4000 on `close`. A page served by a second server (another port: another
 * origin) that opens a WebSocket to the first is refused with 403 before the app accepts: the
 * browser sees an error and a 1006 close, the server answered 403. Last, the demo site's /live page
 * (examples/demo, `npm start`), its own inline script driven as a user would: type, send, see the
 * echo and the feed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.js';
import { serve, type RunningServer } from '../../src/adapters/node/index.js';
import { dispatcher } from '../../src/middleware/index.js';
import { Request } from '../../src/request/request.js';
import { Response } from '../../src/response/response.js';
import type { App } from '../../src/gateway.js';
import { chat, CHAT_TOKEN } from '../../examples/realtime/chat.js';

const available = chromiumAvailable('websocket-chromium');

const ROOM_PAGE = `<!doctype html><title>chat</title><script>
window.result = (async () => {
  const feed = [];
  const source = new EventSource('/chat/events');
  const posted = new Promise((resolve) =>
    source.addEventListener('message', (event) => {
      feed.push(event.data);
      if (event.data === 'hello from chromium') resolve();
    }),
  );
  await new Promise((resolve) => source.addEventListener('open', resolve, { once: true }));

  const ws = new WebSocket(\`ws://\${location.host}/chat/socket?token=${CHAT_TOKEN}\`, ['chat.v2', 'chat.v1']);
  ws.binaryType = 'arraybuffer';
  const closed = new Promise((resolve) =>
    ws.addEventListener('close', (event) => resolve({ code: event.code, reason: event.reason, wasClean: event.wasClean })),
  );
  await new Promise((resolve, reject) => {
    ws.addEventListener('open', resolve, { once: true });
    ws.addEventListener('error', () => reject(new Error('the WebSocket failed to open')), { once: true });
  });
  const next = () => new Promise((resolve) => ws.addEventListener('message', (event) => resolve(event.data), { once: true }));

  let reply = next();
  ws.send('hello from chromium');
  const echoed = await reply;
  await posted;
  reply = next();
  ws.send(new Uint8Array([0, 1, 254, 255]));
  const binary = Array.from(new Uint8Array(await reply));
  ws.send('close');
  const close = await closed;
  source.close();
  return { protocol: ws.protocol, echoed, binary, feed, close };
})();
</script>`;

/** The other site's page: a WebSocket to the first server, with the right token and subprotocol. */
const otherSitePage = (target: string) => `<!doctype html><title>elsewhere</title><script>
window.result = new Promise((resolve) => {
  const ws = new WebSocket('${target.replace('http', 'ws')}/chat/socket?token=${CHAT_TOKEN}', 'chat.v1');
  const seen = [];
  ws.addEventListener('open', () => seen.push('open'));
  ws.addEventListener('message', () => seen.push('message'));
  ws.addEventListener('error', () => seen.push('error'));
  ws.addEventListener('close', (event) => resolve({ seen, code: event.code }));
});
</script>`;

describe.skipIf(!available)('WebSockets in Chromium (e2e)', () => {
  let server: RunningServer;
  let other: RunningServer;
  let browser: import('playwright-core').Browser;
  // What the first server answered each handshake to /chat/socket, in order.
  const handshakes: string[] = [];

  beforeAll(async () => {
    const page = Request.application(() => new Response(ROOM_PAGE, { mimetype: 'text/html' }));
    const site = dispatcher(page, { '/chat': chat });
    const recording: App = (environ, startResponse) => {
      const path = environ.PATH_INFO; // before the dispatcher shifts it
      return site(environ, (status, headers, excInfo) => {
        if (path === '/chat/socket') handshakes.push(status);
        return startResponse(status, headers, excInfo);
      });
    };
    server = await serve(recording, { port: 0, host: '127.0.0.1', accessLog: false });
    const elsewhere = Request.application(() => new Response(otherSitePage(server.url), { mimetype: 'text/html' }));
    other = await serve(elsewhere, { port: 0, host: '127.0.0.1', accessLog: false });
    browser = await launchChromium();
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await other?.close();
    await server?.close();
  });

  it('opens with the subprotocol the server selected, echoes text and binary, posts to the event stream, closes with 4000', async () => {
    const before = (await (await fetch(`${server.url}/chat/stats`)).json()) as { finished: number };
    const tab = await browser.newPage();
    await tab.goto(`${server.url}/`);
    const result = (await tab.evaluate('window.result')) as {
      protocol: string;
      echoed: string;
      binary: number[];
      feed: string[];
      close: { code: number; reason: string; wasClean: boolean };
    };
    await tab.close();
    expect(result.protocol).toBe('chat.v1');
    expect(result.echoed).toBe('echo: hello from chromium');
    expect(result.binary).toEqual([0, 1, 254, 255]);
    expect(result.feed).toContain('hello from chromium');
    expect(result.close).toEqual({ code: 4000, reason: 'bye', wasClean: true });
    expect(handshakes.at(-1)).toBe('101 Switching Protocols');
    // The handler ran to its end once, and no socket is left open.
    const stats = (await (await fetch(`${server.url}/chat/stats`)).json()) as { open: number; finished: number; lastClose: unknown };
    expect(stats.open).toBe(0);
    expect(stats.finished).toBe(before.finished + 1);
    expect(stats.lastClose).toEqual({ code: 4000, reason: 'bye' });
  }, 30_000);

  it('refuses a page of another origin with 403: the browser gets an error and 1006', async () => {
    const count = handshakes.length;
    const tab = await browser.newPage();
    await tab.goto(`${other.url}/`);
    const result = (await tab.evaluate('window.result')) as { seen: string[]; code: number };
    await tab.close();
    expect(result).toEqual({ seen: ['error'], code: 1006 });
    expect(handshakes.slice(count)).toEqual(['403 Forbidden']);
    const stats = (await (await fetch(`${server.url}/chat/stats`)).json()) as { open: number };
    expect(stats.open).toBe(0);
  }, 30_000);

  it("drives the demo's /live page: the socket opens with echo.v1, a sent line is echoed and shows in the feed", async () => {
    // The demo is JavaScript importing the built package (`tsgi`, dist/): served here by the adapter
    // from src/, which only needs the protocol. A path held in a string, as it has no types.
    const demoPath: string = '../../examples/demo/app.js';
    const { default: demo } = (await import(demoPath)) as { default: App };
    const site = await serve(demo, { port: 0, host: '127.0.0.1', accessLog: false });
    try {
      const tab = await browser.newPage();
      await tab.goto(`${site.url}/live`);
      await tab.waitForFunction(() => document.getElementById('state')?.textContent === 'open, subprotocol echo.v1');
      const line = `typed in <chromium> ${Date.now()}`;
      await tab.fill('input[name=line]', line);
      await tab.click('#send button');
      await tab.waitForFunction(
        (sent) => [...document.querySelectorAll('#echoes li, #feed li')].filter((li) => li.textContent === sent).length === 2,
        line,
      );
      // Text from the network goes in as text: no element was made of the line's <chromium>.
      expect(await tab.locator('chromium').count()).toBe(0);
      await tab.close();
    } finally {
      await site.close();
    }
  }, 30_000);
});
