// toFetchHandler on Bun, Deno and workerd against Hono on the same runtime, for GET /hello, GET
// /json, GET /query and POST /form (bench/fetch-apps.js). Each server runs in its own child process
// (bench/fetch-server.js; a bundled worker on workerd); autocannon loads it from this Node process
// over 127.0.0.1. Runs are interleaved and rotated; the table gives the median req/s and server CPU
// per request, each as a ratio to Hono on the same runtime in the same run. dist/ is copied first,
// so a build made during the run does not change what is measured.
//
//   npm run build && node bench/fetch.js
//   BENCH_RUNS=1 BENCH_DURATION=2 node bench/fetch.js      # quick look (does not write the README)
//
// Environment: BENCH_RUNS (3), BENCH_DURATION seconds (5), BENCH_WARMUP seconds (1),
// BENCH_CONNECTIONS (50), BENCH_WRITE=0 to leave bench/README.md alone, BENCH_RUNTIMES (a comma
// list: bun,deno,workerd) and BENCH_ROUTES (hello,json,query,form); a filtered run does not write
// the README. TSGI_DIST=/path/to/dist measures that build instead of a copy of dist/ (and writes
// the README only with BENCH_WRITE=1).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { cpuSeconds, FETCH_RUNTIMES, median, startFetchServer, writeReadmeSection } from './lib.js';
import { FETCH_ROUTES } from './fetch-apps.js';

const here = dirname(fileURLToPath(import.meta.url));
const env = (name, fallback) => (process.env[name] === undefined ? fallback : Number(process.env[name]));
const RUNS = env('BENCH_RUNS', 3);
const DURATION = env('BENCH_DURATION', 5);
const WARMUP = env('BENCH_WARMUP', 1);
const CONNECTIONS = env('BENCH_CONNECTIONS', 50);
const pick = (name) => process.env[name]?.toLowerCase().split(',');
const RUNTIMES = FETCH_RUNTIMES.filter((runtime) => !pick('BENCH_RUNTIMES') || pick('BENCH_RUNTIMES').includes(runtime.name.toLowerCase()));
const FRAMEWORKS = ['hono', 'tsgi', 'tsgi-raw'];
const ROUTES = FETCH_ROUTES.filter((route) => !pick('BENCH_ROUTES') || pick('BENCH_ROUTES').includes(route.path.slice(1)));
// BENCH_WRITE=1 writes the README also for a build given by TSGI_DIST (a snapshot of dist/).
const WRITE =
  process.env.BENCH_WRITE !== '0' &&
  RUNS >= 3 &&
  DURATION >= 5 &&
  !process.env.BENCH_RUNTIMES &&
  !process.env.BENCH_ROUTES &&
  (!process.env.TSGI_DIST || process.env.BENCH_WRITE === '1');

// The build under test, copied so that another `npm run build` during the run changes nothing.
if (!process.env.TSGI_DIST) {
  const copy = mkdtempSync(join(os.tmpdir(), 'tsgi-bench-dist-'));
  cpSync(join(here, '..', 'dist'), copy, { recursive: true });
  process.env.TSGI_DIST = copy;
  process.on('exit', () => rmSync(copy, { recursive: true, force: true }));
}

const start = startFetchServer;

function stop(child) {
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

function load(url, route, duration) {
  const options = { url, connections: CONNECTIONS, duration, method: route.method ?? 'GET', headers: route.headers, body: route.body };
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
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
          const url = server.url + (route.url ?? route.path);
          const res = await fetch(url, { method: route.method, headers: route.headers, body: route.body });
          const text = await res.text();
          if (!route.check(text)) throw new Error(`${runtime.name} ${framework} ${route.path}: wrong answer ${text}`);
          if (WARMUP > 0) await load(url, route, WARMUP);
          const cpuBefore = cpuSeconds(server.child.pid);
          const result = await load(url, route, DURATION);
          const cpuPerRequest = ((cpuSeconds(server.child.pid) - cpuBefore) / result.requests.total) * 1e6;
          if (result.errors || result.non2xx) throw new Error(`${runtime.name} ${framework} ${route.path}: ${result.errors} errors, ${result.non2xx} non-2xx`);
          ((results[runtime.name] ??= {})[framework] ??= {})[route.path] ??= { rps: [], cpu: [] };
          results[runtime.name][framework][route.path].rps.push(result.requests.average);
          results[runtime.name][framework][route.path].cpu.push(cpuPerRequest);
          console.log(
            `run ${run + 1}/${RUNS} ${runtime.name.padEnd(7)} ${framework.padEnd(8)} ${(route.method ?? 'GET').padEnd(4)} ${route.path.padEnd(6)} ` +
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
  const version = execFileSync(runtime.command[0], ['--version']).toString().split('\n')[0].trim();
  versions[runtime.name] = /^(bun|deno|workerd)\b/i.test(version) ? version : `${runtime.name} ${version}`;
}
const NAMES = { hono: 'Hono 4', tsgi: 'tsgi (Request/Response)', 'tsgi-raw': 'tsgi (raw protocol)' };
const rows = [];
for (const runtime of RUNTIMES) {
  for (const route of ROUTES) {
    const hono = results[runtime.name].hono[route.path];
    const cells = FRAMEWORKS.flatMap((framework) => {
      const cell = results[runtime.name][framework][route.path];
      const rps = median(cell.rps);
      const cpu = median(cell.cpu);
      if (framework === 'hono') return [Math.round(rps).toLocaleString('en-US'), cpu.toFixed(1)];
      return [
        `${Math.round(rps).toLocaleString('en-US')} (${(rps / median(hono.rps)).toFixed(2)}x)`,
        `${cpu.toFixed(1)} (${(cpu / median(hono.cpu)).toFixed(2)}x)`,
      ];
    });
    rows.push(`| ${runtime.name} | ${route.method ?? 'GET'} ${route.path} | ${cells.join(' | ')} |`);
  }
}
const header = FRAMEWORKS.flatMap((framework) =>
  framework === 'hono'
    ? [`${NAMES[framework]} req/s`, `${NAMES[framework]} CPU µs/req`]
    : [`${NAMES[framework]} req/s (vs Hono)`, `${NAMES[framework]} CPU µs/req (vs Hono)`],
);
const table = `| runtime | route | ${header.join(' | ')} |\n|---|---|${header.map(() => '---:').join('|')}|\n${rows.join('\n')}`;
console.log(`\n${table}\n`);

if (WRITE) {
  const section = `<!-- bench:fetch:start -->
## toFetchHandler on Bun, Deno and workerd, against Hono

\`node bench/fetch.js\` (after \`npm run build\`): each app of \`bench/fetch-apps.js\` runs under \`Bun.serve\` or
\`Deno.serve\` in its own process (\`bench/fetch-server.js\`), or as a worker bundled by esbuild under
\`workerd serve\` (no wrangler; \`bench/lib.js\`); autocannon (${CONNECTIONS} connections, ${DURATION} s after a ${WARMUP} s warm-up)
loads it from Node over 127.0.0.1. Median of ${RUNS} interleaved runs; the ratio is to Hono on the same
runtime. Server CPU per request (user + system time of the server process, from /proc) holds up
better than req/s when other work competes for the cores; load average during this run: ${os.loadavg()[0].toFixed(1)}.
"tsgi (Request/Response)" is \`Request.application\` with \`Response\`/\`Response.json\`; "raw
protocol" is an app written against the gateway protocol directly, to separate the adapter's cost.
${Object.values(versions).join(', ')}, Node ${process.version} (autocannon); ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), shared with the load generator.

${table}
<!-- bench:fetch:end -->`;
  writeReadmeSection('fetch', section);
}
