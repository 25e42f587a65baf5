/**
 * `serve(app, { debug: true })` on a real socket: the page for a browser on this machine, the
 * generic 500 for everyone else, and never once the response has begun.
 */
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { Request } from '../../../src/request/request.js';
import type { App } from '../../../src/gateway.js';
import type { RunningServer } from '../../../src/adapters/node/index.js';
import { bytes, errorSink, listen } from './helpers.js';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** True when the connection was cut before the response was complete. */
  aborted: boolean;
}

/** A GET with the Host header of our choosing (fetch would not let us set one). */
function get(server: RunningServer, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${server.url}${path}`, { headers: { Connection: 'close', ...headers } }, (res) => {
      let body = '';
      let aborted = false;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('aborted', () => (aborted = true));
      res.on('error', () => (aborted = true));
      res.on('close', () => resolve({ status: res.statusCode!, headers: res.headers, body, aborted: aborted || !res.complete }));
    });
    req.on('error', reject);
  });
}

const throwing = Request.application(() => {
  throw new Error('kaput from the handler');
});

const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(app: App, debug?: boolean) {
  const errors = errorSink();
  const server = await listen(app, { errors, ...(debug === undefined ? {} : { debug }) });
  servers.push(server);
  return { server, errors };
}

describe('serve(app, { debug: true })', () => {
  it('shows the page to a request from this machine', async () => {
    const { server, errors } = await start(throwing, true);
    const reply = await get(server, '/oops');
    expect(reply.status).toBe(500);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.body).toContain('Error: kaput from the handler');
    expect(reply.headers['content-security-policy']).toMatch(/style-src 'nonce-/);
    expect(errors.lines.join('')).toContain('kaput from the handler'); // still in the log
  });

  it('gives the generic 500 to a DNS-rebound Host and with debug off, NODE_ENV unset', async () => {
    const saved = process.env.NODE_ENV;
    delete process.env.NODE_ENV;
    try {
      const { server } = await start(throwing, true);
      const rebound = await get(server, '/oops', { Host: 'evil.example' });
      expect(rebound.status).toBe(500);
      expect(rebound.body).not.toContain('kaput');
      const { server: plain } = await start(throwing);
      const off = await get(plain, '/oops', { Host: 'localhost' });
      expect(off.status).toBe(500);
      expect(off.body).not.toContain('kaput');
    } finally {
      if (saved !== undefined) process.env.NODE_ENV = saved;
    }
  });

  it('shows the page for a raw app too (debugErrors)', async () => {
    const { server } = await start(() => {
      throw new Error('raw failure');
    }, true);
    const reply = await get(server, '/', { Host: `localhost:${server.port}`, Accept: 'application/json' });
    expect(reply.status).toBe(500);
    expect((JSON.parse(reply.body) as { errors: Array<{ message: string }> }).errors[0].message).toBe('raw failure');
  });

  it('only before headers are sent: after the first byte the connection is cut, as without debug', async () => {
    const streaming: App = (_environ, startResponse) => {
      startResponse('200 OK', [['Content-Type', 'text/plain']]);
      return (async function* body() {
        yield bytes('first part, ');
        await new Promise((resolve) => setTimeout(resolve, 10));
        throw new Error('failed mid-stream');
      })();
    };
    const { server, errors } = await start(streaming, true);
    const reply = await get(server, '/');
    expect(reply.status).toBe(200);
    expect(reply.aborted).toBe(true);
    expect(reply.body).toBe('first part, ');
    expect(errors.lines.join('')).toContain('failed mid-stream');
  });

  it('refuses a misspelt option', async () => {
    await expect(listen(throwing, { debgu: true } as never)).rejects.toThrow("serve: unknown option 'debgu' (did you mean 'debug'?)");
  });
});
