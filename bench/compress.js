// compress (CompressionStream) and compressNode (node:zlib) under `serve`, against the
// `compression` package under Express 5: gzip for GET /json (32 KiB) and GET /big (1 MiB streamed
// in 64 KiB chunks). Each server runs in its own process (bench/compress-server.js); autocannon
// loads it from this process over 127.0.0.1 with `Accept-Encoding: gzip`. Runs are interleaved and
// rotated; the table gives medians and the ratio to Express + compression in the same run.
//
//   npm run build && node bench/compress.js
//   BENCH_RUNS=1 BENCH_DURATION=2 node bench/compress.js    # quick look (does not write the README)
//
// Environment: BENCH_RUNS (3), BENCH_DURATION seconds (5), BENCH_WARMUP seconds (1),
// BENCH_CONNECTIONS (20), BENCH_WRITE=0 to leave bench/README.md alone.
import { fork } from 'node:child_process';
import { request } from 'node:http';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { median, cpuSeconds, writeReadmeSection } from './lib.js';

const here = dirname(fileURLToPath(import.meta.url));
const env = (name, fallback) => (process.env[name] === undefined ? fallback : Number(process.env[name]));
const RUNS = env('BENCH_RUNS', 3);
const DURATION = env('BENCH_DURATION', 5);
const WARMUP = env('BENCH_WARMUP', 1);
const CONNECTIONS = env('BENCH_CONNECTIONS', 20);
const WRITE = process.env.BENCH_WRITE !== '0' && RUNS >= 3 && DURATION >= 5;

const SERVERS = [
  { name: 'express', label: 'Express 5 + compression' },
  { name: 'tsgi', label: 'tsgi serve + compress (CompressionStream)' },
  { name: 'tsgi-node', label: 'tsgi serve + compressNode (node:zlib)' },
];
const ROUTES = [
  { path: '/json', size: 0 },
  { path: '/big', size: 0 },
];

function start(server) {
  return new Promise((resolve, reject) => {
    const child = fork(join(here, 'compress-server.js'), [server.name], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (message) => resolve({ child, url: `http://127.0.0.1:${message.port}` }));
    child.once('exit', (code) => reject(new Error(`${server.name} exited with ${code}`)));
  });
}

function stop(child) {
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

/** One raw request: checks the server really sent gzip, and returns the decoded size. */
function check(url) {
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        if (res.headers['content-encoding'] !== 'gzip') return reject(new Error(`${url}: not gzip`));
        resolve(gunzipSync(Buffer.concat(chunks)).length);
      });
    })
      .on('error', reject)
      .end();
  });
}

function load(url, duration) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration, headers: { 'accept-encoding': 'gzip' } }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}



const results = {};
for (let run = 0; run < RUNS; run++) {
  const order = SERVERS.map((_, i) => SERVERS[(i + run) % SERVERS.length]);
  for (const server of order) {
    const running = await start(server);
    try {
      for (const route of ROUTES) {
        const decoded = await check(running.url + route.path);
        if (route.size && route.size !== decoded) throw new Error(`${server.name} ${route.path}: ${decoded} bytes, expected ${route.size}`);
        route.size = decoded;
        if (WARMUP > 0) await load(running.url + route.path, WARMUP);
        const cpuBefore = cpuSeconds(running.child.pid);
        const result = await load(running.url + route.path, DURATION);
        const cpuPerRequest = ((cpuSeconds(running.child.pid) - cpuBefore) / result.requests.total) * 1e6;
        if (result.errors || result.non2xx) throw new Error(`${server.name} ${route.path}: ${result.errors} errors, ${result.non2xx} non-2xx`);
        const cell = ((results[server.name] ??= {})[route.path] ??= { rps: [], cpu: [] });
        cell.rps.push(result.requests.average);
        cell.cpu.push(cpuPerRequest);
        console.log(
          `run ${run + 1}/${RUNS} ${server.name.padEnd(9)} GET ${route.path.padEnd(5)} ` +
            `${Math.round(result.requests.average)} req/s, ${cpuPerRequest.toFixed(0)} us CPU/req`,
        );
      }
    } finally {
      await stop(running.child);
    }
  }
}

const rows = SERVERS.map((server) => {
  const cells = ROUTES.flatMap((route) => {
    const cell = results[server.name][route.path];
    const base = results.express[route.path];
    const rps = median(cell.rps);
    const cpu = median(cell.cpu);
    const mbps = (rps * route.size) / 2 ** 20;
    return [
      `${Math.round(rps).toLocaleString('en-US')} req/s, ${mbps.toFixed(0)} MiB/s (${(rps / median(base.rps)).toFixed(2)}x)`,
      `${cpu.toFixed(0)} (${(cpu / median(base.cpu)).toFixed(2)}x)`,
    ];
  });
  return `| ${server.label} | ${cells.join(' | ')} |`;
});
const table =
  `| server | /json (${(ROUTES[0].size / 1024).toFixed(0)} KiB, gzip) | /json server CPU µs/req | /big (${(ROUTES[1].size / 2 ** 20).toFixed(0)} MiB streamed, gzip) | /big server CPU µs/req |\n` +
  `|---|---|---|---|---|\n${rows.join('\n')}`;
console.log(`\n${table}\n`);

if (WRITE) {
  const section = `<!-- bench:compress:start -->
## compress against the compression package

\`node bench/compress.js\` (after \`npm run build\`): each server in its own process
(\`bench/compress-server.js\`), autocannon (${CONNECTIONS} connections, ${DURATION} s after a ${WARMUP} s warm-up,
\`Accept-Encoding: gzip\`) from Node over 127.0.0.1; median of ${RUNS} interleaved runs. MiB/s counts
uncompressed bytes served; the ratio is to Express + compression in the same run. Server CPU per
request comes from /proc and holds up better than req/s when other work competes for the cores
(load average during this run: ${os.loadavg()[0].toFixed(1)}). Node ${process.version},
${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), shared with the load generator.

${table}
<!-- bench:compress:end -->`;
  writeReadmeSection('compress', section);
}
