/**
 * `tsgi serve --workers`: workers that crash under load leave nothing behind in the primary (no
 * descriptor held for a connection the dead worker never took) and no client waiting for an answer
 * that cannot come. Linux only: the descriptors are counted in /proc.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const FIXTURE = join(ROOT, 'test/cli/fixtures/app.mjs');
const CRASHES = 5;
const onLinux = process.platform === 'linux';

let child: ChildProcess | undefined;
let output = '';

beforeAll(() => {
  // The CLI runs as a real `node dist/cli.js`: build it when it is older than the source.
  const source = statSync(join(ROOT, 'src/adapters/node/cli/supervisor.ts')).mtimeMs;
  if (!existsSync(CLI) || statSync(CLI).mtimeMs < source) {
    spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT });
  }
}, 120_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
});

interface Outcome {
  ok: boolean;
  ms: number;
  pid?: number;
}

/** One GET on a fresh connection, so that any worker may accept it; never rejects. */
function get(url: string, timeoutMs = 5000): Promise<Outcome> {
  const started = performance.now();
  return new Promise((done) => {
    const finish = (ok: boolean, body = '') => {
      let pid: number | undefined;
      try {
        pid = ok ? (JSON.parse(body) as { pid: number }).pid : undefined;
      } catch {
        ok = false;
      }
      done({ ok, ms: performance.now() - started, pid });
    };
    const request = http.get(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => finish(res.statusCode === 200, body));
      res.on('error', () => finish(false));
    });
    request.on('error', () => finish(false));
    request.setTimeout(timeoutMs, () => request.destroy());
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until two workers, none of them in `dead`, answer. */
async function twoWorkers(url: string, dead: Set<number>): Promise<Set<number>> {
  const pids = new Set<number>();
  const deadline = Date.now() + 15_000;
  while (pids.size < 2 && Date.now() < deadline) {
    const { pid } = await get(`${url}/`);
    if (pid !== undefined && !dead.has(pid)) pids.add(pid);
  }
  expect(pids.size, `two live workers; output:\n${output}`).toBe(2);
  return pids;
}

function descriptors(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}

describe.skipIf(!onLinux)('tsgi serve --workers 2, with workers crashing under load', () => {
  it(`leaves the primary's descriptors as they were after ${CRASHES} crashes, and no client waits past a second`, async () => {
    const env = { ...process.env };
    delete env.NODE_CLUSTER_SCHED_POLICY; // the policy tsgi picks is the one under test
    child = spawn(process.execPath, [CLI, 'serve', FIXTURE, '--workers', '2', '--no-access-log', '--port', '0'], { cwd: ROOT, env });
    child.stdout!.on('data', (d: Buffer) => (output += d));
    child.stderr!.on('data', (d: Buffer) => (output += d));
    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setInterval(() => {
        const match = /serving .* on (http:\/\/\S+)/.exec(output);
        if (match) {
          clearInterval(timer);
          resolveUrl(match[1]);
        } else if (child!.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(output));
        }
      }, 20);
    });
    const primary = child.pid!;
    const dead = new Set<number>();
    let workers = await twoWorkers(url, dead);
    const before = descriptors(primary);

    // Load: 8 clients, each request on a new connection (the primary's hand-off is per connection).
    let loading = true;
    const outcomes: Outcome[] = [];
    const clients = Array.from({ length: 8 }, async () => {
      while (loading) outcomes.push(await get(`${url}/`));
    });
    for (let i = 0; i < CRASHES; i++) {
      await sleep(100);
      const crash = await get(`${url}/crash`, 2000); // the worker exits without answering
      expect(crash.ok).toBe(false);
      for (const pid of workers) {
        try {
          process.kill(pid, 0);
        } catch {
          dead.add(pid);
        }
      }
      workers = await twoWorkers(url, dead);
    }
    loading = false;
    await Promise.all(clients);

    expect(output.match(/exited \(code 3\)/g)?.length).toBe(CRASHES);
    // Some requests fail (those the dying worker held), but none hangs.
    const slowest = Math.max(...outcomes.map((outcome) => outcome.ms));
    expect(slowest, `slowest of ${outcomes.length} requests`).toBeLessThan(1000);
    expect(outcomes.filter((outcome) => outcome.ok).length).toBeGreaterThan(outcomes.length / 2);
    // Descriptors of connections closed a moment ago may take a tick to go: look for a second.
    let after = descriptors(primary);
    for (let i = 0; i < 20 && after !== before; i++) {
      await sleep(50);
      after = descriptors(primary);
    }
    expect(after).toBe(before);
  }, 60_000);
});
