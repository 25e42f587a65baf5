// Micro-benchmark of tsgi/routing's match() and build(), in process, to keep the matcher fast.
//   npm run build && node bench/routing-micro.js      (ROUTING_SECONDS=1 per case and router)
//   TSGI_ROUTING=/path/to/index.js node bench/routing-micro.js   (another build, for A/B)
// The 7 standard cases (delvedor/router-benchmark's, also Hono's) and one request per route of
// the 205-route GitHub API table (bench/routing-routes.js). Each path is cut fresh from one big
// string on every call, as a server hands over a request target (V8 caches split() and hashes of
// literal strings, which flatters hash-based routers). find-my-way (a dependency of the fastify
// devDependency) runs the same loop, alternating with tsgi round by round; the figure is the
// median of 7 rounds in ns per call. Misses go through tryMatch (what a router uses: the
// HTTPException is returned, not thrown), and through match() for scale. Then the other targets
// of issue 16: an <int> variable against a string one, build() against a template literal, and
// the cold start (205 rules added and a first match, fresh processes) against find-my-way's.
// A tsgi match builds its params object when it is first read (find-my-way builds it with the
// match): the rows "tsgi, params read" read it on every match, as a handler does.
// bench/routers.js compares with the other routers.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { githubCases, githubRoutes, standardCases, standardRoutes, toRule } from './routing-routes.js';

const require = createRequire(import.meta.url);
const tsgiRouting = new URL(process.env.TSGI_ROUTING ?? '../dist/routing/index.js', import.meta.url).href;
const { Rule, RuleMap } = await import(tsgiRouting);
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
const tsgiRead = (method, path) => urls.match(path, method).params;
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
net('all together (7), fresh strings', { tsgi: loop(tsgiMatch, standardCases, cut), 'tsgi, params read': loop(tsgiRead, standardCases, cut), 'find-my-way': loop(fmwMatch, standardCases, cut), strings: strings(standardCases, cut) }, 200);

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
  'tsgi, params read': loop((method, path) => github.match(path, method).params, githubCases, cutGithub),
  'find-my-way': loop((method, path) => githubFmw.find(method, path), githubCases, cutGithub),
  strings: strings(githubCases, cutGithub),
}, 5);

// An <int> variable against the same rule with a string one (issue 16: under 1.10x), each in a
// map of the standard routes with the event routes' <id> made an <int>.
const intMap = new RuleMap(standardRoutes.map(([method, pattern], i) => new Rule(toRule(pattern).replace('/event/<id>', '/event/<int:id>'), { endpoint: `r${i}`, methods: [method] })));
const intUrls = intMap.bind('example.org');
const cutInt = fresh([['int', 'GET', '/event/1234/comments']]);
if (intUrls.match(cutInt(0), 'GET').params.id !== 1234 || urls.match(cutInt(0), 'GET').params.id !== '1234') throw new Error('int rule');
rows.push(...compare('/event/<int:id>/comments against /event/<id>/comments, `/event/1234/comments`', {
  'tsgi <int:id>': () => { sink += keep(intUrls.match(cutInt(0), 'GET')); },
  'tsgi <id>': () => { sink += keep(tsgiMatch('GET', cutInt(0))); },
}));

// build against the URL written by hand (issue 16: within 3x), with and without encoding the value
// (build percent-encodes what needs it, as encodeURIComponent does for a segment). The value is a
// fresh string each call, as a handler's would be.
const cutValue = fresh([['v', 'GET', 'hey'], ['v', 'GET', 'abcd']]);
if (urls.build('r3', { username: cutValue(0) }) !== `/user/lookup/username/${cutValue(0)}`) throw new Error('build');
const builds = [
  ['build static', () => urls.build('r0'), () => '/user'],
  ['build one string param', () => urls.build('r3', { username: cutValue(0) }), () => `/user/lookup/username/${encodeURIComponent(cutValue(0))}`,
    () => `/user/lookup/username/${cutValue(0)}`],
  ['build + 2 query args', () => urls.build('r6', { id: cutValue(1), page: 2, sort: 'new' }),
    () => `/event/${encodeURIComponent(cutValue(1))}/comments?page=${encodeURIComponent(2)}&sort=${encodeURIComponent('new')}`,
    () => `/event/${cutValue(1)}/comments?page=${2}&sort=new`],
];
for (const [label, fn, encoded, plain] of builds) {
  const fns = { tsgi: () => { sink += fn().length; }, 'template literal, encodeURIComponent': () => { sink += encoded().length; } };
  if (plain) fns['template literal, as it is'] = () => { sink += plain().length; };
  rows.push(...compare(label, fns));
}

// Cold start (issue 16: under find-my-way): registering the 205 GitHub routes and the first match,
// each in a fresh process (module loading not counted), median of 7 alternating runs.
function coldStart(router) {
  const script = `
    const t0 = performance.now();
    const routes = ${JSON.stringify(githubRoutes)};
    ${router === 'tsgi'
    ? `const { Rule, RuleMap } = await import(${JSON.stringify(tsgiRouting)}); const { toRule } = await import(${JSON.stringify(new URL('./routing-routes.js', import.meta.url).href)});
       const loaded = performance.now();
       const urls = new RuleMap(routes.map(([m, p], i) => new Rule(toRule(p), { endpoint: 'r' + i, methods: [m] }))).bind('example.org');
       const found = urls.match('/repos/julienschmidt/httprouter/stargazers', 'GET').endpoint;`
    : `const router = (await import('node:module')).createRequire(${JSON.stringify(import.meta.url)})('find-my-way')();
       const loaded = performance.now();
       routes.forEach(([m, p], i) => router.on(m, p, () => i));
       const found = router.find('GET', '/repos/julienschmidt/httprouter/stargazers').handler();`}
    console.log(JSON.stringify({ ms: performance.now() - loaded, found: String(found) }));`;
  const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
  if (!/^r?25$/.test(out.found)) throw new Error(`cold start: ${router} found ${out.found}`);
  return out.ms * 1e6;
}
const cold = { tsgi: [], 'find-my-way': [] };
for (let round = 0; round < 7; round++) for (const router of Object.keys(cold)) cold[router].push(coldStart(router));
for (const [router, xs] of Object.entries(cold)) rows.push([router, 'cold start: 205 GitHub routes added + first match, fresh process', median(xs)]);

console.log(`node ${process.version}, ns per call (median of 7 alternating rounds, ${seconds}s per case and router)\n`);
console.log('| router | case | ns/call |\n|---|---|---:|');
for (const [router, label, ns] of rows) console.log(`| ${router} | ${label} | ${ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 10000 ? `${(ns / 1000).toFixed(1)}k` : ns.toFixed(1)} |`);
if (sink === 42) console.log('');
