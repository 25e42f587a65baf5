// Micro-benchmark of tsgi/routing's match() and build(), in process, to keep the matcher fast.
//   npm run build && node bench/routing-micro.js      (ROUTING_SECONDS=1 per case and router)
//   TSGI_ROUTING=/path/to/index.js node bench/routing-micro.js   (another build, for A/B)
// The 7 standard cases (delvedor/router-benchmark's, also Hono's) and one request per route of
// the 205-route GitHub API table (bench/routing-routes.js). Each path is cut fresh from one big
// string on every call, as a server hands over a request target (V8 caches split() and hashes of
// literal strings, which flatters hash-based routers). find-my-way (a dependency of the fastify
// devDependency) runs the same loop, alternating with tsgi round by round; the figure is the
// median of 7 rounds in ns per call. Misses go through tryMatch (what a router uses: the
// HTTPException is returned, not thrown), and through match() for scale. A later benchmark
// compares with the other routers.
import { createRequire } from 'node:module';
import { githubCases, githubRoutes, standardCases, standardRoutes, toRule } from './routing-routes.js';

const require = createRequire(import.meta.url);
const { Rule, RuleMap } = await import(process.env.TSGI_ROUTING ?? '../dist/routing/index.js');
const seconds = Number(process.env.ROUTING_SECONDS ?? 1);

function tsgiRouter(routes) {
  const map = new RuleMap(routes.map(([method, pattern], i) => new Rule(toRule(pattern), { endpoint: `r${i}`, methods: [method] })));
  return map.bind('example.org');
}
function fmwRouter(routes) {
  const router = require('find-my-way')();
  routes.forEach(([method, pattern], i) => router.on(method, pattern, () => i));
  return router;
}

const urls = tsgiRouter(standardRoutes);
const fmw = fmwRouter(standardRoutes);
const tsgiMatch = (method, path) => urls.match(path, method);
const fmwMatch = (method, path) => fmw.find(method, path);
const tsgiMiss = (method, path) => urls.tryMatch(path, method);
const tsgiThrow = (method, path) => {
  try {
    return urls.match(path, method);
  } catch (error) {
    return error;
  }
};

const misses = [
  ['404 miss', 'GET', '/user/lookup/phone/12345'],
  ['405 (Allow: GET, HEAD)', 'DELETE', '/event/abcd1234/comments'],
  ['308 merge slashes', 'GET', '/user//comments'],
];

// Paths cut from one big string per call: fresh, non-internalized strings.
function fresh(list) {
  const big = list.map((c) => c[2]).join('');
  const offsets = [0];
  for (const c of list) offsets.push(offsets[offsets.length - 1] + c[2].length);
  return (i) => big.substring(offsets[i], offsets[i + 1]);
}

let sink = 0;
const keep = (m) => (m ? 1 : 0);

// Runs fn for about `ms` and returns ns per call.
function sample(fn, n, ms) {
  let calls = 0;
  const t0 = process.hrtime.bigint();
  const deadline = performance.now() + ms;
  do {
    for (let i = 0; i < n; i++) fn();
    calls += n;
  } while (performance.now() < deadline);
  return Number(process.hrtime.bigint() - t0) / calls;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

// Each case: the routers alternate for 7 rounds (the machine's load shifts between rounds).
function compare(label, fns, n = 2000) {
  for (const fn of Object.values(fns)) for (let i = 0; i < 20000; i++) fn();
  const samples = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let round = 0; round < 7; round++) for (const [k, fn] of Object.entries(fns)) samples[k].push(sample(fn, n, (seconds * 1000) / 7));
  return Object.entries(samples).map(([router, xs]) => [router, label, median(xs)]);
}

const rows = [];
const cut = fresh(standardCases);
// Warm every case of both routers together first (a server sees mixed traffic).
for (let r = 0; r < 5; r++) {
  for (let i = 0; i < standardCases.length; i++) {
    for (let j = 0; j < 20000; j++) sink += keep(tsgiMatch(standardCases[i][1], cut(i))) + keep(fmwMatch(standardCases[i][1], cut(i)));
  }
}
standardCases.forEach(([label, method], i) => rows.push(...compare(label, {
  tsgi: () => { sink += keep(tsgiMatch(method, cut(i))); },
  'find-my-way': () => { sink += keep(fmwMatch(method, cut(i))); },
})));
const loop = (match, list, cutter) => () => { for (let i = 0; i < list.length; i++) sink += keep(match(list[i][1], cutter(i))); };
const strings = (list, cutter) => () => { for (let i = 0; i < list.length; i++) sink += cutter(i).length; };
function net(label, fns, n) {
  const out = compare(label, fns, n);
  const base = out.find(([router]) => router === 'strings')[2];
  for (const [router, , ns] of out) if (router !== 'strings') rows.push([router, `${label}, net`, ns - base]);
}
net('all together (7), fresh strings', { tsgi: loop(tsgiMatch, standardCases, cut), 'find-my-way': loop(fmwMatch, standardCases, cut), strings: strings(standardCases, cut) }, 200);

const cutMiss = fresh(misses);
misses.forEach(([label, method], i) => rows.push(...compare(label, {
  tsgi: () => { sink += keep(tsgiMiss(method, cutMiss(i))); },
  'tsgi, match() throwing': () => { sink += keep(tsgiThrow(method, cutMiss(i))); },
  'find-my-way': () => { sink += keep(fmwMatch(method, cutMiss(i))); },
})));

const github = tsgiRouter(githubRoutes);
const githubFmw = fmwRouter(githubRoutes);
const cutGithub = fresh(githubCases);
for (let i = 0; i < githubCases.length; i++) {
  const found = github.match(cutGithub(i), githubCases[i][1]);
  if (found.endpoint !== `r${githubCases[i][3]}`) throw new Error(`${githubCases[i][0]} matched ${found.endpoint}`);
}
net(`GitHub API (${githubCases.length} routes), fresh strings`, {
  tsgi: loop((method, path) => github.match(path, method), githubCases, cutGithub),
  'find-my-way': loop((method, path) => githubFmw.find(method, path), githubCases, cutGithub),
  strings: strings(githubCases, cutGithub),
}, 5);

const builds = [
  ['build static', () => urls.build('r0')],
  ['build one string param', () => urls.build('r3', { username: 'hey' })],
  ['build + 2 query args', () => urls.build('r6', { id: 'abcd', page: 2, sort: 'new' })],
];
for (const [label, fn] of builds) rows.push(...compare(label, { tsgi: () => { sink += fn().length; } }));

console.log(`node ${process.version}, ns per call (median of 7 alternating rounds, ${seconds}s per case and router)\n`);
console.log('| router | case | ns/call |\n|---|---|---:|');
for (const [router, label, ns] of rows) console.log(`| ${router} | ${label} | ${ns >= 10000 ? `${(ns / 1000).toFixed(1)}k` : ns.toFixed(1)} |`);
if (sink === 42) console.log('');
