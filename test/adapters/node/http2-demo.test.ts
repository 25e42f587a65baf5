/**
 * The demo site (examples/demo/app.js) over HTTP/2 and over HTTP/1.1, from one `serve(app, {
 * http2: true, tls })`: every page answers the same status, headers (but Date and the HTTP/1.1
 * framing and connection headers) and bytes on both.
 */
import type { ClientHttp2Session, OutgoingHttpHeaders } from 'node:http2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type NodeServer, type RunningServer } from '../../../src/adapters/node/index.js';
import type { App } from '../../../src/gateway.js';
import { connect, request, request1, type Answer } from './http2-client.js';
import { makeTestCertificate } from './tls-cert.js';

const certificate = makeTestCertificate();
let server: RunningServer<NodeServer>;
let session: ClientHttp2Session;

beforeAll(async () => {
  if (!certificate) return;
  // A JavaScript example without types: loaded as the App it exports.
  const demo = ((await import('../../../examples/demo/app.js' as string)) as { default: App }).default;
  server = await serve(demo, { port: 0, http2: true, tls: { key: certificate.key, cert: certificate.cert }, errors: { write() {} } });
  session = await connect(server.url, certificate.cert);
});

afterAll(async () => {
  session?.destroy();
  await server?.close();
  certificate?.cleanup();
});

const BOUNDARY = 'tsgi-demo-boundary';
const MULTIPART =
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="notes.txt"\r\nContent-Type: text/plain\r\n\r\n` +
  `some notes\r\n--${BOUNDARY}--\r\n`;

interface Case {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

const CASES: Case[] = [
  { path: '/' },
  { method: 'HEAD', path: '/' },
  { path: '/style.css' },
  { path: '/style.css', headers: { range: 'bytes=0-9' } },
  { path: '/time' },
  { path: '/greet?name=%3Cscript%3E' },
  { path: '/api/items?limit=2' },
  { path: '/api/items?limit=x' },
  { path: '/form' },
  { method: 'POST', path: '/form', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'message=hello+h2' },
  { method: 'POST', path: '/upload', headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, body: MULTIPART },
  { path: '/counter', headers: { cookie: 'visits=3' } },
  { path: '/oops' },
  { path: '/missing' },
];

/** What must be equal: status, end-to-end headers, bytes (the clock of /time masked). */
function comparable(answer: Answer): { status: number; headers: Record<string, string | string[]>; body: string } {
  const { date, connection, 'keep-alive': keepAlive, 'transfer-encoding': transferEncoding, ...headers } = answer.headers;
  void [date, connection, keepAlive, transferEncoding];
  return { status: answer.status, headers, body: answer.body.toString('latin1').replace(/<time>[^<]*<\/time>/, '<time>…</time>') };
}

describe.skipIf(certificate === null)('the demo site over HTTP/2 and HTTP/1.1', () => {
  it.each(CASES)('$method $path answers the same', async ({ method = 'GET', path, headers = {}, body }) => {
    const h2Headers: OutgoingHttpHeaders = { ':method': method, ':path': path, ...headers };
    if (body !== undefined) h2Headers['content-length'] = String(Buffer.byteLength(body));
    const h2 = comparable(await request(session, h2Headers, body));
    const h1Headers: Record<string, string> = { ...headers };
    if (body !== undefined) h1Headers['content-length'] = String(Buffer.byteLength(body));
    const h1 = comparable(await request1(`${server.url}${path}`, certificate!.cert, { method, headers: h1Headers }, body));
    expect(h2).toEqual(h1);
    expect(h2.headers['content-type']).toBeTruthy();
    if (method !== 'HEAD') expect(h2.body.length).toBeGreaterThan(0);
  });

  it('answers a conditional request with the same 304', async () => {
    const etag = (await request(session, { ':path': '/style.css' })).headers.etag as string;
    expect(etag).toBeTruthy();
    const h2 = comparable(await request(session, { ':path': '/style.css', 'if-none-match': etag }));
    const h1 = comparable(await request1(`${server.url}/style.css`, certificate!.cert, { headers: { 'if-none-match': etag } }));
    expect([h2.status, h2]).toEqual([304, h1]);
  });
});
