// A paired A/B comparison of two benchmark servers on one route: short alternating slices (A B,
// then B A, ...) so each pair sees the same machine speed, and the median of the per-pair ratios.
// This machine's speed drifts by 10-30% over seconds; a pair one second apart cancels most of it,
// which the full table (bench/run.js) cannot afford for every server and route.
//
//   node bench/ab.js node tsgi /hello              # 21 pairs x 1 s
//   AB_PAIRS=31 AB_SECONDS=0.5 node bench/ab.js fastify tsgi /query
//
// Prints, for B against A: the median ratio of requests per second and of server CPU per request
// (CPU below 1.00 means B spends less), with the spread of the middle half of the pairs.
import { execFileSync, fork } from 'node:child_process';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { median } from './lib.js';

const here = dirname(fileURLToPath(import.meta.url));
const [nameA = 'node', nameB = 'tsgi', path = '/hello'] = process.argv.slice(2);
const PAIRS = Number(process.env.AB_PAIRS ?? 21);
const SECONDS = Number(process.env.AB_SECONDS ?? 1);
const FORM = 'name=tsgi&lang=typescript&n=42';
const post = path === '/form';

function pin(pid, cpus) {
  if (os.cpus().length < 2) return;
  try {
    execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' });
  } catch {
    // No taskset: the scheduler places the processes.
  }
}

function start(name) {
  return new Promise((resolve, reject) => {
    const child = fork(join(here, 'servers', `${name}.js`), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    pin(child.pid, '1');
    child.once('message', (message) => resolve({ name, child, url: `http://127.0.0.1:${message.port}${path}` }));
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
}

function cpuTime(server) {
  return new Promise((resolve) => {
    const onMessage = (message) => {
      if (!message.cpu) return;
      server.child.off('message', onMessage);
      resolve(message.cpu.user + message.cpu.system);
    };
    server.child.on('message', onMessage);
    server.child.send('cpu');
  });
}

async function slice(server, duration) {
  const before = await cpuTime(server);
  const result = await autocannon({
    url: server.url,
    connections: 50,
    duration,
    method: post ? 'POST' : 'GET',
    headers: post ? { 'content-type': 'application/x-www-form-urlencoded' } : undefined,
    body: post ? FORM : undefined,
  });
  const errors = result.errors + result.timeouts + result.non2xx;
  if (errors) throw new Error(`${server.name} ${path}: ${errors} errors`);
  return { rps: result.requests.total / duration, cpu: ((await cpuTime(server)) - before) / result.requests.total };
}

function quartiles(values) {
  const sorted = [...values].sort((x, y) => x - y);
  return [sorted[Math.floor((sorted.length - 1) / 4)], sorted[Math.ceil(((sorted.length - 1) * 3) / 4)]];
}

pin(process.pid, '0');
const a = await start(nameA);
const b = await start(nameB);
process.on('exit', () => [a, b].forEach((s) => s.child.kill()));
await slice(a, 1);
await slice(b, 1);

const rpsRatios = [];
const cpuRatios = [];
for (let i = 0; i < PAIRS; i++) {
  const first = i % 2 === 0 ? a : b;
  const second = first === a ? b : a;
  const one = await slice(first, SECONDS);
  const two = await slice(second, SECONDS);
  const [ra, rb] = first === a ? [one, two] : [two, one];
  rpsRatios.push(rb.rps / ra.rps);
  cpuRatios.push(rb.cpu / ra.cpu);
}

const show = (values) => {
  const [low, high] = quartiles(values);
  return `${median(values).toFixed(3)} (middle half ${low.toFixed(3)}-${high.toFixed(3)})`;
};
console.log(`${nameB} / ${nameA} ${path}, ${PAIRS} pairs x ${SECONDS} s`);
console.log(`  req/s ratio    ${show(rpsRatios)}`);
console.log(`  CPU/req ratio  ${show(cpuRatios)}`);
process.exit(0);
