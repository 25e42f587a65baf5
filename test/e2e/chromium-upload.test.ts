/**
 * Headless Chromium (Debian's package, installed by scripts/setup/chromium.sh) fills in and submits
 * a multipart form to a tsgi app served by the node adapter; the app must receive exactly what the
 * browser sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.js';
import { startUploadServer, trickyBytes } from './upload-server.js';
import { noUploadsLeft, uploadDir } from '../request/multipart/helpers.js';

const available = chromiumAvailable('chromium-upload');

describe.skipIf(!available)('Chromium form upload (e2e)', () => {
  const dir = uploadDir();
  let server: Awaited<ReturnType<typeof startUploadServer>>;
  let browser: import('playwright-core').Browser;

  beforeAll(async () => {
    server = await startUploadServer(dir);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a text field, a textarea and two files arrive byte for byte', async () => {
    const doc = trickyBytes(300 * 1024, 7); // over the 64 KiB threshold: goes through a temp file
    const pic = trickyBytes(5000, 11);
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.fill('input[name=note]', 'héllo wörld ✓');
    await page.fill('textarea[name=message]', 'line one\nline two');
    await page.setInputFiles('input[name=doc]', { name: 'résumé ✓.bin', mimeType: 'application/octet-stream', buffer: doc });
    await page.setInputFiles('input[name=pic]', { name: 'pixel.png', mimeType: 'image/png', buffer: pic });
    const [response] = await Promise.all([page.waitForNavigation(), page.click('#send')]);
    expect(response?.status()).toBe(200);
    await page.close();

    expect(server.received).toHaveLength(1);
    const got = server.received[0];
    // Browsers send textarea line breaks as CRLF (HTML's form submission algorithm).
    expect(got.fields).toEqual([
      ['note', 'héllo wörld ✓'],
      ['message', 'line one\r\nline two'],
    ]);
    expect(got.files.map((f) => [f.field, f.filename, f.contentType, f.bytes.length, f.onDisk])).toEqual([
      ['doc', 'résumé ✓.bin', 'application/octet-stream', doc.length, true],
      ['pic', 'pixel.png', 'image/png', pic.length, false],
    ]);
    expect(got.files[0].bytes.equals(doc)).toBe(true);
    expect(got.files[1].bytes.equals(pic)).toBe(true);
    // The response is finished: the temporary file is gone.
    expect(await noUploadsLeft(dir)).toEqual([]);
  });
});
