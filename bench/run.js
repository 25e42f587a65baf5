// tsgi against its peers over real sockets: raw node:http (the floor), tsgi via `serve`, Fastify 5,
// Hono 4 on @hono/node-server, Express 5. Each server runs in its own child process; autocannon
// loads it from this process over 127.0.0.1. Runs are interleaved (every run visits every server
// and route, in a rotated order) and the table reports medians, with each figure also as a ratio
// to raw node:http measured in the same run.
//
//   npm run bench                          # 7 runs x 2 s per cell, then 7 head-to-head runs (about 20 minutes)
//   BENCH_RUNS=1 BENCH_DURATION=1 npm run bench   # quick look
//   BENCH_WRITE=0 ...                      # do not rewrite bench/README.md
//
// Environment (the in-process client part takes CLIENT_SECONDS and CLIENT_RUNS, see bench/client.js): BENCH_RUNS (7), BENCH_DURATION seconds (2), BENCH_WARMUP seconds (1),
// BENCH_SHARED_RUNS (7: runs of the head-to-head table, node:http and a peer sharing core 1 at once; 0 skips it),
// BENCH_PIN (1: load generator on core 0, servers on core 1; 0 lets the scheduler place them),
// BENCH_CONNECTIONS (50), BENCH_PIPELINING (1), BENCH_ONLY (comma list of servers besides node:http),
// BENCH_ROUTES (comma list of path parts: hello,json,query,form). Filtered runs do not write the README.
import { execFileSync, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { median, serverCpuTime, writeReadmeSection } from './lib.js';

const here = dirname(fileURLToPath(import.meta.url));
const env = (name, fallback) => (process.env[name] === undefined ? fallback : Number(process.env[name]));
const RUNS = env('BENCH_RUNS', 7);
const DURATION = env('BENCH_DURATION', 2);
const WARMUP = env('BENCH_WARMUP', 1);
const CONNECTIONS = env('BENCH_CONNECTIONS', 50);
const PIPELINING = env('BENCH_PIPELINING', 1);
const SHARED_RUNS = env('BENCH_SHARED_RUNS', 7);
const WRITE = process.env.BENCH_WRITE !== '0' && !process.env.BENCH_ONLY && !process.env.BENCH_ROUTES;

const SERVERS = [
  { name: 'node:http', file: 'node.js' },
  { name: 'tsgi', file: 'tsgi.js' },
  { name: 'tsgi-raw', file: 'tsgi-raw.js' },
  { name: 'fastify', file: 'fastify.js' },
  { name: 'hono', file: 'hono.js' },
  { name: 'express', file: 'express.js' },
].filter((s) => !process.env.BENCH_ONLY || s.name === 'node:http' || process.env.BENCH_ONLY.split(',').includes(s.name));

// With two or more cores, the load generator (this process) and each server get a core of their
// own (taskset, from util-linux): otherwise the scheduler moves them around and a server sometimes
// shares a core with autocannon, which adds more noise than the differences being measured.
// BENCH_PIN=0 turns it off.
const PIN = process.env.BENCH_PIN !== '0' && os.cpus().length >= 2 && pin(process.pid, '0');

function pin(pid, cpus) {
  try {
    execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const FORM = 'name=tsgi&lang=typescript&n=42';
const ROUTES = [
  { name: 'GET /hello', path: '/hello', expect: { text: 'Hello, World!' } },
  { name: 'GET /json', path: '/json', expect: { json: { message: 'Hello, World!' } } },
  { name: 'GET /query', path: '/query?a=1&b=two&c=3&c=4', expect: { json: { a: '1', b: 'two', c: ['3', '4'] } } },
  {
    name: 'POST /form',
    path: '/form',
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: FORM,
    expect: { json: { name: 'tsgi', lang: 'typescript', n: '42' } },
  },
].filter((r) => !process.env.BENCH_ROUTES || process.env.BENCH_ROUTES.split(',').some((part) => r.path.includes(part)));

function start(server) {
  return new Promise((resolve, reject) => {
    const child = fork(join(here, 'servers', server.file), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    if (PIN) pin(child.pid, '1');
    child.once('message', (message) => {
      // Again once it listens: a thread Node started while the first pin walked its threads would
      // run free (one shared run of 2026-12-06 saw a server use 1.96 CPU-seconds in 2 s on "one" core).
      if (PIN) pin(child.pid, '1');
      resolve({ ...server, child, url: `http://127.0.0.1:${message.port}` });
    });
    child.once('exit', (code) => reject(new Error(`${server.name} exited with ${code}`)));
  });
}

async function check(server, route) {
  const response = await fetch(server.url + route.path, { method: route.method ?? 'GET', headers: route.headers, body: route.body });
  const text = await response.text();
  const ok =
    response.status === 200 &&
    (route.expect.text !== undefined ? text === route.expect.text : isDeepStrictEqual(JSON.parse(text), route.expect.json));
  if (!ok) throw new Error(`${server.name} ${route.name} answered ${response.status} ${text}`);
}

function cpuTime(server) {
  return serverCpuTime(server.child);
}

function load(server, route, duration) {
  return autocannon({
    url: server.url + route.path,
    method: route.method ?? 'GET',
    headers: route.headers,
    body: route.body,
    connections: CONNECTIONS,
    pipelining: PIPELINING,
    duration,
  });
}

/**
 * Replaces a server's process with a fresh one, in place. Rounds with one pair of processes agree
 * more closely than pairs do (bench/ab.js, AB_SESSIONS), so each head-to-head run gets new ones.
 */
async function restart(server) {
  const old = server.child;
  old.removeAllListeners('exit');
  // A process that already ended would never emit 'exit' again.
  if (old.exitCode === null && old.signalCode === null) {
    await new Promise((resolve) => {
      old.once('exit', resolve);
      old.kill();
    });
  }
  const fresh = await start(server);
  server.child = fresh.child;
  server.url = fresh.url;
}

const loadBefore = os.loadavg()[0];
const servers = [];
process.on('exit', () => servers.forEach((s) => s.child.kill()));
for (const server of SERVERS) servers.push(await start(server));

for (const server of servers) for (const route of ROUTES) await check(server, route);
console.log(`all ${servers.length} servers answer all ${ROUTES.length} routes correctly`);

if (WARMUP > 0) {
  for (const route of ROUTES) for (const server of servers) await load(server, route, WARMUP);
}

// results[route][server] = [{ rps, p99, errors }] one per run
const results = Object.fromEntries(ROUTES.map((r) => [r.name, Object.fromEntries(servers.map((s) => [s.name, []]))]));
const floorServer = servers.find((s) => s.name === 'node:http');
const peers = servers.filter((s) => s !== floorServer);

async function measure(server, route, run) {
  const cpuBefore = await cpuTime(server);
  const r = await load(server, route, DURATION);
  const cpu = ((await cpuTime(server)) - cpuBefore) / Math.max(r.requests.total, 1);
  const errors = r.errors + r.timeouts + r.non2xx;
  console.log(
    `run ${run + 1}/${RUNS} ${route.name.padEnd(11)} ${server.name.padEnd(13)} ` +
      `${Math.round(r.requests.average).toString().padStart(6)} req/s  p99 ${r.latency.p99} ms  ${cpu.toFixed(1)} us CPU/req` +
      `${errors ? `  ${errors} errors` : ''}`,
  );
  return { rps: r.requests.average, p99: r.latency.p99, cpu, errors };
}

for (let run = 0; run < RUNS; run++) {
  for (const route of ROUTES) {
    // Rotate the order each run so no server always goes first (or right after another). The
    // floor is measured right before each peer, and each ratio is taken to that measurement:
    // this machine's speed drifts over seconds, so a floor measured a minute earlier would move
    // the ratio more than the servers differ.
    const order = peers.map((_, i) => peers[(i + run) % peers.length]);
    for (const server of order) {
      const floor = await measure(floorServer, route, run);
      results[route.name]['node:http'].push({ ...floor, floor });
      results[route.name][server.name].push({ ...(await measure(server, route, run)), floor });
    }
  }
}
// Head to head on one core: node:http and a peer serve at the same time, both on core 1, each
// loaded by its own autocannon. Both see the same machine speed at every instant, so the ratio of
// requests per CPU-second does not drift with the machine the way back-to-back runs do; the CPU
// time (rather than requests alone) is compared because the scheduler shares a core per thread,
// not per process.
// shared[route][server] = [{ rps, cpuShare, efficiency }] one per run, as ratios to node:http
const shared = Object.fromEntries(ROUTES.map((r) => [r.name, Object.fromEntries(peers.map((s) => [s.name, []]))]));
if (PIN && SHARED_RUNS > 0) {
  for (let run = 0; run < SHARED_RUNS; run++) {
    if (run > 0) {
      for (const server of servers) await restart(server);
      if (WARMUP > 0) for (const route of ROUTES) for (const server of servers) await load(server, route, WARMUP);
    }
    for (const route of ROUTES) {
      for (const server of peers) {
        const before = [await cpuTime(floorServer), await cpuTime(server)];
        // Each load starts first in turn (bench/ab.js does the same): node:http first in every run
        // read up to 2-3% in its favour in one head-to-head of node:http and tsgi.
        const [floorLoad, peerLoad] =
          run % 2 === 0
            ? await Promise.all([load(floorServer, route, DURATION), load(server, route, DURATION)])
            : (await Promise.all([load(server, route, DURATION), load(floorServer, route, DURATION)])).reverse();
        const floorCpu = (await cpuTime(floorServer)) - before[0];
        const peerCpu = (await cpuTime(server)) - before[1];
        const efficiency = peerLoad.requests.total / peerCpu / (floorLoad.requests.total / floorCpu);
        const errors = floorLoad.errors + floorLoad.non2xx + peerLoad.errors + peerLoad.non2xx;
        console.log(
          `shared ${run + 1}/${SHARED_RUNS} ${route.name.padEnd(11)} ${server.name.padEnd(9)} vs node:http: ` +
            `${peerLoad.requests.total} / ${floorLoad.requests.total} requests, CPU ${(peerCpu / 1e6).toFixed(2)} / ${(floorCpu / 1e6).toFixed(2)} s, ` +
            `requests per CPU-second x${efficiency.toFixed(3)}${errors ? `  ${errors} errors` : ''}`,
        );
        shared[route.name][server.name].push({
          rps: peerLoad.requests.total / floorLoad.requests.total,
          cpuShare: peerCpu / (peerCpu + floorCpu),
          efficiency,
          errors,
        });
      }
    }
  }
}
for (const s of servers) s.child.kill();

// In-process client comparison: bench/client.js (written with the test client) in its own process,
// so the servers' JIT state does not matter; its markdown table is quoted as it prints it.
const inprocess = await new Promise((resolve, reject) => {
  const child = fork(join(here, 'client.js'), [], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.once('exit', (code) => (code ? reject(new Error(`client.js exited with ${code}`)) : resolve(out)));
});
process.stdout.write(inprocess);
const inprocessTable = inprocess.split('\n').filter((line) => line.startsWith('|')).join('\n');
const inprocessNote = inprocess.split('\n').find((line) => line.startsWith('node ')) ?? '';

const fmt = (n) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(n >= 10 ? 1 : 2));
const rows = [];
for (const route of ROUTES) {
  for (const server of servers) {
    const runs = results[route.name][server.name];
    const rps = median(runs.map((r) => r.rps));
    const p99 = median(runs.map((r) => r.p99));
    const rpsRatio = median(runs.map((r) => r.rps / r.floor.rps));
    const p99Ratio = median(runs.map((r) => r.p99 / Math.max(r.floor.p99, 1)));
    const cpu = median(runs.map((r) => r.cpu));
    const cpuRatio = median(runs.map((r) => r.cpu / r.floor.cpu));
    const errors = runs.reduce((sum, r) => sum + r.errors, 0);
    rows.push(
      `| ${route.name} | ${server.name === 'tsgi' ? '**tsgi**' : server.name} | ${fmt(rps)} | ${rpsRatio.toFixed(2)} | ${fmt(p99)} | ${p99Ratio.toFixed(2)} | ` +
        `${cpu.toFixed(1)} | ${cpuRatio.toFixed(2)} |${errors ? ` ${errors} errors` : ''}`,
    );
  }
}

const sharedRows = [];
for (const route of ROUTES) {
  for (const server of peers) {
    const runs = shared[route.name][server.name];
    if (runs.length === 0) continue;
    const efficiencies = runs.map((r) => r.efficiency).sort((a, b) => a - b);
    const errors = runs.reduce((sum, r) => sum + r.errors, 0);
    sharedRows.push(
      `| ${route.name} | ${server.name === 'tsgi' ? '**tsgi**' : server.name} | ${median(efficiencies).toFixed(2)} | ` +
        `${efficiencies[0].toFixed(2)}-${efficiencies[efficiencies.length - 1].toFixed(2)} | ${median(runs.map((r) => r.rps)).toFixed(2)} | ` +
        `${median(runs.map((r) => r.cpuShare)).toFixed(2)} |${errors ? ` ${errors} errors` : ''}`,
    );
  }
}
const sharedSection =
  sharedRows.length === 0
    ? ''
    : `
### Head to head on one core

The same servers and routes, each peer serving **at the same time** as raw node:http, both pinned to core 1 and
each loaded by its own autocannon (${CONNECTIONS} connections) from core 0 for ${DURATION} s, the two loads starting first in turn; ${SHARED_RUNS} runs per cell,
each run with fresh server processes (warmed up for ${WARMUP} s per route).
Both servers see the same machine speed at every instant, so this ratio does not drift the way
back-to-back measurements do: it is the peer's requests per CPU-second over node:http's (higher is better),
each server's CPU time from \`process.cpuUsage()\`. "req ratio" is the plain ratio of requests served and
"CPU share" the peer's part of the core's time (the scheduler shares a core by thread, so a server with busy
helper threads can take more than half).

| route | server | requests per CPU-second, x node:http | range of runs | req ratio | CPU share |
|---|---|---:|---:|---:|---:|
${sharedRows.join('\n')}
`;

const cpus = os.cpus();
const loadAfter = os.loadavg()[0];
const command =
  `\`${RUNS === 7 && DURATION === 2 ? '' : `BENCH_RUNS=${RUNS} BENCH_DURATION=${DURATION} `}npm run bench\`` +
  ` (${RUNS} interleaved runs x ${DURATION} s per cell, ${CONNECTIONS} connections, pipelining ${PIPELINING}, medians)`;
const versions = ['fastify', 'hono', '@hono/node-server', 'express', 'autocannon']
  .map((name) => {
    const pkg = JSON.parse(readFileSync(join(here, '..', 'node_modules', name, 'package.json'), 'utf8'));
    return `${name} ${pkg.version}`;
  })
  .join(', ');
const section = `<!-- bench:peers:start -->
## Peers over HTTP: node:http, tsgi, Fastify, Hono, Express

Measured ${new Date().toISOString().slice(0, 10)} on ${cpus.length} x ${cpus[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, ${os.platform()} ${os.release()}; ${versions}.
Command: ${command}. Each server runs alone in its own process; autocannon runs in the parent on the
same machine over 127.0.0.1${PIN ? ', pinned to core 0 and each server to core 1 (taskset)' : `, so with ${cpus.length} cores the load generator and the server share the CPU`}
(1-minute load average ${loadBefore.toFixed(1)} before the run and ${loadAfter.toFixed(1)} after it: other work on the machine shows in req/s).
Ratios are to raw node:http measured right before each cell (median of those ratios; the node:http row pools\nall its measurements); for p99 and CPU, lower is better.
"CPU us/req" is the server process's own CPU time (user + system, from \`process.cpuUsage()\`) divided by the
requests it served: unlike req/s it does not depend on how much CPU the load generator leaves over.

| route | server | req/s | x node:http | p99 ms | x node:http | CPU us/req | x node:http |
|---|---|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}

Routes: \`GET /hello\` (text), \`GET /json\`, \`GET /query?a=1&b=two&c=3&c=4\` (the parsed arguments echoed as JSON),
\`POST /form\` (\`${FORM}\`, urlencoded, echoed as JSON). Every server's answers are checked before the load.
**tsgi** uses \`Request.application\`, \`Response\`, \`Response.json\`, \`req.args\` and \`req.form()\` (echoed with
\`MultiDict.toRecord()\`, the value-or-array shape Fastify's parser gives) from \`dist/\` with a
\`switch\` on \`req.path\` (the raw node:http server does the same); the others use their own routers. "tsgi-raw" is
the same adapter (\`serve\`) with apps written in the bare protocol (\`startResponse\` and byte chunks), which shows
the adapter's own cost apart from \`Request\`/\`Response\`. Express runs with
\`etag\` and \`x-powered-by\` off; Fastify parses urlencoded bodies with fast-querystring, as @fastify/formbody does.
${sharedSection}
### In-process test clients (no socket)

\`GET /hello\` through tsgi's test \`Client\` and through light-my-request (Fastify's inject) on the equivalent raw
node:http handler, measured by \`bench/client.js\` (run by \`npm run bench\`; ${inprocessNote}):

${inprocessTable}
<!-- bench:peers:end -->`;

console.log(`\n${section}\n`);
if (WRITE) {
  writeReadmeSection('peers', section);
}
process.exit(0);
