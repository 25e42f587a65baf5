import http from 'node:http';
import { describe, expect, it } from 'vitest';
import type { App } from '../../../src/gateway.js';
import { serve } from '../../../src/adapters/node/index.js';
import { bytes, listen, sleep, waitFor } from './helpers.js';

/** An app that answers after `delay` ms, counting the requests it has started. */
function slowApp(delay: number, counter: { started: number }): App {
  return async (_environ, startResponse) => {
    counter.started += 1;
    await sleep(delay);
    startResponse('200 OK', [['Content-Type', 'text/plain']]);
    return [bytes('done')];
  };
}

describe('serve', () => {
  it('binds 127.0.0.1 on a free port and reports it', async () => {
    const server = await listen((_e, startResponse) => {
      startResponse('204 No Content', []);
      return [];
    });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
    expect((await fetch(server.url)).status).toBe(204);
    // tsgi's limits against slow clients (limits.ts, docs/security.md), checked every second.
    expect(server.server.headersTimeout).toBe(15_000);
    expect(server.server.requestTimeout).toBe(120_000);
    expect(server.server.keepAliveTimeout).toBe(5_000);
    expect(server.server.maxConnections).toBe(10_000);
    expect(server.server.maxHeadersCount).toBe(null);
    await server.close();
  });

  it('refuses insecureHTTPParser and reports a port in use', async () => {
    const app: App = (_e, sr) => (sr('200 OK', []), []);
    await expect(serve(app, { port: 0, insecureHTTPParser: true } as never)).rejects.toThrow(/insecureHTTPParser/);
    const first = await listen(app);
    await expect(serve(app, { port: first.port })).rejects.toThrow(/EADDRINUSE/);
    await first.close();
  });

  it('finishes in-flight requests on close(), loses none, and refuses new connections', async () => {
    const counter = { started: 0 };
    const server = await listen(slowApp(300, counter));
    const inFlight = [1, 2, 3].map(() => fetch(`${server.url}/`).then(async (r) => `${r.status} ${await r.text()}`));
    await waitFor(() => counter.started === 3, 5000, 'three requests in the app');
    const closed = server.close();
    await sleep(20);
    await expect(fetch(`${server.url}/`)).rejects.toThrow();
    expect(await Promise.all(inFlight)).toEqual(['200 done', '200 done', '200 done']);
    await closed;
  });

  it('closes idle keep-alive connections at once and busy ones after their response', async () => {
    const counter = { started: 0 };
    const server = await listen(slowApp(200, counter));
    const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
    const get = () =>
      new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
        http
          .get(`${server.url}/`, { agent }, (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
          })
          .on('error', reject);
      });
    // Open one keep-alive connection and leave it idle.
    expect((await get()).status).toBe(200);
    const busy = get();
    await waitFor(() => counter.started === 2, 5000, 'the second request');
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await busy).status).toBe(200);
    agent.destroy();
  });

  it('force-closes what remains after shutdownTimeout, and the body is closed', async () => {
    let finallyRan = false;
    const server = await listen(
      (_environ, startResponse) => {
        startResponse('200 OK', [['Content-Type', 'text/plain']]);
        return (async function* () {
          try {
            for (;;) {
              yield bytes('.');
              await sleep(20);
            }
          } finally {
            finallyRan = true;
          }
        })();
      },
      { shutdownTimeout: 200 },
    );
    const response = await fetch(`${server.url}/`);
    const reader = response.body!.getReader();
    await reader.read();
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    await expect((async () => { for (;;) if ((await reader.read()).done) return 'ended'; })()).rejects.toThrow();
    await waitFor(() => finallyRan, 2000, 'the finally block');
  });

  it('shuts down when its signal aborts', async () => {
    const controller = new AbortController();
    const server = await serve((_e, sr) => (sr('200 OK', []), [bytes('x')]), { port: 0, signal: controller.signal });
    expect(await (await fetch(server.url)).text()).toBe('x');
    const closed = new Promise<void>((resolve) => server.server.once('close', () => resolve()));
    controller.abort();
    await closed;
    await expect(fetch(server.url)).rejects.toThrow();
  });

  it('writes access log lines', async () => {
    const lines: string[] = [];
    const server = await listen((_e, sr) => (sr('200 OK', []), [bytes('hello')]), { accessLog: (line) => lines.push(line) });
    await (await fetch(`${server.url}/path?q="x"`)).text();
    await server.close();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^127\.0\.0\.1 - - \[\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d \+0000\] "GET \/path\?q=%22x%22 HTTP\/1\.1" 200 5 \d+(\.\d)?ms$/,
    );
  });
});

describe('serve over TLS', () => {
  it('reports tsgi.url_scheme https', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const https = await import('node:https');
    const dir = mkdtempSync(join(tmpdir(), 'tsgi-tls-'));
    try {
      execFileSync('openssl', [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
      ], { stdio: 'ignore' });
    } catch {
      console.warn('openssl is missing: the TLS test is skipped');
      rmSync(dir, { recursive: true, force: true });
      return;
    }
    const tls = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
    rmSync(dir, { recursive: true, force: true });
    const server = await listen((environ, startResponse) => {
      startResponse('200 OK', [['Content-Type', 'text/plain']]);
      return [bytes(`${environ['tsgi.url_scheme']} ${environ.SERVER_PORT}`)];
    }, { tls });
    expect(server.url).toBe(`https://127.0.0.1:${server.port}`);
    const body = await new Promise<string>((resolve, reject) => {
      https
        .get(`${server.url}/`, { rejectUnauthorized: false }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (text += d));
          res.on('end', () => resolve(text));
        })
        .on('error', reject);
    });
    expect(body).toBe(`https ${server.port}`);
    await server.close();
  });
});
