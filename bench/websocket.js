// WebSocket echo messages per second on node:http: tsgi (`serve` + `req.acceptWebSocket`) against
// `ws` alone (a bare WebSocketServer) and Hono's node adapter (@hono/node-ws `upgradeWebSocket`).
// Each server (bench/servers/ws-*.js) runs in its own process; this process is the load: C client
// connections from the `ws` package on 127.0.0.1 (no permessage-deflate, as the servers' default),
// each sending a small text message and waiting for its echo before sending the next (request/
// response), or keeping P messages in flight (pipelined), for a fixed time. Every echo is checked
// against what was sent. Messages/s counts echoes received; server CPU per message comes from
// process.cpuUsage() in the server (over IPC), which holds up better than messages/s when the
// clients and other work compete for the cores. The clients run on core 0 and the servers on core
// 1. Runs are interleaved with the order rotating, each on fresh processes after a warm-up; the
// table gives medians, and ratios to `ws` paired run by run (median and range).
// dist/ is copied first, so a build during the run changes nothing.
//
//   npm run build && node bench/websocket.js
//   BENCH_RUNS=1 BENCH_DURATION=2 node bench/websocket.js     # quick look (does not write the README)
//
// Environment: BENCH_RUNS (5), BENCH_DURATION seconds per cell (5), BENCH_WARMUP seconds (1),
// BENCH_CONNECTIONS (20), BENCH_PIPELINE messages in flight per connection in the pipelined cell
// (10), BENCH_HEAD_ROUNDS (5; 0 for none) and BENCH_HEAD_SECONDS (3) of the head-to-head
// phase (below), BENCH_SERVERS (a comma list of ws,hono,tsgi, ws first), BENCH_WRITE=0 to leave bench/README.md alone,
// TSGI_DIST to measure another build.
import { execFileSync, fork } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { median, serverCpuTime, writeReadmeSection } from './lib.js';

const here = dirname(fileURLToPath(import.meta.url));
const env = (name, fallback) => (process.env[name] === undefined ? fallback : Number(process.env[name]));
const RUNS = env('BENCH_RUNS', 5);
const DURATION = env('BENCH_DURATION', 5);
const WARMUP = env('BENCH_WARMUP', 1);
const CONNECTIONS = env('BENCH_CONNECTIONS', 20);
const PIPELINE = env('BENCH_PIPELINE', 10);
const HEAD_ROUNDS = env('BENCH_HEAD_ROUNDS', 5);
const HEAD_SECONDS = env('BENCH_HEAD_SECONDS', 3);
const picked = process.env.BENCH_SERVERS?.split(',');
const SERVERS = [
  { name: 'ws', label: '`ws` alone (WebSocketServer on node:http)' },
  { name: 'hono', label: 'Hono 4 + @hono/node-ws (`upgradeWebSocket`)' },
  { name: 'tsgi', label: 'tsgi `req.acceptWebSocket` (`serve`)' },
].filter((server) => !picked || picked.includes(server.name));
const CELLS = [
  { name: 'echo', label: 'request/response', inFlight: 1 },
  { name: 'pipelined', label: `pipelined (${PIPELINE} in flight)`, inFlight: PIPELINE },
];
const WRITE =
  process.env.BENCH_WRITE !== '0' && RUNS >= 3 && DURATION >= 5 && !process.env.BENCH_SERVERS && !process.env.TSGI_DIST;

if (!process.env.TSGI_DIST) {
  // Under node_modules/, not the temp directory: the build imports `ws` (a dependency) by name.
  const copy = mkdtempSync(join(here, '..', 'node_modules', '.tsgi-bench-dist-'));
  cpSync(join(here, '..', 'dist'), copy, { recursive: true });
  process.env.TSGI_DIST = copy;
  process.on('exit', () => rmSync(copy, { recursive: true, force: true }));
}

// The clients on core 0 and each server on core 1 (as bench/ab.js does), so that the two do not
// take turns on one core; without taskset, or on one core, they share as the scheduler likes.
const PIN = os.cpus().length >= 2;
function pin(pid, cpus) {
  if (!PIN) return;
  try {
    execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' });
  } catch {
    // no taskset: unpinned
  }
}
pin(process.pid, '0');

const live = new Set();
process.on('exit', () => live.forEach((child) => child.kill()));

function start(server) {
  return new Promise((resolve, reject) => {
    const child = fork(join(here, 'servers', `ws-${server.name}.js`), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    live.add(child);
    pin(child.pid, '1');
    child.once('message', (message) => {
      pin(child.pid, '1'); // again, for threads started while the first pin ran
      resolve({ child, url: `ws://127.0.0.1:${message.port}/echo` });
    });
    child.once('exit', (code) => reject(new Error(`${server.name} exited with ${code}`)));
  });
}

function stop(child) {
  live.delete(child);
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

function open(url) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (req, res) => reject(new Error(`${url}: ${res.statusCode} instead of 101`)));
  });
}

/**
 * C connections, each keeping `inFlight` messages out (1: send, await the echo, send the next) for
 * `seconds`; resolves with the echoes received. An echo that is not the message sent is an error.
 */
async function load(server, url, inFlight, seconds) {
  const sockets = await Promise.all(Array.from({ length: CONNECTIONS }, () => open(url)));
  let received = 0;
  let running = true;
  const done = sockets.map(
    (ws, c) =>
      new Promise((resolve, reject) => {
        let sent = 0;
        let expected = 0;
        const next = () => ws.send(`message ${sent++} from connection ${c}`);
        ws.on('message', (data, isBinary) => {
          const text = data.toString();
          if (isBinary || text !== `message ${expected++} from connection ${c}`) {
            reject(new Error(`${server.name}: connection ${c} got ${isBinary ? 'binary' : JSON.stringify(text)}`));
            return;
          }
          received++;
          if (running) next();
          else if (expected === sent) resolve();
        });
        ws.on('error', reject);
        ws.on('close', (code) => (expected === sent ? resolve() : reject(new Error(`${server.name}: closed ${code} early`))));
        for (let i = 0; i < inFlight; i++) next();
      }),
  );
  const started = process.hrtime.bigint();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  running = false;
  const counted = received;
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  // The echoes still in flight come back before the sockets close, so every one is checked.
  await Promise.race([Promise.all(done), new Promise((_, reject) => setTimeout(() => reject(new Error(`${server.name}: echoes missing after 10 s`)), 10_000))]);
  await Promise.all(sockets.map((ws) => new Promise((resolve) => (ws.once('close', resolve), ws.close()))));
  return { messages: counted, elapsed };
}

console.log(
  `${SERVERS.map((s) => s.name).join(', ')}; ${RUNS} runs x ${DURATION} s, ${CONNECTIONS} connections, ` +
    `pipelined ${PIPELINE}; load average ${os.loadavg()[0].toFixed(1)}`,
);
const results = {};
for (let run = 0; run < RUNS; run++) {
  const order = SERVERS.map((_, i) => SERVERS[(i + run) % SERVERS.length]);
  for (const server of order) {
    const { child, url } = await start(server);
    try {
      for (const cell of CELLS) {
        if (WARMUP > 0) await load(server, url, cell.inFlight, WARMUP);
        const cpuBefore = await serverCpuTime(child);
        const { messages, elapsed } = await load(server, url, cell.inFlight, DURATION);
        const cpu = (await serverCpuTime(child)) - cpuBefore;
        const rate = messages / elapsed;
        // CPU over every echo the server made, the ones drained after the clock stopped included.
        const perMessage = cpu / messages;
        ((results[server.name] ??= {})[cell.name] ??= { rate: [], cpu: [] }).rate.push(rate);
        results[server.name][cell.name].cpu.push(perMessage);
        console.log(
          `run ${run + 1}/${RUNS} ${server.name.padEnd(5)} ${cell.name.padEnd(10)} ${Math.round(rate).toLocaleString('en-US')} messages/s, ` +
            `${perMessage.toFixed(2)} us server CPU/message`,
        );
      }
    } finally {
      await stop(child);
    }
  }
}

// Head to head: `ws` and one other server serving at the same time, both on core 1, each loaded by
// its own C connections from this process (core 0). Both see the same machine at every instant,
// so the ratio of their messages per CPU-second holds still while the machine's load moves, as in
// bench/ab.js. Fresh processes per pair; the two loads start in turn.
const headToHead = {};
if (HEAD_ROUNDS > 0) {
  const baseline = SERVERS[0];
  for (const server of SERVERS.slice(1)) {
    const a = await start(baseline);
    const b = await start(server);
    try {
      for (const cell of CELLS) {
        await Promise.all([load(baseline, a.url, cell.inFlight, WARMUP || 0.5), load(server, b.url, cell.inFlight, WARMUP || 0.5)]);
        for (let round = 0; round < HEAD_ROUNDS; round++) {
          const before = [await serverCpuTime(a.child), await serverCpuTime(b.child)];
          const loads = [() => load(baseline, a.url, cell.inFlight, HEAD_SECONDS), () => load(server, b.url, cell.inFlight, HEAD_SECONDS)];
          const [resultA, resultB] = round % 2 === 0 ? await Promise.all(loads.map((f) => f())) : (await Promise.all([loads[1](), loads[0]()])).reverse();
          const cpuA = (await serverCpuTime(a.child)) - before[0];
          const cpuB = (await serverCpuTime(b.child)) - before[1];
          const value = resultB.messages / cpuB / (resultA.messages / cpuA);
          ((headToHead[server.name] ??= {})[cell.name] ??= []).push(value);
          console.log(
            `head to head ${baseline.name}/${server.name} ${cell.name.padEnd(10)} round ${round + 1}/${HEAD_ROUNDS}: ` +
              `${resultA.messages} and ${resultB.messages} messages in ${(cpuA / 1e6).toFixed(2)} and ${(cpuB / 1e6).toFixed(2)} CPU-s: x${value.toFixed(3)}`,
          );
        }
      }
    } finally {
      await stop(a.child);
      await stop(b.child);
    }
  }
}

const load1 = os.loadavg()[0].toFixed(1);
const base = results[SERVERS[0].name];
const range = (values) => `${Math.min(...values).toFixed(2)}-${Math.max(...values).toFixed(2)}`;
// Back to back, each run's ratio is to the `ws` run of the same round; the median of those and
// their range (machine load moves between one server's run and the next).
const ratio = (values, baseline) => {
  const ratios = values.map((value, i) => value / baseline[i]);
  return values === baseline || ratios.length < 2 ? `${median(ratios).toFixed(2)}x` : `${median(ratios).toFixed(2)}x, ${range(ratios)}`;
};
const rows = SERVERS.map((server) => {
  const cells = CELLS.flatMap((cell) => {
    const { rate, cpu } = results[server.name][cell.name];
    return [
      `${Math.round(median(rate)).toLocaleString('en-US')} (${ratio(rate, base[cell.name].rate)})`,
      `${median(cpu).toFixed(2)} (${ratio(cpu, base[cell.name].cpu)})`,
    ];
  });
  const pair = headToHead[server.name];
  const heads = CELLS.map((cell) => (pair ? `x${median(pair[cell.name]).toFixed(2)} (${range(pair[cell.name])})` : server === SERVERS[0] ? 'x1' : ''));
  return `| ${server.label} | ${cells.join(' | ')} | ${heads.join(' | ')} |`;
});
const header = [
  ...CELLS.flatMap((cell) => [`${cell.label}: messages/s`, `${cell.label}: server CPU µs/message`]),
  ...CELLS.map((cell) => `${cell.label}: head to head, messages per CPU-second vs \`ws\``),
];
const table = `| server | ${header.join(' | ')} |\n|---|${header.map(() => '---:').join('|')}|\n${rows.join('\n')}`;
console.log(`\n${table}\n\nload average after the run: ${load1}`);

if (WRITE) {
  const version = (name) => JSON.parse(readFileSync(join(here, '../node_modules', name, 'package.json'), 'utf8')).version;
  const section = `<!-- bench:websocket:start -->
## WebSocket echo, against \`ws\` and Hono (issue 17)

\`npm run build && node bench/websocket.js\`: each server runs in its own process
(\`bench/servers/ws-*.js\`) and echoes every message; all three run \`ws\` underneath. The load is
${CONNECTIONS} connections from the \`ws\` client in the benchmark's own process on 127.0.0.1 (no
permessage-deflate, as none of the servers enables it), each sending a small text message (about 30
bytes) and awaiting its echo before the next ("request/response"), or keeping ${PIPELINE} in flight
("pipelined"); every echo is checked. The clients run on core 0, the servers on core 1 (taskset).

- **Back to back**: each server alone for ${DURATION} s after a ${WARMUP} s warm-up, ${RUNS} interleaved rounds on
  fresh processes, the order rotating; medians. Messages/s counts echoes; server CPU per message
  (\`process.cpuUsage()\` of the server process) holds up better than messages/s, which the client
  (as much JavaScript per message as a server) and the machine's other work bound as much as the
  server does. Ratios are to \`ws\` alone in the same round: the median of the rounds and their range.
- **Head to head**: \`ws\` and the other server serve at the same time on the one core, each loaded
  by its own ${CONNECTIONS} connections, ${HEAD_ROUNDS} rounds of ${HEAD_SECONDS} s: the other's messages per CPU-second over
  \`ws\`'s (higher is better), median and range. Both see the same machine at every instant, so
  this ratio moves least with load (bench/ab.js's method).

Node ${process.version}, ws ${version('ws')}, hono ${version('hono')}, @hono/node-ws ${version('@hono/node-ws')}, @hono/node-server
${version('@hono/node-server')}; ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? 'unknown'}), shared with other work; load average ${load1} after the run.

${table}
<!-- bench:websocket:end -->`;
  writeReadmeSection('websocket', section);
}
