/**
 * Server-sent events through a real nginx (1.22 here) with its default `proxy_buffering on`: the
 * feed of `examples/realtime/sse.ts` reaches the client event by event, and a client that leaves
 * through nginx closes the feed. What `X-Accel-Buffering: no` changes is the slow client: with it,
 * nginx reads from the app only as fast as the client reads, so the app's `send()` waits (about
 * 8,000 of 40,000 1 KiB events pushed while the client was paused, what the socket buffers hold);
 * without it (the control), nginx reads the whole feed into its buffers and temp files (all
 * 40,000), and the app's queue bound protects nothing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { freePort } from '../support/free-port.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/gateway.js';
import { serve, type RunningServer } from '../../src/adapters/node/index.js';
import { dispatcher } from '../../src/middleware/index.js';
import { Request } from '../../src/request/request.js';
import { Response } from '../../src/response/response.js';
import { feed } from '../../examples/realtime/sse.js';

function findNginx(): string | undefined {
  for (const candidate of ['nginx', '/usr/sbin/nginx', '/usr/local/sbin/nginx']) {
    if (spawnSync(candidate, ['-v'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  return undefined;
}

const nginx = findNginx();
if (!nginx) console.warn('sse-nginx e2e skipped: nginx is not installed (scripts/setup/nginx.sh installs it)');


const FLOOD = 40_000;
/** An app that sends FLOOD events of 1 KiB as fast as the client takes them (it awaits each send). */
const flood = {
  pushed: 0,
  app: Request.application(() =>
    Response.eventStream(
      async (stream) => {
        for (let i = 0; i < FLOOD; i++) {
          await stream.send({ id: String(i), data: 'x'.repeat(1024) });
          flood.pushed++;
        }
        stream.close();
      },
      { queueSize: 10 },
    ),
  ),
};

/** The feed with its X-Accel-Buffering header removed: what nginx does without it. */
function withoutAccelHeader(app: App): App {
  return (environ, startResponse) =>
    app(environ, (status, headers, error) =>
      startResponse(status, headers.filter(([name]) => name.toLowerCase() !== 'x-accel-buffering'), error),
    );
}

interface Arrival {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** ms from the request to the arrival of each `id:` line. */
  eventTimes: number[];
}

/** GETs `path` through nginx and notes when each event arrives. */
function get(port: number, path: string): Promise<Arrival> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      const eventTimes: number[] = [];
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        for (const _ of chunk.matchAll(/^id: /gm)) eventTimes.push(performance.now() - started);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, eventTimes }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe.skipIf(!nginx)('server-sent events through nginx (default proxy_buffering on)', () => {
  let dir = '';
  let app: RunningServer;
  let port = 0;
  let proxy: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    app = await serve(dispatcher(Request.application(() => new Response('ok')), { '/sse': feed, '/flood': flood.app, '/held-flood': withoutAccelHeader(flood.app) }), {
      port: 0,
      host: '127.0.0.1',
      accessLog: false,
    });
    dir = await mkdtemp(join(tmpdir(), 'tsgi-sse-nginx-'));
    await chmod(dir, 0o755); // nginx workers drop root privileges
    port = await freePort();
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `  ${name}_temp_path ${join(dir, name)};`).join('\n');
    // No proxy_buffering line: nginx's default (on) is what an app usually meets.
    await writeFile(
      join(dir, 'nginx.conf'),
      `worker_processes 1;\npid ${join(dir, 'nginx.pid')};\nerror_log ${join(dir, 'error.log')} warn;\n` +
        `events { worker_connections 64; }\nhttp {\n  access_log off;\n${temp}\n` +
        `  server {\n    listen 127.0.0.1:${port};\n    location / {\n      proxy_pass http://127.0.0.1:${app.port};\n` +
        `      proxy_http_version 1.1;\n      proxy_set_header Connection "";\n    }\n  }\n}\n`,
    );
    proxy = spawn(nginx!, ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
    proxy.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    proxy.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const deadline = Date.now() + 20_000;
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/`).then((res) => res.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`nginx did not come up in 20 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 30_000);

  afterAll(async () => {
    if (proxy && proxy.exitCode === null && proxy.signalCode === null) {
      const exited = new Promise((resolve) => proxy!.once('exit', resolve));
      proxy.kill('SIGTERM');
      await exited;
    }
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('passes events on one by one, as the app sends them', async () => {
    const res = await get(port, '/sse/feed?count=4&interval=300');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(res.headers['x-accel-buffering']).toBeUndefined(); // nginx consumes it
    expect(res.eventTimes).toHaveLength(4);
    // 300 ms apart at the app, so 300 ms apart at the client.
    for (let i = 1; i < 4; i++) expect(res.eventTimes[i] - res.eventTimes[i - 1]).toBeGreaterThan(200);
  });

  it('(control) keeps back-pressure for a client that stops reading: without the header nginx spools the whole feed', async () => {
    const pushedWhilePaused = async (path: string): Promise<number> => {
      const before = flood.pushed;
      const req = request({ host: '127.0.0.1', port, path, agent: false });
      const res = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
        req.on('response', resolve);
        req.on('error', reject);
        req.end();
      });
      res.pause(); // the slow client: reads nothing more
      // Until the app has pushed everything, or has been held back for 1.5 s.
      let pushed = 0;
      for (let still = 0; still < 15 && pushed < FLOOD; still = flood.pushed - before === pushed ? still + 1 : 0) {
        pushed = flood.pushed - before;
        await new Promise((r) => setTimeout(r, 100));
      }
      req.destroy();
      await new Promise((r) => setTimeout(r, 100));
      return pushed;
    };
    // 40,000 events of 1 KiB: 40 MiB the app would push if nothing held it back.
    const paced = await pushedWhilePaused('/flood');
    const spooled = await pushedWhilePaused('/held-flood');
    // With X-Accel-Buffering: no, nginx reads only as fast as the client: the app's send() waits
    // once the socket buffers are full. Without it, nginx reads everything into its buffers and
    // temp files, and the app's queue bound protects nothing.
    expect(spooled).toBe(FLOOD);
    expect(paced).toBeLessThan(FLOOD / 2);
  }, 20_000);

  it('closes an idle feed when its client leaves through nginx', async () => {
    const opened = new Promise<() => void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/sse/feed?count=0', agent: false }, (res) => {
        res.once('data', () => resolve(() => req.destroy()));
      });
      req.on('error', () => undefined);
      setTimeout(() => reject(new Error('no opening line through nginx in 5 s')), 5000);
      req.end();
    });
    const leave = await opened;
    expect(await (await fetch(`${app.url}/sse/open`)).json()).toEqual({ open: 1 });
    const left = performance.now();
    leave();
    let open = 1;
    while (open !== 0 && performance.now() - left < 5000) {
      open = ((await (await fetch(`${app.url}/sse/open`)).json()) as { open: number }).open;
      if (open !== 0) await new Promise((r) => setTimeout(r, 10));
    }
    expect(open).toBe(0);
    expect(performance.now() - left).toBeLessThan(1000);
  });
});
