/**
 * The development error page in a real browser: headless Chromium (Debian's package, installed by
 * scripts/setup/chromium.sh) opens a page of `serve(app, { debug: true })` that throws. The page
 * must render with its nonce-marked style and script under its own CSP, show the error and a
 * source line, and a DNS-rebound name for 127.0.0.1 must get the generic 500.
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.js';
import { Request } from '../../src/request/request.js';
import { serve, type RunningServer } from '../../src/adapters/node/index.js';
import { explode } from '../debug/fixtures/throws.js';

const available = chromiumAvailable('debug-page');

describe.skipIf(!available)('the development error page in Chromium (e2e)', () => {
  let server: RunningServer;
  let browser: import('playwright-core').Browser;
  const screenshot = join(tmpdir(), `tsgi-debug-page-${process.pid}.png`);

  beforeAll(async () => {
    const app = Request.application((req) => explode(`in the browser at ${req.path}`));
    server = await serve(app, { port: 0, debug: true, errors: { write: () => undefined } });
    browser = await launchChromium([
          // DNS rebinding, simulated: evil.example resolves to this machine.
          '--host-resolver-rules=MAP evil.example 127.0.0.1',
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(screenshot, { force: true });
  });

  it('renders the error, a source line and its own style and script, and nothing is blocked', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(`${server.url}/oops`);
    expect(response?.status()).toBe(500);

    await expect.poll(() => page.locator('h1').innerText()).toBe('Error: exploded: in the browser at /oops');
    const sourceLine = page.locator('.row.here').first();
    expect(await sourceLine.isVisible()).toBe(true);
    expect(await sourceLine.innerText()).toMatch(/^4\s+throw new Error\(reason\);$/);
    // The style sheet applied (its nonce matched the CSP): the header has its dark background.
    expect(await page.locator('header').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(43, 18, 22)');
    // The script ran too: the copy button copies the plain-text report.
    await page.click('#copy');
    await expect.poll(() => page.locator('#copy').innerText()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^Error: exploded: in the browser at \/oops\n/);
    expect(violations).toEqual([]);

    await page.screenshot({ path: screenshot, fullPage: true });
    const png = readFileSync(screenshot);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(1200); // IHDR width
    expect(png.readUInt32BE(20)).toBeGreaterThan(900); // full page: taller than the viewport
    expect(png.byteLength).toBeGreaterThan(30_000); // text and colour, not a blank page
    await context.close();
  });

  it('gives the generic 500 to a name that was rebound to 127.0.0.1', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`http://evil.example:${server.port}/oops`);
    expect(response?.status()).toBe(500);
    const text = await page.locator('body').innerText();
    expect(text).toContain('Internal Server Error');
    expect(text).not.toContain('exploded');
    await page.close();
  });
});
