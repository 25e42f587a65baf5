// Static-file throughput: tsgi `staticFiles` on the tsgi node adapter vs Express `serve-static`
// and `@fastify/static`, on the same files, in one run.
//
//   npm run build && node bench/static.js            # 5 rounds, 2 s per 1 KB cell, 3 s per 10 MB cell (~3 min)
//   npm run build && STATIC_BENCH_QUICK=1 node bench/static.js   # 1 round (about 40 s, a smoke test)
//   STATIC_BENCH_ROUNDS / STATIC_BENCH_SECONDS override the round count and the 1 KB cell length.
//
// Each server runs in its own child process; autocannon (in this process) loads it on 127.0.0.1.
// Cells are interleaved (round by round, scenario by scenario, servers in rotating order) so that
// drift in machine load hits every server alike; the table shows medians over the rounds.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { median } from './lib.js';

const here = dirname(fileURLToPath(import.meta.url));
const quick = Boolean(process.env.STATIC_BENCH_QUICK);
const rounds = Number(process.env.STATIC_BENCH_ROUNDS ?? (quick ? 1 : 5));
const seconds = Number(process.env.STATIC_BENCH_SECONDS ?? (quick ? 1 : 2));
const servers = ['tsgi', 'express', 'fastify'];

const scenarios = [
  { name: '1 KB', path: '/static/small.bin', connections: 10 },
  { name: '1 KB, Range', path: '/static/small.bin', connections: 10, range: 'bytes=100-199' },
  // A 10 MB response can take a second or more on a loaded machine: these cells run at least 3 s.
  { name: '10 MB', path: '/static/large.bin', connections: 4, minSeconds: 3 },
  { name: '10 MB, Range 1 MB', path: '/static/large.bin', connections: 4, range: 'bytes=4194304-5242879', minSeconds: 3 },
];

function startServer(kind, dir) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(here, 'static-server.js'), kind, dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${kind} did not start`)), 15_000);
    child.stdout.on('data', (data) => {
      out += data;
      const match = /READY (\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ kind, child, port: Number(match[1]) });
      }
    });
    child.on('exit', (code) => reject(new Error(`${kind} exited with ${code}`)));
  });
}

function load(port, scenario, duration) {
  const headers = scenario.range ? { range: scenario.range } : {};
  return new Promise((resolve, reject) => {
    autocannon(
      { url: `http://127.0.0.1:${port}${scenario.path}`, connections: scenario.connections, duration, headers },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

async function check(port, scenario, expectedStatus, expectedLength) {
  const headers = scenario.range ? { range: scenario.range } : {};
  const res = await fetch(`http://127.0.0.1:${port}${scenario.path}`, { headers });
  const body = new Uint8Array(await res.arrayBuffer());
  if (res.status !== expectedStatus || body.byteLength !== expectedLength) {
    throw new Error(`${port} ${scenario.name}: got ${res.status} with ${body.byteLength} bytes`);
  }
}

// Server CPU time (user + system) from /proc, so the cost per request can be compared even when
// other processes compete for the machine; null where /proc is missing.
const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return null;
  }
}


const dir = await mkdtemp(join(tmpdir(), 'tsgi-static-bench-'));
await mkdir(dir, { recursive: true });
await writeFile(join(dir, 'small.bin'), randomBytes(1024));
await writeFile(join(dir, 'large.bin'), randomBytes(10 * 1024 * 1024));

const running = [];
try {
  for (const kind of servers) running.push(await startServer(kind, dir));
  const expected = [
    [200, 1024],
    [206, 100],
    [200, 10 * 1024 * 1024],
    [206, 1024 * 1024],
  ];
  for (const server of running) {
    for (const [i, scenario] of scenarios.entries()) await check(server.port, scenario, ...expected[i]);
  }
  // Warm-up: one short run per server and scenario, not recorded.
  for (const scenario of scenarios) for (const server of running) await load(server.port, scenario, 1);

  const results = new Map(); // `${scenario}|${kind}` -> { rps: [], mbps: [], errors }
  for (let round = 0; round < rounds; round++) {
    for (const [s, scenario] of scenarios.entries()) {
      const order = running.map((_, i) => running[(i + round + s) % running.length]);
      for (const server of order) {
        const cpuBefore = cpuSeconds(server.child.pid);
        const result = await load(server.port, scenario, Math.max(seconds, scenario.minSeconds ?? 0));
        const cpuAfter = cpuSeconds(server.child.pid);
        const key = `${scenario.name}|${server.kind}`;
        const entry = results.get(key) ?? { rps: [], mbps: [], cpu: [], bad: 0 };
        // Totals over the whole run: per-second samples are too coarse for a few 10 MB responses.
        const rps = result.requests.total / result.duration;
        const mbps = result.throughput.total / result.duration / 1e6;
        entry.rps.push(rps);
        entry.mbps.push(mbps);
        const cpuPerRequest = cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) / result.requests.total) * 1e6;
        if (cpuPerRequest !== null && Number.isFinite(cpuPerRequest)) entry.cpu.push(cpuPerRequest);
        entry.bad += result.errors + result.timeouts + result.non2xx;
        results.set(key, entry);
        process.stderr.write(
          `round ${round + 1}/${rounds} ${scenario.name.padEnd(18)} ${server.kind.padEnd(8)} ` +
            `${rps.toFixed(1)} req/s ${mbps.toFixed(1)} MB/s ${cpuPerRequest?.toFixed(0) ?? '-'} us CPU/req\n`,
        );
      }
    }
  }

  const lines = [
    `Static files, ${rounds} round(s), ${seconds} s per 1 KB cell and ${Math.max(seconds, 3)} s per 10 MB cell, medians; ` +
      `Node ${process.version}; MB/s = 10^6 bytes/s read by autocannon (headers included).`,
    '',
    '| file | server | req/s | MB/s | vs express | vs fastify | server CPU per request | errors |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const scenario of scenarios) {
    const rps = Object.fromEntries(servers.map((kind) => [kind, median(results.get(`${scenario.name}|${kind}`).rps)]));
    for (const kind of servers) {
      const entry = results.get(`${scenario.name}|${kind}`);
      const ratio = (other) => (kind === other ? '' : `${(rps[kind] / rps[other]).toFixed(2)}x`);
      lines.push(
        `| ${scenario.name} (${scenario.connections} conn.) | ${kind} | ${rps[kind].toFixed(rps[kind] < 100 ? 1 : 0)} | ` +
          `${median(entry.mbps).toFixed(1)} | ${ratio('express')} | ${ratio('fastify')} | ` +
          `${entry.cpu.length ? `${median(entry.cpu).toFixed(0)} us` : '-'} | ${entry.bad} |`,
      );
    }
  }
  console.log(lines.join('\n'));
} finally {
  for (const server of running) server.child.kill('SIGTERM');
  await rm(dir, { recursive: true, force: true });
}
