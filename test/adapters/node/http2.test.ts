/**
 * `serve(app, { http2: true })`: the environ, responses, the HTTP/1.1 fallback and h2c, on a real
 * server on 127.0.0.1 with a certificate made for the test, through Node's http2.connect and curl.
 */
import http2, { type ClientHttp2Session } from 'node:http2';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { App, Environ } from '../../../src/gateway.js';
import { serve, type Http2ServeOptions, type NodeServer, type RunningServer } from '../../../src/adapters/node/index.js';
import { bytes, curl, errorSink, hasCurl, waitFor } from './helpers.js';
import { connect, request, request1 } from './http2-client.js';
import { makeTestCertificate } from './tls-cert.js';

const certificate = makeTestCertificate();
afterAll(() => certificate?.cleanup());
const ca = certificate?.cert;
const tls = certificate ? { key: certificate.key, cert: certificate.cert } : undefined;

const servers: RunningServer<NodeServer>[] = [];
const sessions: ClientHttp2Session[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) session.destroy();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function listen(app: App, options: Partial<Http2ServeOptions> = {}): Promise<RunningServer<NodeServer>> {
  const server = await serve(app, { port: 0, http2: true, tls, ...options });
  servers.push(server);
  return server;
}

async function open(url: string, withCa = true): Promise<ClientHttp2Session> {
  const session = await connect(url, withCa ? ca : undefined);
  sessions.push(session);
  return session;
}

/** The CGI keys of an environ (strings), and the scheme. */
function cgi(environ: Environ): Record<string, string> {
  const out: Record<string, string> = { 'tsgi.url_scheme': environ['tsgi.url_scheme'] };
  for (const [key, value] of Object.entries(environ)) if (/^[A-Z]/.test(key) && typeof value === 'string') out[key] = value;
  return out;
}

const echo: App = (environ, startResponse) => {
  startResponse('200 OK', [['Content-Type', 'application/json']]);
  return [bytes(JSON.stringify(cgi(environ)))];
};

describe.skipIf(certificate === null)('serve over HTTP/2', () => {
  it('builds the environ from the pseudo-headers, as HTTP/1.1 does from the request line and Host', async () => {
    const server = await listen(echo);
    const session = await open(server.url);
    const answer = await request(session, {
      ':path': '/caf%C3%A9/a%2Fb?q=%20x&y',
      cookie: ['a=1', 'b=2'],
      'accept-language': 'fr',
      x_forwarded_for: '6.6.6.6',
    });
    const h2 = JSON.parse(answer.body.toString()) as Record<string, string>;
    expect(h2).toMatchObject({
      REQUEST_METHOD: 'GET',
      PATH_INFO: '/café/a/b',
      QUERY_STRING: 'q=%20x&y',
      REQUEST_URI: '/caf%C3%A9/a%2Fb?q=%20x&y',
      SERVER_PROTOCOL: 'HTTP/2',
      HTTP_HOST: `127.0.0.1:${server.port}`,
      HTTP_COOKIE: 'a=1; b=2',
      HTTP_ACCEPT_LANGUAGE: 'fr',
      'tsgi.url_scheme': 'https',
    });
    expect(Object.keys(h2).filter((key) => key.includes(':') || key.includes('FORWARDED'))).toEqual([]);

    // The same request over HTTP/1.1, on the same port: the same environ but for the protocol.
    const h1 = JSON.parse(
      (
        await request1(`${server.url}/caf%C3%A9/a%2Fb?q=%20x&y`, ca!, {
          headers: { cookie: 'a=1; b=2', 'accept-language': 'fr', x_forwarded_for: '6.6.6.6' },
        })
      ).body.toString(),
    ) as Record<string, string>;
    expect(h1.SERVER_PROTOCOL).toBe('HTTP/1.1');
    const common = (environ: Record<string, string>) => {
      const { SERVER_PROTOCOL, REMOTE_PORT, HTTP_CONNECTION, ...rest } = environ;
      return rest;
    };
    expect(common(h2)).toEqual(common(h1));
  });

  it('takes a Host header that agrees with :authority, and refuses one that does not', async () => {
    const server = await listen(echo);
    const session = await open(server.url);
    const same = await request(session, { host: `127.0.0.1:${server.port}` });
    expect(JSON.parse(same.body.toString()).HTTP_HOST).toBe(`127.0.0.1:${server.port}`);
    // Node's client sends Host instead of :authority when given one; both go here.
    const other = await request(session, { ':authority': `127.0.0.1:${server.port}`, host: 'evil.example' });
    expect(other.status).toBe(400);
    expect(other.body.toString()).toContain(':authority');
    // A refused request costs the session nothing.
    expect((await request(session, {})).status).toBe(200);
  });

  it('reads a request body with flow control, and lets an unread one go', async () => {
    const server = await listen(async (environ, startResponse) => {
      if (environ.PATH_INFO === '/ignore') {
        startResponse('413 Content Too Large', [['Content-Type', 'text/plain']]);
        return [bytes('too large')];
      }
      let size = 0;
      let sum = 0;
      for await (const chunk of environ['tsgi.input']) {
        size += chunk.byteLength;
        for (const byte of chunk) sum = (sum + byte) % 65521;
      }
      startResponse('200 OK', [['Content-Type', 'text/plain']]);
      return [bytes(`${size} ${sum}`)];
    });
    const session = await open(server.url);
    const upload = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 7) % 251);
    let sum = 0;
    for (const byte of upload) sum = (sum + byte) % 65521;
    const answer = await request(session, { ':method': 'POST', ':path': '/upload' }, upload);
    expect(answer.body.toString()).toBe(`${upload.byteLength} ${sum}`);

    // The app answers without reading 8 MiB: the stream still ends, and the session serves on.
    const ignored = await request(session, { ':method': 'POST', ':path': '/ignore' }, new Uint8Array(8 * 1024 * 1024));
    expect([ignored.status, ignored.body.toString()]).toEqual([413, 'too large']);
    expect((await request(session, { ':method': 'POST', ':path': '/upload' }, 'abc')).body.toString()).toBe('3 294');
  });

  it('drops the connection-specific headers an app sends, instead of failing on them', async () => {
    const hopByHop: [string, string][] = [
      ['Connection', 'keep-alive'],
      ['Keep-Alive', 'timeout=5'],
      ['Transfer-Encoding', 'chunked'],
      ['Upgrade', 'h2c'],
      ['Proxy-Connection', 'keep-alive'],
      ['TE', 'trailers'],
      ['Trailer', 'Expires'],
    ];
    const errors = errorSink();
    const server = await listen(
      async function* (environ, startResponse) {
        startResponse('200 OK', [['Content-Type', 'text/plain'], ...hopByHop, ['X-Kept', 'yes']]);
        if (environ.PATH_INFO === '/stream') {
          yield bytes('one ');
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        yield bytes('two');
      },
      { errors },
    );
    const session = await open(server.url);
    for (const path of ['/', '/stream']) {
      const answer = await request(session, { ':path': path });
      expect(answer.status).toBe(200);
      expect(answer.headers['x-kept']).toBe('yes');
      for (const [name] of hopByHop) expect(answer.headers).not.toHaveProperty(name.toLowerCase());
    }
    expect(errors.lines).toEqual([]);
    // HTTP/1.1 clients on the same port still get them as the app sent them (lint's business).
    const h1 = await request1(`${server.url}/`, ca!, { headers: { connection: 'close' } });
    expect(h1.headers['x-kept']).toBe('yes');
  });

  it('answers HEAD with the head only and keeps the announced length; 204 and 304 carry no body', async () => {
    const server = await listen(async function* (environ, startResponse) {
      if (environ.PATH_INFO === '/204') startResponse('204 No Content', [['X-A', '1']]);
      else if (environ.PATH_INFO === '/304') startResponse('304 Not Modified', [['ETag', '"x"']]);
      else startResponse('200 OK', [['Content-Type', 'text/plain'], ['Content-Length', '5']]);
      if (environ.PATH_INFO === '/') yield bytes('hello');
    });
    const session = await open(server.url);
    const head = await request(session, { ':method': 'HEAD' });
    expect([head.status, head.headers['content-length'], head.body.byteLength]).toEqual([200, '5', 0]);
    expect((await request(session, { ':path': '/' })).body.toString()).toBe('hello');
    const empty = await request(session, { ':path': '/204' });
    expect([empty.status, empty.headers['x-a'], empty.body.byteLength]).toEqual([204, '1', 0]);
    const notModified = await request(session, { ':path': '/304' });
    expect([notModified.status, notModified.headers.etag]).toEqual([304, '"x"']);
  });

  it('answers a failure before the head with a 500, and resets only the stream after it', async () => {
    const errors = errorSink();
    const server = await listen(
      async function* (environ, startResponse) {
        startResponse('200 OK', [['Content-Type', 'text/plain']]);
        if (environ.PATH_INFO === '/before') throw new Error('before the head');
        yield bytes('partial');
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error('after the head');
      },
      { errors },
    );
    const session = await open(server.url);
    const before = await request(session, { ':path': '/before' });
    expect([before.status, before.body.toString()]).toEqual([500, 'Internal Server Error\n']);
    const after = await request(session, { ':path': '/after' }).catch((error: { rstCode?: number }) => error);
    expect(after).toMatchObject({ rstCode: http2.constants.NGHTTP2_INTERNAL_ERROR });
    expect(errors.lines.join('')).toContain('after the head');
    expect((await request(session, { ':path': '/before' })).status).toBe(500);
  });

  it('sends no more than the announced Content-Length, and resets a body that falls short of it', async () => {
    const errors = errorSink();
    const server = await listen(
      async function* (environ, startResponse) {
        startResponse('200 OK', [['Content-Length', '5']]);
        yield bytes(environ.PATH_INFO === '/long' ? 'hello, world' : 'hel');
      },
      { errors },
    );
    const session = await open(server.url);
    const long = await request(session, { ':path': '/long' });
    expect(long.body.toString()).toBe('hello');
    expect(errors.lines.join('')).toContain('more body bytes than its Content-Length');
    await expect(request(session, { ':path': '/short' })).rejects.toThrow();
    expect(errors.lines.join('')).toContain('2 bytes short of its Content-Length');
  });

  it('writes HTTP/2 in the access log', async () => {
    const lines: string[] = [];
    const server = await listen(echo, { accessLog: (line) => lines.push(line) });
    const session = await open(server.url);
    await request(session, { ':path': '/logged?x=1' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^127\.0\.0\.1 - - \[[^\]]+\] "GET \/logged\?x=1 HTTP\/2" 200 \d+ [\d.]+ms$/);
  });

  it("keeps serve's HTTP/1.1 limits on the fallback: Host required, head timeout, idle connections closed on close()", async () => {
    const server = await listen(echo, { headersTimeout: 300, requestTimeout: 600 });
    /** Sends raw HTTP/1.1 over TLS; resolves with what came back once the server closes. */
    const raw = (text: string) =>
      new Promise<{ reply: string; ms: number }>((resolve, reject) => {
        const started = Date.now();
        const socket = tlsConnect({ host: '127.0.0.1', port: server.port, ca, ALPNProtocols: ['http/1.1'] }, () => socket.write(text));
        let reply = '';
        socket.setEncoding('latin1');
        socket.on('data', (data: string) => (reply += data));
        socket.on('close', () => resolve({ reply, ms: Date.now() - started }));
        socket.on('error', reject);
      });
    const noHost = await raw('GET / HTTP/1.1\r\nConnection: close\r\n\r\n');
    expect(noHost.reply).toMatch(/^HTTP\/1\.1 400 /);
    const drip = await raw('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    expect(drip.reply).toMatch(/^HTTP\/1\.1 408 /);
    expect(drip.ms).toBeLessThan(1500);

    // An idle keep-alive HTTP/1.1 connection does not hold up close() (its shutdownTimeout is 10 s).
    let closedAt = 0;
    const socket = tlsConnect({ host: '127.0.0.1', port: server.port, ca, ALPNProtocols: ['http/1.1'] }, () =>
      socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'),
    );
    socket.on('close', () => (closedAt = Date.now()));
    await new Promise((resolve) => socket.once('data', resolve));
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await waitFor(() => closedAt > 0, 1000, 'the client to see the connection closed');
  });

  it('refuses HTTP/1.1 clients with allowHTTP1: false, at once', async () => {
    const server = await listen(echo, { http2: { allowHTTP1: false } });
    const started = Date.now();
    await expect(request1(`${server.url}/`, ca!)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2000);
    const session = await open(server.url);
    expect((await request(session, {})).status).toBe(200);
  });

  it('serves cleartext h2c without tls, to HTTP/2 clients only', async () => {
    const server = await listen(echo, { tls: undefined });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const session = await open(server.url, false);
    const environ = JSON.parse((await request(session, {})).body.toString()) as Record<string, string>;
    expect([environ.SERVER_PROTOCOL, environ['tsgi.url_scheme']]).toEqual(['HTTP/2', 'http']);
    await expect(serve(echo, { port: 0, http2: { allowHTTP1: true } })).rejects.toThrow(/allowHTTP1 needs tls/);
    await expect(serve(echo, { port: 0, http2: { maxConcurentStreams: 5 } as never, tls })).rejects.toThrow(
      /serve: http2: unknown option 'maxConcurentStreams' \(did you mean 'maxConcurrentStreams'\?\)/,
    );
  });

  it.skipIf(!hasCurl)('answers curl --http2 over TLS, and --http2-prior-knowledge over h2c', async () => {
    const secure = await listen(echo);
    const h2 = await curl(['--http2', '--cacert', certificate!.certPath, '--include', `${secure.url}/curl`]);
    expect(h2.code, h2.stderr).toBe(0);
    expect(h2.stdout).toMatch(/^HTTP\/2 200 \r\n/);
    expect(h2.stdout).toContain('"SERVER_PROTOCOL":"HTTP/2"');
    const h1 = await curl(['--http1.1', '--cacert', certificate!.certPath, '--include', `${secure.url}/curl`]);
    expect(h1.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    const cleartext = await listen(echo, { tls: undefined });
    const h2c = await curl(['--http2-prior-knowledge', '--include', `${cleartext.url}/curl`]);
    expect(h2c.code, h2c.stderr).toBe(0);
    expect(h2c.stdout).toMatch(/^HTTP\/2 200 \r\n/);
    expect(h2c.stdout).toContain('"tsgi.url_scheme":"http"');
  });
});
