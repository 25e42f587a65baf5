// toFetchHandler on Bun and on Deno against Hono on the same runtime, for GET /hello and GET /json.
// Each server runs in its own child process (bench/fetch-server.js); autocannon loads it from this
// Node process over 127.0.0.1. Runs are interleaved and rotated; the table gives the median req/s
// and each figure as a ratio to Hono on the same runtime in the same run.
//
//   npm run build && node bench/fetch.js
//   BENCH_RUNS=1 BENCH_DURATION=2 node bench/fetch.js      # quick look (does not write the README)
//
// Environment: BENCH_RUNS (3), BENCH_DURATION seconds (5), BENCH_WARMUP seconds (1),
// BENCH_CONNECTIONS (50), BENCH_WRITE=0 to leave bench/README.md alone.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { cpuSeconds, FETCH_RUNTIMES, median, startFetchServer } from './lib.js';

const here = dirname(fileURLToPath(import.meta.url));
const env = (name, fallback) => (process.env[name] === undefined ? fallback : Number(process.env[name]));
const RUNS = env('BENCH_RUNS', 3);
const DURATION = env('BENCH_DURATION', 5);
const WARMUP = env('BENCH_WARMUP', 1);
const CONNECTIONS = env('BENCH_CONNECTIONS', 50);
const WRITE = process.env.BENCH_WRITE !== '0' && RUNS >= 3 && DURATION >= 5;

const RUNTIMES = FETCH_RUNTIMES;
const FRAMEWORKS = ['hono', 'tsgi', 'tsgi-raw'];
const ROUTES = [
  { path: '/hello', check: (text) => text === 'Hello, World!' },
  { path: '/json', check: (text) => JSON.parse(text).message === 'Hello, World!' },
];

const start = startFetchServer;

function stop(child) {
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

function load(url, duration) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}



// results[runtime][framework][path] = [req/s per run]
const results = {};
for (let run = 0; run < RUNS; run++) {
  for (const runtime of RUNTIMES) {
    // Rotate the order each run so no framework always goes first (warm caches, CPU boost).
    const order = FRAMEWORKS.map((_, i) => FRAMEWORKS[(i + run) % FRAMEWORKS.length]);
    for (const framework of order) {
      const server = await start(runtime, framework);
      try {
        for (const route of ROUTES) {
          const res = await fetch(server.url + route.path);
          if (!route.check(await res.text())) throw new Error(`${runtime.name} ${framework} ${route.path}: wrong answer`);
          if (WARMUP > 0) await load(server.url + route.path, WARMUP);
          const cpuBefore = cpuSeconds(server.child.pid);
          const result = await load(server.url + route.path, DURATION);
          const cpuPerRequest = ((cpuSeconds(server.child.pid) - cpuBefore) / result.requests.total) * 1e6;
          if (result.errors || result.non2xx) throw new Error(`${runtime.name} ${framework} ${route.path}: ${result.errors} errors, ${result.non2xx} non-2xx`);
          ((results[runtime.name] ??= {})[framework] ??= {})[route.path] ??= { rps: [], cpu: [] };
          results[runtime.name][framework][route.path].rps.push(result.requests.average);
          results[runtime.name][framework][route.path].cpu.push(cpuPerRequest);
          console.log(
            `run ${run + 1}/${RUNS} ${runtime.name.padEnd(4)} ${framework.padEnd(8)} GET ${route.path.padEnd(6)} ` +
              `${Math.round(result.requests.average)} req/s, ${cpuPerRequest.toFixed(1)} us CPU/req`,
          );
        }
      } finally {
        await stop(server.child);
      }
    }
  }
}

const versions = {};
for (const runtime of RUNTIMES) {
  const { execFileSync } = await import('node:child_process');
  versions[runtime.name] = execFileSync(runtime.command[0], ['--version']).toString().split('\n')[0].trim();
}
const rows = [];
for (const runtime of RUNTIMES) {
  for (const framework of FRAMEWORKS) {
    const cells = ROUTES.flatMap((route) => {
      const cell = results[runtime.name][framework][route.path];
      const hono = results[runtime.name].hono[route.path];
      const rps = median(cell.rps);
      const cpu = median(cell.cpu);
      return [
        `${Math.round(rps).toLocaleString('en-US')} (${(rps / median(hono.rps)).toFixed(2)}x)`,
        `${cpu.toFixed(1)} (${(cpu / median(hono.cpu)).toFixed(2)}x)`,
      ];
    });
    rows.push(`| ${runtime.name} | ${framework === 'hono' ? 'Hono 4' : framework === 'tsgi' ? 'tsgi (Request/Response)' : 'tsgi (raw protocol)'} | ${cells.join(' | ')} |`);
  }
}
const table =
  '| runtime | app | /hello req/s (vs Hono) | /hello server CPU µs/req (vs Hono) | /json req/s (vs Hono) | /json server CPU µs/req (vs Hono) |\n' +
  `|---|---|---|---|---|---|\n${rows.join('\n')}`;
console.log(`\n${table}\n`);

if (WRITE) {
  const section = `<!-- bench:fetch:start -->
## toFetchHandler on Bun and Deno, against Hono

\`node bench/fetch.js\` (after \`npm run build\`): each app runs under \`Bun.serve\` or \`Deno.serve\` in its own
process (\`bench/fetch-server.js\`); autocannon (${CONNECTIONS} connections, ${DURATION} s after a ${WARMUP} s warm-up)
loads it from Node over 127.0.0.1. Median of ${RUNS} interleaved runs; the ratio is to Hono on the same
runtime. Server CPU per request (user + system time of the server process, from /proc) holds up
better than req/s when other work competes for the cores; load average during this run: ${os.loadavg()[0].toFixed(1)}.
"tsgi (Request/Response)" is \`Request.application\` with \`Response\`/\`Response.json\`; "raw
protocol" is an app written against the gateway protocol directly, to separate the adapter's cost.
${versions.Bun ? `Bun ${versions.Bun}, ${versions.Deno}` : ''}; ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), shared with the load generator.

${table}
<!-- bench:fetch:end -->`;
  const readme = join(here, 'README.md');
  let text = existsSync(readme) ? readFileSync(readme, 'utf8') : '# Benchmarks\n';
  const startAt = text.indexOf('<!-- bench:fetch:start -->');
  const endAt = text.indexOf('<!-- bench:fetch:end -->');
  if (startAt !== -1 && endAt !== -1) text = text.slice(0, startAt) + section + text.slice(endAt + '<!-- bench:fetch:end -->'.length);
  else text = `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(readme, text);
  console.log('bench/README.md updated');
}
