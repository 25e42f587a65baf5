// Micro-benchmark of tsgi/routing's match() (and build()), in process, to keep the matcher fast.
//   npm run build && node bench/routing-micro.js            (ROUTING_SECONDS=1 per case and router by default)
// The route set and the 7 cases are delvedor/router-benchmark's (also Hono's); each path is cut
// fresh from one big string on every call, as a server hands over req.url (V8 caches split() and
// hashes of literal strings, which flatters hash-based routers). find-my-way (a devDependency of
// fastify here) runs the same loop for scale, alternating with tsgi. Misses go through tryMatch
// (what a router uses: the HTTPException is returned, not thrown), and through match() for scale.
import { createRequire } from 'node:module';
import { Rule, RuleMap } from '../dist/routing/index.js';

const require = createRequire(import.meta.url);
const seconds = Number(process.env.ROUTING_SECONDS ?? 1);

// [method, tsgi rule, find-my-way pattern]
const routes = [
  ['GET', '/user', '/user'],
  ['GET', '/user/comments', '/user/comments'],
  ['GET', '/user/avatar', '/user/avatar'],
  ['GET', '/user/lookup/username/<username>', '/user/lookup/username/:username'],
  ['GET', '/user/lookup/email/<address>', '/user/lookup/email/:address'],
  ['GET', '/event/<id>', '/event/:id'],
  ['GET', '/event/<id>/comments', '/event/:id/comments'],
  ['POST', '/event/<id>/comment', '/event/:id/comment'],
  ['GET', '/map/<location>/events', '/map/:location/events'],
  ['GET', '/status', '/status'],
  ['GET', '/very/deeply/nested/route/hello/there', '/very/deeply/nested/route/hello/there'],
  ['GET', '/static/<path:file>', '/static/*'],
];
const cases = [
  ['short static', 'GET', '/user'],
  ['static with same radix', 'GET', '/user/comments'],
  ['dynamic route', 'GET', '/user/lookup/username/hey'],
  ['mixed static dynamic', 'GET', '/event/abcd1234/comments'],
  ['post', 'POST', '/event/abcd1234/comment'],
  ['long static', 'GET', '/very/deeply/nested/route/hello/there'],
  ['wildcard', 'GET', '/static/index.html'],
];
const misses = [
  ['404 miss', 'GET', '/user/lookup/phone/12345'],
  ['405 (Allow: GET, HEAD)', 'DELETE', '/event/abcd1234/comments'],
  ['308 merge slashes', 'GET', '/user//comments'],
];

const map = new RuleMap(routes.map(([method, rule], i) => new Rule(rule, { endpoint: `r${i}`, methods: [method] })));
const urls = map.bind('example.org');
const tsgiMatch = (method, path) => urls.match(path, method);
// A miss as a router sees it: tryMatch returns the HTTPException (a throw would cost more than the match).
const tsgiMiss = (method, path) => urls.tryMatch(path, method);
const tsgiThrow = (method, path) => {
  try {
    return urls.match(path, method);
  } catch (error) {
    return error;
  }
};

const fmw = require('find-my-way')();
routes.forEach(([method, , pattern], i) => fmw.on(method, pattern, () => i));
const fmwMatch = (method, path) => fmw.find(method, path);

// Paths cut from one big string per call: fresh, non-internalized strings.
function fresh(list) {
  const big = list.map((c) => c[2]).join('');
  const offsets = [0];
  for (const c of list) offsets.push(offsets[offsets.length - 1] + c[2].length);
  return (i) => big.substring(offsets[i], offsets[i + 1]);
}

let sink = 0;
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

// Each case: tsgi and find-my-way alternate for 7 rounds (the machine's load shifts between rounds).
function compare(label, fns, n = 2000) {
  for (const fn of Object.values(fns)) for (let i = 0; i < 50000; i++) fn();
  const samples = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let round = 0; round < 7; round++) for (const [k, fn] of Object.entries(fns)) samples[k].push(sample(fn, n, (seconds * 1000) / 7));
  return Object.entries(samples).map(([router, xs]) => [router, label, median(xs)]);
}

const cut = fresh(cases);
const cutMiss = fresh(misses);
const keep = (m) => (m ? 1 : 0);
// Warm every case of both routers together first (a server sees mixed traffic).
for (let r = 0; r < 5; r++) for (let i = 0; i < cases.length; i++) for (let j = 0; j < 20000; j++) { sink += keep(tsgiMatch(cases[i][1], cut(i))); sink += keep(fmwMatch(cases[i][1], cut(i))); }
const rows = [];
cases.forEach(([label, method], i) => rows.push(...compare(label, {
  tsgi: () => { sink += keep(tsgiMatch(method, cut(i))); },
  'find-my-way': () => { sink += keep(fmwMatch(method, cut(i))); },
})));
const all = (match) => () => { for (let i = 0; i < cases.length; i++) sink += keep(match(cases[i][1], cut(i))); };
const strings = () => { for (let i = 0; i < cases.length; i++) sink += cut(i).length; };
const together = compare('all together (7), fresh strings', { tsgi: all(tsgiMatch), 'find-my-way': all(fmwMatch), strings }, 200);
const base = together.find(([router]) => router === 'strings')[2];
for (const [router, , ns] of together) if (router !== 'strings') rows.push([router, 'all together (7), fresh strings, net', ns - base]);
misses.forEach(([label, method], i) => rows.push(...compare(label, {
  tsgi: () => { sink += keep(tsgiMiss(method, cutMiss(i))); },
  'tsgi, match() throwing': () => { sink += keep(tsgiThrow(method, cutMiss(i))); },
  'find-my-way': () => { sink += keep(fmwMatch(method, cutMiss(i))); },
})));

const builds = [
  ['build static', () => urls.build('r0')],
  ['build one string param', () => urls.build('r3', { username: 'hey' })],
  ['build + 2 query args', () => urls.build('r6', { id: 'abcd', page: 2, sort: 'new' })],
];
for (const [label, fn] of builds) rows.push(...compare(label, { tsgi: () => { sink += fn().length; } }));

console.log(`node ${process.version}, ns per call (median of 7 alternating rounds, ${seconds}s per case and router)\n`);
console.log('| router | case | ns/call |\n|---|---|---:|');
for (const [router, label, ns] of rows) console.log(`| ${router} | ${label} | ${ns.toFixed(1)} |`);
if (sink === 42) console.log('');
