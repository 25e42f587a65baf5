// Profiles one benchmark server under load and prints where its CPU time goes (self time by
// function). Used to find what to make faster in the adapter and in Request/Response.
//
//   node bench/profile.js tsgi /hello [seconds]
//   node bench/profile.js tsgi-raw /json        (tsgi's adapter with a raw protocol app)
//   PROF_OUT=tsgi.json node bench/profile.js tsgi /hello   (also writes microseconds per request
//                                                           by function, to compare two servers)
//
// `npm run build` bundles dist/ into a few files, so "by area" then shows them as `tsgi chunks`;
// build with `node scripts/build.js --unbundled` first for one file per source module.
import { fork } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const here = dirname(fileURLToPath(import.meta.url));
const [name = 'tsgi', path = '/hello', seconds = '5'] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'tsgi-prof-'));
const child = fork(join(here, 'servers', `${name}.js`), [], {
  execArgv: ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-interval=${process.env.PROF_INTERVAL ?? 1000}`],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const { port } = await new Promise((resolve) => child.once('message', resolve));
const post = path === '/form';
const options = {
  url: `http://127.0.0.1:${port}${path}`,
  connections: 50,
  duration: Number(seconds),
  method: post ? 'POST' : 'GET',
  headers: post ? { 'content-type': 'application/x-www-form-urlencoded' } : undefined,
  body: post ? 'name=tsgi&lang=typescript&n=42' : undefined,
};
await autocannon({ ...options, duration: 1 });
const result = await autocannon(options);
console.log(`${name} ${path}: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms (profiling slows it)`);
child.send('exit');
await new Promise((resolve) => child.once('exit', resolve));

const profile = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), 'utf8'));
const interval = (profile.endTime - profile.startTime) / profile.samples.length;
const self = new Map();
let total = 0;
for (const node of profile.nodes) {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*\/(node_modules|dist|bench)\//, '$1/').replace(/^node:/, '');
  const key = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + node.hitCount);
  total += node.hitCount;
}
if (process.env.PROF_OUT) {
  // Per-function microseconds per request, for comparing two servers (see PROF_OUT in the header).
  const perRequest = Object.fromEntries([...self.entries()].map(([key, hits]) => [key, (hits * interval) / result.requests.total]));
  writeFileSync(process.env.PROF_OUT, JSON.stringify(perRequest));
}
const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 30));
for (const [key, hits] of top) console.log(`${((hits / total) * 100).toFixed(1).padStart(5)}%  ${(hits * interval / 1000).toFixed(0).padStart(6)} ms  ${key}`);

// Self time by area, to tell the adapter's share from the wrappers' and Node's own.
const areas = new Map();
for (const [key, hits] of self.entries()) {
  const m = /\s(\S+):\d+$/.exec(key);
  const file = m ? m[1] : '';
  const area = key.startsWith('(idle)') ? 'idle' : key.startsWith('writev') || key.startsWith('writeUtf8String') || key.startsWith('writeLatin1String') || key.startsWith('writeBuffer') ? 'socket writes (kernel)' : file.startsWith('dist/adapters/node') ? 'tsgi adapter' : file.startsWith('dist/') ? `tsgi ${file.split('/')[1]}` : file.startsWith('node_modules/') ? file.split('/').slice(0, 2).join('/') : file.startsWith('bench/') ? 'bench app' : 'node internals + GC';
  areas.set(area, (areas.get(area) ?? 0) + hits);
}
console.log('\nby area:');
for (const [area, hits] of [...areas.entries()].sort((a, b) => b[1] - a[1])) {
  console.log(`${((hits / total) * 100).toFixed(1).padStart(5)}%  ${area}`);
}
console.log(`server CPU per request (excluding idle): ${(((total - (areas.get('idle') ?? 0)) * interval) / result.requests.total).toFixed(2)} us`);
