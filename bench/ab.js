// A head-to-head of any two benchmark servers on one route, the method of the second table of
// `npm run bench`: both serve at the same time on one shared core (core 1), each loaded by its own
// autocannon from core 0, and the figure is B's requests per CPU-second over A's. Both see the same
// machine speed at every instant, so the ratio holds still on a machine whose speed drifts; use it
// to check whether a change to tsgi helps (copy the old build to a server file beside the new one).
//
//   node bench/ab.js node tsgi /hello                  # 10 rounds x 2 s
//   AB_ROUNDS=14 node bench/ab.js fastify tsgi /form
//   node bench/ab.js /abs/path/old-tsgi.js tsgi /json  # a server file given by its path
//   AB_BROWSER=1 node bench/ab.js node tsgi /hello     # with the headers a browser sends
//   AB_SESSIONS=4 AB_ROUNDS=6 node bench/ab.js node tsgi /hello  # 4 fresh pairs of processes (see below)
//
// Servers are the files of bench/servers (by name), any module that calls `report` from
// bench/servers/listen.js, or `deno:<app>` / `bun:<app>` for bench/fetch-server.js on that runtime
// (app: hono, tsgi or tsgi-raw; routes of bench/fetch-apps.js), `workerd:<app>` for the same app
// bundled for workerd, whose CPU time is read from /proc; `@/path/to/dist` after the app serves
// that build of tsgi (a copy of an older dist/):
//   node bench/ab.js deno:hono deno:tsgi /hello
//   node bench/ab.js bun:tsgi@/tmp/old-dist bun:tsgi /form
import { execFileSync, fork } from 'node:child_process';
import os from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { cpuSeconds, FETCH_RUNTIMES, median, serverCpuTime, startFetchServer } from './lib.js';

const here = dirname(fileURLToPath(import.meta.url));
const [nameA = 'node', nameB = 'tsgi', path = '/hello'] = process.argv.slice(2);
const ROUNDS = Number(process.env.AB_ROUNDS ?? 10);
const SESSIONS = Number(process.env.AB_SESSIONS ?? 1);
const SECONDS = Number(process.env.AB_SECONDS ?? 2);
const FORM = 'name=tsgi&lang=typescript&n=42';
const post = path === '/form';
// What Chromium sends for a page load: autocannon alone sends only Host, which hides the cost of
// turning headers into the environ.
const BROWSER_HEADERS = {
  connection: 'keep-alive',
  'sec-ch-ua': '"Chromium";v="156", "Not-A.Brand";v="24"',
  'sec-ch-ua-mobile': '?0',
  'sec-ch-ua-platform': '"Linux"',
  'upgrade-insecure-requests': '1',
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8',
  'sec-fetch-site': 'none',
  'sec-fetch-mode': 'navigate',
  'sec-fetch-user': '?1',
  'sec-fetch-dest': 'document',
  'accept-encoding': 'gzip, deflate, br, zstd',
  'accept-language': 'en-GB,en;q=0.9',
  cookie: 'session=3f2a9c; theme=dark',
};
const HEADERS = {
  ...(process.env.AB_BROWSER ? BROWSER_HEADERS : {}),
  ...(post ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
};

if (os.cpus().length < 2) throw new Error('bench/ab.js needs two cores: one for the load generator, one shared by the servers');

function pin(pid, cpus) {
  execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' });
}

// Every server process started and not yet stopped, killed when this script exits.
const live = new Set();
process.on('exit', () => live.forEach((child) => child.kill()));

async function start(name) {
  const fetchServer = /^(deno|bun|workerd):([^@]+)(?:@(.+))?$/.exec(name);
  if (fetchServer) {
    const runtime = FETCH_RUNTIMES.find((r) => r.name.toLowerCase() === fetchServer[1]);
    const { child, url } = await startFetchServer(runtime, fetchServer[2], fetchServer[3]);
    live.add(child);
    pin(child.pid, '1'); // once it listens, so every thread it started is pinned
    return { name, child, url: `${url}${path}`, fetchRuntime: true };
  }
  const file = isAbsolute(name) ? name : join(here, 'servers', `${name}.js`);
  return new Promise((resolve, reject) => {
    const child = fork(file, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    // Killed on exit from the start: if the other server fails to start, this one must not keep
    // the run waiting on its IPC channel.
    live.add(child);
    pin(child.pid, '1');
    child.once('message', (message) => {
      pin(child.pid, '1'); // again, for threads started while the first pin ran (see bench/run.js)
      resolve({ name, child, url: `http://127.0.0.1:${message.port}${path}` });
    });
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
}

function cpuTime(server) {
  // In microseconds, as serverCpuTime reports; /proc counts in hundredths of a second.
  return server.fetchRuntime ? cpuSeconds(server.child.pid) * 1e6 : serverCpuTime(server.child);
}

async function load(server, duration) {
  const result = await autocannon({
    url: server.url,
    connections: 50,
    duration,
    method: post ? 'POST' : 'GET',
    headers: HEADERS,
    body: post ? FORM : undefined,
  });
  const errors = result.errors + result.timeouts + result.non2xx;
  if (errors) throw new Error(`${server.name} ${path}: ${errors} errors`);
  return result.requests.total;
}

pin(process.pid, '0');

/** One pair of fresh server processes, measured for `rounds` rounds: the ratio of each round. */
async function session(rounds, label) {
  const a = await start(nameA);
  const b = await start(nameB);
  await Promise.all([load(a, 1), load(b, 1)]);
  const ratios = [];
  for (let round = 0; round < rounds; round++) {
    const before = [await cpuTime(a), await cpuTime(b)];
    // Each load starts first in turn, so neither gets an edge from it.
    const [requestsA, requestsB] =
      round % 2 === 0
        ? await Promise.all([load(a, SECONDS), load(b, SECONDS)])
        : (await Promise.all([load(b, SECONDS), load(a, SECONDS)])).reverse();
    const cpuA = (await cpuTime(a)) - before[0];
    const cpuB = (await cpuTime(b)) - before[1];
    const ratio = requestsB / cpuB / (requestsA / cpuA);
    ratios.push(ratio);
    (round % 2 === 0 ? aFirst : bFirst).push(ratio);
    console.log(
      `${label}round ${round + 1}/${rounds}: ${nameA} ${requestsA} requests in ${(cpuA / 1e6).toFixed(2)} CPU-s, ` +
        `${nameB} ${requestsB} in ${(cpuB / 1e6).toFixed(2)} CPU-s: x${ratio.toFixed(3)}`,
    );
  }
  for (const server of [a, b]) {
    live.delete(server.child);
    server.child.kill();
  }
  return ratios;
}

const range = (values) => {
  const sorted = [...values].sort((x, y) => x - y);
  return `${sorted[0].toFixed(3)}-${sorted[sorted.length - 1].toFixed(3)}`;
};

// Rounds within one pair of processes agree closely, but a new pair of the same two servers can
// land a few percent away (one pair of probes read x0.895, x0.929 and x0.944 in three runs; each
// process lays out its heap and code its own way, which may be why). AB_SESSIONS=N restarts both
// servers N times and pools the rounds, so such effects average out.
const ratios = [];
const sessionMedians = [];
const aFirst = [];
const bFirst = [];
for (let i = 0; i < SESSIONS; i++) {
  const ratiosOfSession = await session(ROUNDS, SESSIONS > 1 ? `session ${i + 1}/${SESSIONS}, ` : '');
  ratios.push(...ratiosOfSession);
  sessionMedians.push(median(ratiosOfSession));
}
console.log(
  `${nameB} / ${nameA} ${path}: requests per CPU-second x${median(ratios).toFixed(3)} ` +
    `(median of ${ratios.length} rounds of ${SECONDS} s; range ${range(ratios)}` +
    (SESSIONS > 1 ? `; sessions' medians ${sessionMedians.map((m) => m.toFixed(3)).join(', ')}` : '') +
    (bFirst.length ? `; x${median(aFirst).toFixed(3)} in rounds ${nameA} started first, x${median(bFirst).toFixed(3)} in the others)` : ')'),
);
process.exit(0);
