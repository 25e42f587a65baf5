// Server-sent events per second: tsgi's Response.eventStream through `serve` against Hono's
// streamSSE on @hono/node-server, and node:http writing the event text itself (no framework).
// Each server (bench/servers/sse-*.js) runs in its own process; this process is the load: K raw
// TCP clients on 127.0.0.1, each asking GET /events?n=N/K and reading as fast as it can, counting
// events by their `\nid: ` line until the chunked body's last chunk; every client must get exactly
// its N/K events. Events per second = N / the time from the first request to the last client's
// end; server CPU per event from process.cpuUsage() in the server (over IPC). Runs are
// interleaved with the order rotating, each on fresh processes after a warm-up; the table gives
// medians and ratios to Hono in the same run. dist/ is copied first, so a build during the run
// changes nothing.
//
//   npm run build && node bench/sse.js
//   BENCH_RUNS=1 node bench/sse.js          # quick look (does not write the README)
//
// Environment: BENCH_RUNS (3), BENCH_EVENTS (200000 in all), BENCH_CLIENTS (10), BENCH_TIMEOUT
// seconds a run may take (60), BENCH_WRITE=0 to leave bench/README.md alone, TSGI_DIST to measure
// another build.
import { fork } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, serverCpuTime, writeReadmeSection } from './lib.js';

const here = dirname(fileURLToPath(import.meta.url));
const env = (name, fallback) => (process.env[name] === undefined ? fallback : Number(process.env[name]));
const RUNS = env('BENCH_RUNS', 3);
const CLIENTS = env('BENCH_CLIENTS', 10);
const PER_CLIENT = Math.ceil(env('BENCH_EVENTS', 200_000) / CLIENTS);
const EVENTS = PER_CLIENT * CLIENTS;
const TIMEOUT = env('BENCH_TIMEOUT', 60) * 1000;
const WRITE = process.env.BENCH_WRITE !== '0' && RUNS >= 3 && EVENTS >= 100_000 && !process.env.TSGI_DIST;

const SERVERS = [
  { name: 'sse-hono', label: 'Hono 4 `streamSSE` (@hono/node-server)' },
  { name: 'sse-tsgi', label: 'tsgi `Response.eventStream` (`serve`)' },
  { name: 'sse-node', label: 'node:http, one `res.write` per event (no framework)' },
];

if (!process.env.TSGI_DIST) {
  const copy = mkdtempSync(join(os.tmpdir(), 'tsgi-bench-dist-'));
  cpSync(join(here, '..', 'dist'), copy, { recursive: true });
  process.env.TSGI_DIST = copy;
  process.on('exit', () => rmSync(copy, { recursive: true, force: true }));
}

const live = new Set();
process.on('exit', () => live.forEach((child) => child.kill()));

function start(server) {
  return new Promise((resolve, reject) => {
    const child = fork(join(here, 'servers', `${server.name}.js`), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    live.add(child);
    child.once('message', (message) => resolve({ child, port: message.port }));
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

const MARK = Buffer.from('\nid: ');
const LAST_CHUNK = Buffer.from('\r\n0\r\n\r\n');
const endsWith = (buffer, end) => buffer.length >= end.length && buffer.subarray(buffer.length - end.length).equals(end);

/** One client: asks for `n` events and counts them until the server closes; resolves with the count. */
function client(port, n, sockets) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () =>
      socket.write(`GET /events?n=${n} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\n\r\n`),
    );
    sockets.push(socket);
    let count = 0;
    let tail = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      // An `\nid: ` line split between two reads is found in the last bytes of one plus the next.
      const text = tail.length ? Buffer.concat([tail, chunk]) : chunk;
      for (let at = text.indexOf(MARK); at !== -1; at = text.indexOf(MARK, at + MARK.length)) count++;
      tail = text.subarray(Math.max(0, text.length - (MARK.length - 1)));
      // The chunked body's last chunk ends the response. Not the socket's close: Hono's streamSSE
      // sets `Connection: keep-alive` over the client's `close`, so its socket stays open.
      if (endsWith(text, LAST_CHUNK)) socket.destroy();
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(count));
  });
}

/** K clients at once, `perClient` events each; resolves with the elapsed seconds. */
async function load(server, port, perClient) {
  const sockets = [];
  const started = process.hrtime.bigint();
  const timer = setTimeout(() => sockets.forEach((socket) => socket.destroy()), TIMEOUT);
  const counts = await Promise.all(Array.from({ length: CLIENTS }, () => client(port, perClient, sockets)));
  clearTimeout(timer);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const wrong = counts.filter((count) => count !== perClient);
  if (wrong.length) throw new Error(`${server.name}: ${wrong.length} clients got the wrong number of events (${wrong.slice(0, 3)} of ${perClient})`);
  if (seconds * 1000 > TIMEOUT) throw new Error(`${server.name}: over ${TIMEOUT / 1000} s`);
  return seconds;
}

console.log(`${SERVERS.length} servers, ${RUNS} runs, ${CLIENTS} clients x ${PER_CLIENT} events; load average ${os.loadavg()[0].toFixed(1)}`);
const results = Object.fromEntries(SERVERS.map((server) => [server.name, { rate: [], cpu: [] }]));
for (let run = 0; run < RUNS; run++) {
  const order = SERVERS.map((_, i) => SERVERS[(i + run) % SERVERS.length]);
  for (const server of order) {
    const { child, port } = await start(server);
    try {
      await load(server, port, Math.ceil(PER_CLIENT / 10)); // warm-up: a tenth of the events
      const cpuBefore = await serverCpuTime(child);
      const seconds = await load(server, port, PER_CLIENT);
      const cpu = (await serverCpuTime(child)) - cpuBefore;
      results[server.name].rate.push(EVENTS / seconds);
      results[server.name].cpu.push(cpu / EVENTS);
      console.log(
        `run ${run + 1}/${RUNS} ${server.name.padEnd(9)} ${Math.round(EVENTS / seconds).toLocaleString('en-US')} events/s ` +
          `(${seconds.toFixed(2)} s), ${(cpu / EVENTS).toFixed(2)} us server CPU/event`,
      );
    } finally {
      await stop(child);
    }
  }
}

const load1 = os.loadavg()[0].toFixed(1);
const hono = results['sse-hono'];
const rows = SERVERS.map((server) => {
  const rate = median(results[server.name].rate);
  const cpu = median(results[server.name].cpu);
  return (
    `| ${server.label} | ${Math.round(rate).toLocaleString('en-US')} (${(rate / median(hono.rate)).toFixed(2)}x) | ` +
    `${cpu.toFixed(2)} (${(cpu / median(hono.cpu)).toFixed(2)}x) | ` +
    `${results[server.name].rate.map((r) => Math.round(r / 1000)).join(', ')} |`
  );
});
const table = `| server | events/s (vs Hono) | server CPU µs/event (vs Hono) | events/s of each run (thousands) |\n|---|---:|---:|---|\n${rows.join('\n')}`;
console.log(`\n${table}\n\nload average after the run: ${load1}`);

if (WRITE) {
  const hono4 = JSON.parse(readFileSync(join(here, '../node_modules/hono/package.json'), 'utf8')).version;
  const honoServer = JSON.parse(readFileSync(join(here, '../node_modules/@hono/node-server/package.json'), 'utf8')).version;
  const section = `<!-- bench:sse:start -->
## Server-sent events per second, against Hono (issue 17)

\`npm run build && node bench/sse.js\`: each server runs in its own process
(\`bench/servers/sse-*.js\`) and pushes events to ${CLIENTS} clients at once, ${PER_CLIENT.toLocaleString('en-US')} each
(${EVENTS.toLocaleString('en-US')} in all), every event awaited by the app (\`await stream.send()\` in tsgi,
\`await stream.writeSSE()\` in Hono: each pushes as fast as its client reads). The clients are raw
TCP sockets in the benchmark's own process on 127.0.0.1, counting events until the response's last
chunk (each must get all of its events). Events/s is all events over the time from the first
request to the last response's end; server CPU per event (\`process.cpuUsage()\` of the server process) holds up better
than events/s when other work competes for the cores. Median of ${RUNS} interleaved runs on fresh
processes after a warm-up; ratios to Hono in the same run. An event is about 60 bytes on the
wire: \`event: tick\`, an id and a small JSON \`data\` line. Node ${process.version}, hono ${hono4},
@hono/node-server ${honoServer}; ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? 'unknown'}), shared with the clients;
load average ${load1} after the run.

${table}
<!-- bench:sse:end -->`;
  writeReadmeSection('sse', section);
}
