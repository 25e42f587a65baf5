/**
 * Hostile clients over a real socket: raw bytes that `fetch` would refuse to send (malformed
 * request lines and headers, conflicting framing, bad chunk sizes, slowloris, floods of headers,
 * pipelining, clients that leave mid-upload or mid-response) against the hostile app served by
 * `serve`. After each case the server must still answer a normal request; at the end no temporary
 * upload is left, nothing was written to `tsgi.errors`, and no promise was rejected unhandled.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../../src/adapters/node/serve.js';
import { bigBodies, createHostileApp, HELLO } from './hostile-app.js';
import { openFilesUnder } from '../support/descriptors.js';

const root = mkdtempSync(path.join(tmpdir(), 'tsgi-hostile-e2e-'));
const uploadDir = path.join(root, 'uploads');
const errors: string[] = [];
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => void rejections.push(reason);
let server: RunningServer;

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  const app = createHostileApp({ uploadDir, publicDir: path.join(root, 'public') });
  writeFileSync(path.join(root, 'public', 'big.bin'), Buffer.alloc(24 * 1024 * 1024, 0x62));
  server = await serve(app, {
    port: 0,
    errors: { write: (message: string) => void errors.push(message) },
    // Short timeouts so slowloris is cut in seconds (Node's defaults are 60 s and 300 s); Node
    // checks them every connectionsCheckingInterval.
    headersTimeout: 1500,
    requestTimeout: 2500,
    connectionsCheckingInterval: 200,
  });
});

afterAll(async () => {
  await server?.close();
  process.off('unhandledRejection', onRejection);
  rmSync(root, { recursive: true, force: true });
});

/** Files under our directory this process holds open, such as a served file. */
const openFiles = (): string[] => openFilesUnder(root);

afterEach(async () => {
  // The server still answers a normal request after every case.
  const res = await fetch(`${server.url}/info?after=1`);
  expect(res.status).toBe(200);
  expect(((await res.json()) as { args: Record<string, string> }).args).toEqual({ after: '1' });
  // Uploads cut short are removed; give the cleanup a moment to run.
  await waitFor(() => readdirSync(uploadDir).length === 0, 3000);
  expect(readdirSync(uploadDir)).toEqual([]);
  // Served files are closed, also when the client left in the middle.
  await waitFor(() => openFiles().length === 0, 3000);
  expect(openFiles()).toEqual([]);
  expect(errors).toEqual([]);
  expect(rejections).toEqual([]);
});

/** Polls `check` every 20 ms until it holds or `ms` pass. */
async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

interface Exchange {
  /** Everything the server sent, as Latin-1. */
  text: string;
  /** True when the server closed (or reset) the connection before `waitMs` ran out. */
  closed: boolean;
  /** Milliseconds from the first write to the close (or the give-up). */
  ms: number;
}

/**
 * Opens a socket, writes each piece (a number is a pause in ms), and collects the answer until the
 * server closes the connection or `waitMs` pass; `hangUp` ends our side after the last write, and
 * `destroyAfterMs` resets the connection that long after the last write.
 */
function raw(
  pieces: Array<string | Buffer | number>,
  options: { waitMs?: number; hangUp?: boolean; destroyAfterMs?: number; until?: (text: string) => boolean } = {},
): Promise<Exchange> {
  const waitMs = options.waitMs ?? 3000;
  return new Promise((resolve) => {
    const socket = net.connect(server.port, '127.0.0.1');
    const received: Buffer[] = [];
    const started = Date.now();
    let settled = false;
    const finish = (closed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ text: Buffer.concat(received).toString('latin1'), closed, ms: Date.now() - started });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('data', (data) => {
      received.push(data);
      if (options.until?.(Buffer.concat(received).toString('latin1'))) finish(false);
    });
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    socket.on('connect', async () => {
      for (const piece of pieces) {
        if (socket.destroyed) return;
        if (typeof piece === 'number') await new Promise((resolve) => setTimeout(resolve, piece));
        else socket.write(piece);
      }
      if (options.hangUp) socket.end();
      if (options.destroyAfterMs !== undefined) setTimeout(() => socket.destroy(), options.destroyAfterMs);
    });
  });
}

/** The status codes of every response in `text` (pipelined answers come one after another). */
function statuses(text: string): number[] {
  return [...text.matchAll(/HTTP\/1\.[01] (\d{3})/g)].map((match) => Number(match[1]));
}

/** The Content-Type each body route reads. */
function typeFor(route: string): string {
  if (route === '/files' || route === '/parts') return 'multipart/form-data; boundary=XyZ';
  return route === '/json' ? 'application/json' : 'application/x-www-form-urlencoded';
}

const GET_INFO = 'GET /info HTTP/1.1\r\nHost: localhost\r\n\r\n';

describe('malformed request lines and headers', () => {
  it.each([
    ['garbage', 'GARBAGE\r\n\r\n'],
    ['no target', 'GET\r\n\r\n'],
    ['unknown version', 'GET / HTTP/9.9\r\nHost: x\r\n\r\n'],
    ['NUL in the target', 'GET /a\x00b HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['space in the target', 'GET /a b HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['header without colon', 'GET / HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n'],
    ['space before colon', 'GET / HTTP/1.1\r\nHost : x\r\n\r\n'],
    ['NUL in a header value', 'GET / HTTP/1.1\r\nHost: x\r\nX-A: a\x00b\r\n\r\n'],
    ['bare LF line ends', 'GET / HTTP/1.1\nHost: x\n\n'],
    ['obs-fold continuation', 'GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n'],
    ['control character in a name', 'GET / HTTP/1.1\r\nHost: x\r\nX\x01A: a\r\n\r\n'],
    ['HTTP/1.1 without Host', 'GET /info HTTP/1.1\r\n\r\n'],
    ['method of 10,000 letters', `${'A'.repeat(10_000)} / HTTP/1.1\r\nHost: x\r\n\r\n`],
  ])('%s: a 4xx and the connection closed', async (_name, request) => {
    const res = await raw([request]);
    expect(statuses(res.text)).toHaveLength(1);
    const [status] = statuses(res.text);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(res.closed).toBe(true);
  });

  it('unknown methods reach the app and get an answer, not a 5xx', async () => {
    for (const method of ['PROPFIND', 'BREW', 'M-SEARCH', 'PURGE']) {
      const res = await raw([`${method} /info HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`]);
      const [status] = statuses(res.text);
      expect(status).toBeLessThan(500);
    }
  });

  it('Latin-1 and raw UTF-8 bytes in the target and header values are answered', async () => {
    const request = Buffer.concat([
      Buffer.from('GET /info?q='),
      Buffer.from([0xc3, 0xa9, 0xff, 0xfe]),
      Buffer.from(' HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAccept-Language: '),
      Buffer.from([0xff, 0xc3, 0x28]),
      Buffer.from('\r\nCookie: a='),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from('\r\n\r\n'),
    ]);
    const res = await raw([request]);
    const [status] = statuses(res.text);
    expect(status).toBeLessThan(500);
  });

  it('an absolute-form target and a hostile Host header', async () => {
    const res = await raw(['GET http://evil.example/info HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n']);
    expect(statuses(res.text)).toEqual([200]);
    const bad = await raw(['GET /info HTTP/1.1\r\nHost: evil.com:80:80\r\nConnection: close\r\n\r\n']);
    expect(statuses(bad.text)).toEqual([400]);
    expect(bad.text).toContain('Invalid Host header');
  });

  it('two Host headers are a 400 before the app runs (RFC 9112 section 3.2)', async () => {
    const res = await raw(['GET /info HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n']);
    expect(statuses(res.text)).toEqual([400]);
    expect(res.text).toContain('more than one Host header');
  });

  it('OPTIONS *, CONNECT, an Upgrade request and Expect: 100-continue', async () => {
    const star = await raw(['OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n']);
    expect(statuses(star.text)[0]).toBeLessThan(500);
    const connect = await raw(['CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n']);
    expect(connect.closed).toBe(true);
    expect(statuses(connect.text).every((code) => code < 500)).toBe(true);
    const upgrade = await raw(['GET /info HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n'], { waitMs: 1000 });
    expect(statuses(upgrade.text).every((code) => code < 500)).toBe(true);
    const expect100 = await raw(
      ['POST /bytes HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n', 100, 'hello'],
    );
    expect(statuses(expect100.text)).toEqual([100, 200]);
    expect(expect100.text).toContain('{"length":5}');
    const bogusExpect = await raw(['GET /info HTTP/1.1\r\nHost: x\r\nExpect: bogus\r\nConnection: close\r\n\r\n']);
    expect(statuses(bogusExpect.text)).toEqual([417]);
  });

  it('a chunked body with trailers and chunk extensions is read', async () => {
    const res = await raw(['POST /bytes HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3;ext=1\r\nabc\r\n0\r\nX-Trailer: 1\r\n\r\n']);
    expect(statuses(res.text)).toEqual([200]);
    expect(res.text).toContain('{"length":3}');
  });

  it('a header name with "_" is dropped, so it cannot pose as a proxy header', async () => {
    const res = await raw(['GET /info HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX_Forwarded_For: 6.6.6.6\r\n\r\n']);
    expect(statuses(res.text)).toEqual([200]);
    expect(res.text).not.toContain('6.6.6.6');
    expect(res.text).toContain('"accessRoute":["127.0.0.1"]');
  });
});

describe('framing attacks', () => {
  it.each([
    ['two different Content-Lengths', 'POST /bytes HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 5\r\n\r\nabcde'],
    ['two equal Content-Lengths', 'POST /bytes HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc'],
    ['a Content-Length list', 'POST /bytes HTTP/1.1\r\nHost: x\r\nContent-Length: 3, 3\r\n\r\nabc'],
    ['a negative Content-Length', 'POST /bytes HTTP/1.1\r\nHost: x\r\nContent-Length: -3\r\n\r\nabc'],
    ['a hex Content-Length', 'POST /bytes HTTP/1.1\r\nHost: x\r\nContent-Length: 0x3\r\n\r\nabc'],
    ['a Content-Length past 2^53', 'POST /bytes HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\nabc'],
    ['Content-Length with chunked', 'POST /bytes HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n'],
    ['chunked not last', 'POST /bytes HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n3\r\nabc\r\n0\r\n\r\n'],
    ['an unknown transfer coding', 'POST /bytes HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: bogus\r\n\r\nabc'],
    ['a non-hex chunk size', 'POST /bytes HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n'],
    ['a negative chunk size', 'POST /bytes HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n-3\r\nabc\r\n0\r\n\r\n'],
    ['a 2^64 chunk size', 'POST /bytes HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\nabc\r\n0\r\n\r\n'],
    ['a chunk longer than its size', 'POST /bytes HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcdef\r\n0\r\n\r\n'],
    ['a chunk size with a bad extension', 'POST /bytes HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3;\x01\r\nabc\r\n0\r\n\r\n'],
  ])('%s: a 400 and the connection closed, never a 5xx', async (_name, request) => {
    const res = await raw([request]);
    const codes = statuses(res.text);
    expect(codes.length).toBeGreaterThanOrEqual(1);
    expect(codes.every((code) => code >= 400 && code < 500)).toBe(true);
    expect(res.closed).toBe(true);
  });

  it('a chunked body whose chunks arrive slowly is read whole', async () => {
    const res = await raw(
      ['POST /bytes HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n', '3\r\nabc\r\n', 50, '4\r\ndefg\r\n', 50, '0\r\n\r\n'],
    );
    expect(statuses(res.text)).toEqual([200]);
    expect(res.text).toContain('{"length":7}');
  });

  it.each(['/bytes', '/text', '/json', '/form', '/files', '/parts', '/stream'])(
    '%s: a body shorter than its Content-Length, then the client hangs up',
    async (route) => {
      const res = await raw(
        [`POST ${route} HTTP/1.1\r\nHost: x\r\nContent-Type: ${typeFor(route)}\r\nContent-Length: 100000\r\n\r\n--XyZ\r\nContent-Disposition: form-data; name="f"; filename="a"\r\n\r\n${'a'.repeat(5000)}`],
        { hangUp: true },
      );
      // Node answers the half-closed, incomplete request with its own bare 400; the app's read fails
      // (ClientDisconnected), which must be a 400 too, not a 500 logged to tsgi.errors (afterEach).
      expect(statuses(res.text).every((code) => code === 400)).toBe(true);
      expect(res.closed).toBe(true);
    },
  );
});

describe('floods and slow clients', () => {
  it('slowloris: headers trickling in are cut off by headersTimeout while others are served', async () => {
    const pieces: Array<string | number> = ['GET /info HTTP/1.1\r\nHost: x\r\n'];
    for (let i = 0; i < 40; i++) pieces.push(200, `X-Slow-${i}: y\r\n`);
    const slow = raw(pieces, { waitMs: 8000 });
    // Meanwhile, normal requests go through.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (let i = 0; i < 3; i++) expect((await fetch(`${server.url}/info`)).status).toBe(200);
    const res = await slow;
    expect(res.closed).toBe(true);
    expect(res.ms).toBeLessThan(6000);
    expect(statuses(res.text).every((code) => code === 408)).toBe(true);
  });

  it('a body trickling in is cut off by requestTimeout', async () => {
    const pieces: Array<string | number> = ['POST /bytes HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n'];
    for (let i = 0; i < 40; i++) pieces.push(250, 'a');
    const res = await raw(pieces, { waitMs: 10_000 });
    expect(res.closed).toBe(true);
    expect(res.ms).toBeLessThan(8000);
    expect(statuses(res.text).every((code) => code === 408 || code === 400)).toBe(true);
  });

  it.each(['/bytes', '/files', '/stream'])('%s: an upload past maxContentLength gets its 413 before it is over', async (route) => {
    // 50 MB announced, 2 MB sent: the 413 (limit 1 MiB) must come without waiting for the rest.
    const started = Date.now();
    const res = await raw(
      [`POST ${route} HTTP/1.1\r\nHost: x\r\nContent-Type: ${typeFor(route)}\r\nTransfer-Encoding: chunked\r\n\r\n`, ...Array.from({ length: 32 }, () => `10000\r\n${'a'.repeat(0x10000)}\r\n`)],
      { until: (text) => text.includes('\r\n\r\n'), waitMs: 3000 },
    );
    expect(statuses(res.text)).toEqual([413]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('10,000 headers are a 431', async () => {
    let request = 'GET /info HTTP/1.1\r\nHost: x\r\n';
    for (let i = 0; i < 10_000; i++) request += `X-H${i}: v\r\n`;
    const res = await raw([`${request}\r\n`]);
    expect(statuses(res.text)).toEqual([431]);
    expect(res.closed).toBe(true);
  });

  it('an oversized URL is a 431 (Node) or a 414 (the app)', async () => {
    const long = await raw([`GET /info?${'a=1&'.repeat(10_000)} HTTP/1.1\r\nHost: x\r\n\r\n`]);
    expect(statuses(long.text)).toEqual([431]);
    // Node's 16 KiB limit on the request head is met before the app's 16 KiB query limit, so the
    // 414 path is covered in process (test/request/hostile-limits.test.ts).
    const path = await raw([`GET /${'x'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`]);
    expect(statuses(path.text)).toEqual([431]);
  });

  it('a huge Cookie header: 15 kB is parsed (3000 pairs kept), 20 kB is a 431', async () => {
    const pairs = Array.from({ length: 1500 }, (_, i) => `c${i}=v`).join('; ');
    expect(pairs.length).toBeLessThan(16_000);
    const ok = await raw([`GET /info HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: ${pairs}\r\n\r\n`]);
    expect(statuses(ok.text)).toEqual([200]);
    expect(ok.text).toContain('"c1499":"v"');
    const big = await raw([`GET /info HTTP/1.1\r\nHost: x\r\nCookie: ${'a=b; '.repeat(4000)}\r\n\r\n`]);
    expect(statuses(big.text)).toEqual([431]);
  });

  it('pipelined requests are answered in order, including bodies and errors', async () => {
    const body = 'a=1&b=2';
    const res = await raw(
      [
        GET_INFO +
          `POST /form HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body}` +
          'GET /missing HTTP/1.1\r\nHost: x\r\n\r\n' +
          'POST /json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1\r\n\r\n[' +
          'GET /conditional HTTP/1.1\r\nHost: x\r\nRange: bytes=0-4\r\n\r\n' +
          'GET /info HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      ],
      { waitMs: 5000 },
    );
    expect(statuses(res.text)).toEqual([200, 200, 404, 400, 206, 200]);
    expect(res.text).toContain('{"form":{"a":"1","b":"2"}}');
    expect(res.closed).toBe(true);
  });

  it('a body left unread by the app does not desynchronise the next pipelined request', async () => {
    // /info never reads the body; the bytes that follow must not be taken for a request.
    const smuggled = 'GET /missing HTTP/1.1\r\nHost: x\r\n\r\n';
    const res = await raw(
      [`POST /info HTTP/1.1\r\nHost: x\r\nContent-Length: ${smuggled.length}\r\n\r\n${smuggled}GET /conditional HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`],
      { waitMs: 5000 },
    );
    expect(statuses(res.text)).toEqual([200, 200]);
  });
});

describe('clients that leave', () => {
  it.each(['/files', '/parts', '/bytes', '/stream'])('%s: the client disconnects mid-upload; the spilled file is removed', async (route) => {
    const head =
      `POST ${route} HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: 10000000\r\n\r\n` +
      '--XyZ\r\nContent-Disposition: form-data; name="f"; filename="a.bin"\r\n\r\n';
    const res = await raw([head, Buffer.alloc(300_000, 0x61), 100], { destroyAfterMs: 0, waitMs: 2000 });
    expect(res.closed).toBe(true);
    // afterEach checks that the upload directory is empty and nothing was logged.
  });

  it('the client disconnects mid-response; the body is closed and the server goes on', async () => {
    const before = { ...bigBodies };
    // 64 MiB offered; we read about 200 kB and reset the connection.
    const res = await raw(['GET /big?chunks=1024 HTTP/1.1\r\nHost: x\r\n\r\n'], { until: (text) => text.length > 200_000, waitMs: 5000 });
    expect(statuses(res.text)).toEqual([200]);
    await waitFor(() => bigBodies.closed > before.closed, 3000);
    expect(bigBodies.started - before.started).toBe(1);
    expect(bigBodies.closed - before.closed).toBe(1);
  });

  it('a HEAD of the big body sends headers only and closes the body', async () => {
    const before = { ...bigBodies };
    const res = await raw(['HEAD /big?chunks=1024 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n']);
    expect(statuses(res.text)).toEqual([200]);
    expect(res.text.endsWith('\r\n\r\n')).toBe(true);
    await waitFor(() => bigBodies.closed === bigBodies.started, 2000);
    expect(bigBodies.closed - before.closed).toBe(bigBodies.started - before.started);
  });

  it('a file response to a client that leaves at once', async () => {
    const res = await raw(['GET /static/hello.txt HTTP/1.1\r\nHost: x\r\n\r\n'], { destroyAfterMs: 0, waitMs: 500 });
    expect(res.closed).toBe(true);
    const full = await fetch(`${server.url}/static/hello.txt`);
    expect(await full.text()).toBe(HELLO);
  });

  it.each([
    ['whole', ''],
    ['one range', 'Range: bytes=1000-3999999\r\n'],
    ['many ranges', 'Range: bytes=0-99999,200000-2999999,3000000-\r\n'],
  ])('a 24 MiB file (%s) to a client that reads 100 kB and resets: the file is closed', async (_name, range) => {
    for (const prefix of ['/static', '/file']) {
      const res = await raw([`GET ${prefix}/big.bin HTTP/1.1\r\nHost: x\r\n${range}\r\n`], { until: (text) => text.length > 100_000, waitMs: 3000 });
      expect(statuses(res.text)).toEqual([range ? 206 : 200]);
    }
    // afterEach checks that no file under the test directory is still open.
  });

  it('a 24 MiB file to a client that stops reading, then resets: the file is closed', async () => {
    // The socket stays open but we never read, so the server's writes back up (back-pressure)
    // with the file still open; the reset must then close it.
    const socket = net.connect(server.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.pause();
    socket.write('GET /static/big.bin HTTP/1.1\r\nHost: x\r\n\r\n');
    await waitFor(() => openFiles().length > 0, 2000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(openFiles()).toEqual([path.join(root, 'public', 'big.bin')]);
    socket.destroy();
    // afterEach checks that it was closed.
  });

  it('50 clients connecting and resetting at once', async () => {
    const all = Array.from({ length: 50 }, (_, i) =>
      raw([`POST /files HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: 100000\r\n\r\n--XyZ\r\nContent-Disposition: form-data; name="f${i}"; filename="a"\r\n\r\n`, Buffer.alloc(5000, 0x61)], {
        destroyAfterMs: i % 5,
        waitMs: 2000,
      }),
    );
    const results = await Promise.all(all);
    expect(results.every((res) => res.closed)).toBe(true);
  });
});
