/**
 * tsgi behind a real nginx: the config and the `tsgi serve` commands are read from
 * docs/deployment.md, so the guide shows exactly what runs here, and so is the restart procedure
 * (systemd's restart is played by SIGTERM, the exit, and a new process).
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { Agent, request as httpsRequest } from 'node:https';
import { freePort } from '../support/free-port.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

const ROOT = new URL('../../', import.meta.url).pathname;
const run = promisify(execFile);

function findNginx(): string | undefined {
  for (const candidate of ['nginx', '/usr/sbin/nginx', '/usr/local/sbin/nginx']) {
    if (spawnSync(candidate, ['-v'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  return undefined;
}

/** The first fenced block of `lang` in the markdown that contains `marker`. */
export function docBlock(markdown: string, lang: string, marker = ''): string {
  const fence = new RegExp('```' + lang + '\\n([\\s\\S]*?)\\n```', 'g');
  for (const match of markdown.matchAll(fence)) if (match[1].includes(marker)) return match[1];
  throw new Error(`no \`\`\`${lang} block containing ${JSON.stringify(marker)} in the doc`);
}


interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** ms from the request to each received chunk. */
  times: number[];
}

/** HTTPS to nginx's self-signed listener; `body` chunks are written one by one (chunked upload). */
function call(
  port: number,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: Buffer[]; agent?: Agent } = {},
): Promise<Reply> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      { host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: init.headers, rejectUnauthorized: false, agent: init.agent ?? false },
      (res) => {
        const chunks: Buffer[] = [];
        const times: number[] = [];
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          times.push(performance.now() - started);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), times }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    for (const chunk of init.body ?? []) req.write(chunk);
    req.end();
  });
}

function fnv1a(bytes: Uint8Array): number {
  let hash = 2166136261;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 16777619) >>> 0;
  return hash;
}

async function waitFor(check: () => Promise<boolean>, what: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not come up in 20 s:\n${output()}`);
}

const nginx = findNginx();
const haveOpenssl = spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0;
if (!nginx || !haveOpenssl) {
  console.warn(`nginx e2e skipped: ${!nginx ? 'nginx' : 'openssl'} is not installed (scripts/setup/nginx.sh installs it)`);
}

/** One `tsgi serve` instance of the guide, started with its port replaced. */
interface Instance {
  args: string[];
  port: number;
  child: ChildProcess;
  output: string;
}

function startInstance(args: string[], port: number): Instance {
  const child = spawn(process.execPath, [join(ROOT, 'dist/cli.js'), ...args, '--no-access-log'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const instance: Instance = { args, port, child, output: '' };
  child.stdout!.on('data', (d: Buffer) => (instance.output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (instance.output += d.toString()));
  return instance;
}

async function stopInstance(instance: Instance): Promise<number | null> {
  const { child } = instance;
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  return exited;
}

async function answers(instance: Instance): Promise<void> {
  await waitFor(async () => (await fetch(`http://127.0.0.1:${instance.port}/whoami`)).ok, `tsgi serve on ${instance.port}`, () => instance.output);
}

describe.skipIf(!nginx || !haveOpenssl)('tsgi serve --workers behind nginx, as docs/deployment.md shows', () => {
  let dir = '';
  let guide = '';
  const appPorts: number[] = [];
  let port = 0;
  const instances: Instance[] = [];
  let proxy: ChildProcess | undefined;
  let nginxOutput = '';

  beforeAll(async () => {
    guide = await readFile(join(ROOT, 'docs/deployment.md'), 'utf8');
    dir = await mkdtemp(join(tmpdir(), 'tsgi-nginx-'));
    // nginx workers drop root privileges: they must be able to read what is in here.
    await chmod(dir, 0o755);
    appPorts.push(await freePort(), await freePort());
    port = await freePort();

    if (!existsSync(join(ROOT, 'dist/cli.js')) || !existsSync(join(ROOT, 'dist/middleware/index.js'))) {
      // `npm test` builds first; a bare `vitest run` may not have: build the package the CLI runs.
      await run('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT }).catch(() => undefined);
    }
    // The guide's two instances, on ports 8000 and 8001: here on two free ports.
    const commands = docBlock(guide, 'sh', 'tsgi serve').trim().split('\n').map((line) => line.trim().split(/\s+/));
    expect(commands.map((command) => command.slice(0, 2))).toEqual([['tsgi', 'serve'], ['tsgi', 'serve']]);
    commands.forEach((command, i) => {
      const documented = String(8000 + i);
      expect(command).toContain(documented);
      const args = command.slice(1).map((arg) => (arg === documented ? String(appPorts[i]) : arg));
      instances.push(startInstance(args, appPorts[i]));
    });

    await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')]);
    const server = docBlock(guide, 'nginx', 'proxy_pass')
      .replace('127.0.0.1:8000', `127.0.0.1:${appPorts[0]}`)
      .replace('127.0.0.1:8001', `127.0.0.1:${appPorts[1]}`)
      .replace('127.0.0.1:8443', `127.0.0.1:${port}`)
      .replace('/etc/ssl/tsgi/cert.pem', join(dir, 'cert.pem'))
      .replace('/etc/ssl/tsgi/key.pem', join(dir, 'key.pem'));
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `  ${name}_temp_path ${join(dir, name)};`).join('\n');
    await writeFile(
      join(dir, 'nginx.conf'),
      `worker_processes 1;\npid ${join(dir, 'nginx.pid')};\nerror_log ${join(dir, 'error.log')} warn;\n` +
        `events { worker_connections 64; }\nhttp {\n  access_log ${join(dir, 'access.log')};\n${temp}\n${server}\n}\n`,
    );
    proxy = spawn(nginx!, ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
    proxy.stdout!.on('data', (d: Buffer) => (nginxOutput += d.toString()));
    proxy.stderr!.on('data', (d: Buffer) => (nginxOutput += d.toString()));

    for (const instance of instances) await answers(instance);
    await waitFor(async () => (await call(port, '/app/whoami')).status === 200, 'nginx', () => nginxOutput);
  }, 60_000);

  afterAll(async () => {
    for (const child of [proxy, ...instances.map((instance) => instance.child)]) {
      if (child && child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('gives the app the client address, scheme, host and prefix nginx forwarded', async () => {
    // The client forges X-Forwarded-For: nginx appends the real address, proxyFix reads only that.
    const res = await call(port, '/app/whoami?x=1', { headers: { 'X-Forwarded-For': '6.6.6.6', 'X-Forwarded-Proto': 'gopher' } });
    expect(res.status).toBe(200);
    const seen = JSON.parse(res.body.toString());
    expect(seen).toMatchObject({
      remoteAddr: '127.0.0.1',
      scheme: 'https',
      host: `127.0.0.1:${port}`,
      rootPath: '/app',
      url: `https://127.0.0.1:${port}/app/whoami?x=1`,
    });
  });

  it('builds redirects from the forwarded scheme, host and prefix', async () => {
    const res = await call(port, '/app/login');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`https://127.0.0.1:${port}/app/welcome`);
  });

  it('passes uploads through, with a length or chunked, and enforces client_max_body_size', async () => {
    const payload = randomBytes(5 * 1024 * 1024);
    const sized = await call(port, '/app/upload', { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(payload.length) }, body: [payload] });
    expect(JSON.parse(sized.body.toString())).toEqual({ size: payload.length, fnv1a: fnv1a(payload) });
    const pieces = [payload.subarray(0, 1000), payload.subarray(1000, 3_000_000), payload.subarray(3_000_000)];
    const chunked = await call(port, '/app/upload', { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: pieces });
    expect(JSON.parse(chunked.body.toString())).toEqual({ size: payload.length, fnv1a: fnv1a(payload) });
    const tooBig = await call(port, '/app/upload', { method: 'POST', headers: { 'Content-Length': String(17 * 1024 * 1024) }, body: [] });
    expect(tooBig.status).toBe(413);
  });

  it('streams responses through chunk by chunk', async () => {
    const res = await call(port, '/app/stream');
    expect(res.body.toString()).toBe('tick 0\ntick 1\ntick 2\n');
    // Ticks are 300 ms apart: the first one reached the client long before the response ended.
    expect(res.times[res.times.length - 1] - res.times[0]).toBeGreaterThan(450);
  });

  it('passes WebSocket handshakes on from their own location: subprotocol, echo, and 403 for another site', async () => {
    const url = `wss://127.0.0.1:${port}/app/chat/socket`;
    const ws = new WebSocket(url, ['echo'], { origin: `https://127.0.0.1:${port}`, rejectUnauthorized: false });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    expect(ws.protocol).toBe('echo');
    const echoed = new Promise<string>((resolve) => ws.once('message', (data) => resolve(String(data))));
    ws.send('through nginx');
    expect(await echoed).toBe('through nginx');
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.close(1000);
    expect(await closed).toBe(1000);

    // A page of another site: the app sees the Host nginx forwarded, which is not the Origin's.
    const foreign = new WebSocket(url, ['echo'], { origin: 'https://evil.example', rejectUnauthorized: false });
    const status = await new Promise<number>((resolve, reject) => {
      foreign.once('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        res.resume();
      });
      foreign.once('open', () => reject(new Error('a cross-site handshake was accepted')));
    });
    expect(status).toBe(403);
  });

  it('compresses in the app and nginx passes the encoding on', async () => {
    const res = await call(port, '/app/whoami?pad=' + 'x'.repeat(2000), { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toBe('Accept-Encoding');
  });

  it('documents the same command in the systemd unit, and restarts the ports of the upstream', () => {
    const unit = docBlock(guide, 'ini', 'ExecStart');
    const execStart = /^ExecStart=\S*\/tsgi (.*)$/m.exec(unit)![1].split(/\s+/);
    const command = docBlock(guide, 'sh', 'tsgi serve').trim().split('\n')[0].trim().split(/\s+/).slice(1);
    expect(execStart).toEqual(command.map((arg) => (arg === '8000' ? '%i' : arg)));
    const loop = docBlock(guide, 'sh', 'systemctl restart');
    expect(loop).toContain('for port in 8000 8001; do');
    expect(docBlock(guide, 'nginx', 'proxy_pass')).toMatch(/server 127\.0\.0\.1:8000 [^\n]*\n\s*server 127\.0\.0\.1:8001 /);
  });

  it('restarts both instances in turn under load, GETs and POSTs, without one failed request', async () => {
    // The guide's loop: each instance gets SIGTERM (what systemctl restart sends), drains and
    // exits; a new one starts on its port; the next waits until it answers.
    const before = await Promise.all(instances.map(async (instance) => (await fetch(`http://127.0.0.1:${instance.port}/whoami`)).json()));
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const payload = randomBytes(2048);
    const expected = JSON.stringify({ size: payload.length, fnv1a: fnv1a(payload) });
    const failures: string[] = [];
    let gets = 0;
    let posts = 0;
    let restarting = true;
    const MAX_REQUESTS = 40_000;
    const clients = Array.from({ length: 8 }, async (_, i) => {
      for (let n = 0; restarting && gets + posts < MAX_REQUESTS; n++) {
        const post = (n + i) % 2 === 0;
        try {
          const res = post
            ? await call(port, '/app/upload', { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(payload.length) }, body: [payload], agent })
            : await call(port, '/app/whoami', { agent });
          const ok = res.status === 200 && (!post || res.body.toString() === expected);
          if (!ok) failures.push(`${post ? 'POST' : 'GET'} ${res.status} ${res.body.toString().slice(0, 80)}`);
        } catch (error) {
          failures.push(`${post ? 'POST' : 'GET'} ${(error as Error).message}`);
        }
        if (post) posts++;
        else gets++;
      }
    });
    const started = performance.now();
    for (let i = 0; i < instances.length; i++) {
      await new Promise((r) => setTimeout(r, 300));
      const old = instances[i];
      expect(await stopInstance(old), old.output).toBe(0);
      instances[i] = startInstance(old.args, old.port);
      await answers(instances[i]);
    }
    await new Promise((r) => setTimeout(r, 300));
    restarting = false;
    await Promise.all(clients);
    agent.destroy();
    const after = await Promise.all(instances.map(async (instance) => (await fetch(`http://127.0.0.1:${instance.port}/whoami`)).json()));
    expect(after.map((seen: { pid: number }) => seen.pid)).not.toContain(before[0].pid);
    expect(after.map((seen: { pid: number }) => seen.pid)).not.toContain(before[1].pid);
    expect(gets).toBeGreaterThan(100);
    expect(posts).toBeGreaterThan(100);
    expect(failures, `${failures.length} of ${gets} GETs and ${posts} POSTs failed in ${Math.round(performance.now() - started)} ms`).toEqual([]);
  }, 60_000);

  it('shuts down gracefully on SIGTERM: the request in flight completes', async () => {
    const inFlight = call(port, '/app/stream');
    await new Promise((r) => setTimeout(r, 150));
    const exits = instances.map(stopInstance);
    const res = await inFlight;
    expect(res.body.toString()).toBe('tick 0\ntick 1\ntick 2\n');
    expect(await Promise.all(exits)).toEqual([0, 0]);
    // No app listening any more: nginx says so.
    expect((await call(port, '/app/whoami')).status).toBe(502);
  });
});
