// tsgi's RuleMap against other JavaScript routers, in process: match() on the standard route set
// (delvedor/router-benchmark's 12 routes, 7 requests) and the 205-route GitHub API table (one
// request per route), each path cut fresh from one big string on every call, as a server hands
// over a request target (V8 caches hashes and splits of literal strings, which flatters some).
//   npm run build && node bench/routers.js          (ROUTERS_SECONDS=1 per table and router)
//   TSGI_ROUTING=/path/to/routing/index.js node bench/routers.js   (another build)
// Before timing, every router's answer to every request is checked: the route it found and its
// params (a wildcard's value is left out: each router names and shapes it its own way). The
// figure is ns per match, net of cutting the strings, median of 7 rounds in which the routers
// alternate. tsgi goes through tryMatch(path, method): what the Router calls, a miss returned,
// not thrown; it converts the values while walking and builds the params object when it is
// first read (as Hono's router leaves its params in a stash). "tsgi, params read" also reads
// `params`, building the object a handler gets, for every match.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { githubCases, githubRoutes, standardCases, standardRoutes, toRule } from './routing-routes.js';

const require = createRequire(import.meta.url);
const { Rule, RuleMap } = await import(process.env.TSGI_ROUTING ?? '../dist/routing/index.js');
const seconds = Number(process.env.ROUTERS_SECONDS ?? 1);
const version = (name) => JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')).version;

// Each router: build(routes) registers [method, pattern] pairs with the route index as handler
// and returns { match(method, path), id(result, method) -> index or -1, params(result) -> object }.
const routers = {
  tsgi: {
    version: JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version,
    build(routes) {
      const map = new RuleMap(routes.map(([method, pattern], i) => new Rule(toRule(pattern), { endpoint: String(i), methods: [method] })));
      const urls = map.bind('example.org');
      return {
        match: (method, path) => urls.tryMatch(path, method),
        id: (res) => (res instanceof Error ? -1 : Number(res.endpoint)),
        params: (res) => res.params,
      };
    },
  },
  'tsgi, params read': {
    version: JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version,
    build(routes) {
      const map = new RuleMap(routes.map(([method, pattern], i) => new Rule(toRule(pattern), { endpoint: String(i), methods: [method] })));
      const urls = map.bind('example.org');
      return {
        match: (method, path) => {
          const res = urls.tryMatch(path, method);
          if (!(res instanceof Error)) sink += res.params === undefined ? 1 : 0;
          return res;
        },
        id: (res) => (res instanceof Error ? -1 : Number(res.endpoint)),
        params: (res) => res.params,
      };
    },
  },
  'find-my-way': {
    version: version('find-my-way'),
    build(routes) {
      const router = require('find-my-way')();
      routes.forEach(([method, pattern], i) => router.on(method, pattern, () => i));
      return { match: (method, path) => router.find(method, path), id: (res) => (res ? res.handler() : -1), params: (res) => res.params };
    },
  },
  'hono RegExpRouter': {
    version: version('hono'),
    build(routes) {
      const { RegExpRouter } = require('hono/router/reg-exp-router');
      const router = new RegExpRouter();
      routes.forEach(([method, pattern], i) => router.add(method, pattern, i));
      return {
        match: (method, path) => router.match(method, path),
        id: (res) => (res[0].length ? res[0][0][0] : -1),
        // [[handler, param index map][], stash]: the values sit in the stash (raw, Hono decodes later)
        params: ([handlers, stash]) => Object.fromEntries(Object.entries(handlers[0][1]).map(([k, v]) => [k, stash ? stash[v] : v])),
      };
    },
  },
  rou3: {
    version: version('rou3'),
    build(routes) {
      const { createRouter, addRoute, findRoute } = require('rou3');
      const router = createRouter();
      routes.forEach(([method, pattern], i) => addRoute(router, method, pattern.replace(/\*$/, '**:wildcard'), i));
      return { match: (method, path) => findRoute(router, method, path), id: (res) => (res ? res.data : -1), params: (res) => res.params ?? {} };
    },
  },
  '@medley/router': {
    version: version('@medley/router'),
    build(routes) {
      const Router = require('@medley/router');
      const router = new Router();
      routes.forEach(([method, pattern], i) => { router.register(pattern)[method] = i; });
      // It matches the path; the method is the caller's lookup in the route's store, done here.
      return {
        match: (method, path) => {
          const res = router.find(path);
          return res === null || res.store[method] === undefined ? null : res;
        },
        id: (res, method) => (res ? res.store[method] : -1),
        params: (res) => res.params,
      };
    },
  },
  'koa-tree-router': {
    version: version('koa-tree-router'),
    build(routes) {
      const Router = require('koa-tree-router');
      const router = new Router();
      routes.forEach(([method, pattern], i) => router.on(method, pattern.replace(/\*$/, '*wildcard'), i));
      return {
        match: (method, path) => router.find(method, path),
        id: (res) => (res.handle ? res.handle[0] : -1),
        params: (res) => Object.fromEntries(res.params.map((p) => [p.key, p.value])),
      };
    },
  },
};

// The params a request must give: each `:name` segment's text (wildcards left out).
function expectedParams(pattern, path) {
  const want = {};
  const p = pattern.split('/');
  const s = path.split('/');
  p.forEach((part, i) => { if (part.startsWith(':')) want[part.slice(1)] = s[i]; });
  return want;
}

function checkAnswers(name, router, routes, cases) {
  for (const [label, method, path, index] of cases) {
    const res = router.match(method, path);
    const got = router.id(res, method);
    if (got !== index) throw new Error(`${name}: ${label} (${method} ${path}) found route ${got}, not ${index}`);
    const params = { ...router.params(res) };
    delete params.wildcard;
    delete params['*'];
    const want = expectedParams(routes[index][1], path);
    const sorted = (o) => JSON.stringify(Object.keys(o).sort().map((k) => [k, o[k]]));
    if (sorted(params) !== sorted(want)) throw new Error(`${name}: ${label} params ${JSON.stringify(params)}, not ${JSON.stringify(want)}`);
  }
  // A miss is a miss.
  if (router.id(router.match('GET', '/nope/nothing/here'), 'GET') !== -1) throw new Error(`${name}: a 404 found a route`);
}

// Paths cut from one big string per call: fresh, non-internalized strings.
function fresh(cases) {
  const big = cases.map((c) => c[2]).join('');
  const offsets = [0];
  for (const c of cases) offsets.push(offsets[offsets.length - 1] + c[2].length);
  return (i) => big.substring(offsets[i], offsets[i + 1]);
}

let sink = 0;
function sample(fn, ms) {
  let calls = 0;
  const t0 = process.hrtime.bigint();
  const deadline = performance.now() + ms;
  do {
    for (let i = 0; i < 20; i++) fn();
    calls += 20;
  } while (performance.now() < deadline);
  return Number(process.hrtime.bigint() - t0) / calls;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

// ns per match for each router over one table, net of cutting the strings.
function table(routes, cases) {
  const cut = fresh(cases);
  const loops = { strings: () => { for (let i = 0; i < cases.length; i++) sink += cut(i).length; } };
  for (const [name, def] of Object.entries(routers)) {
    const router = def.build(routes);
    checkAnswers(name, router, routes, cases);
    loops[name] = () => { for (let i = 0; i < cases.length; i++) sink += router.match(cases[i][1], cut(i)) ? 1 : 0; };
  }
  for (const fn of Object.values(loops)) for (let i = 0; i < 2000; i++) fn();
  const samples = Object.fromEntries(Object.keys(loops).map((k) => [k, []]));
  for (let round = 0; round < 7; round++) for (const [k, fn] of Object.entries(loops)) samples[k].push(sample(fn, (seconds * 1000) / 7));
  const base = median(samples.strings);
  return Object.fromEntries(Object.keys(routers).map((k) => [k, (median(samples[k]) - base) / cases.length]));
}

const standard = table(standardRoutes, standardCases.map(([label, method, path]) => [label, method, path, standardRoutes.findIndex(([m, p]) => m === method && new RegExp(`^${p.replace(/:\w+/g, '[^/]+').replace(/\*$/, '.*')}$`).test(path))]));
const github = table(githubRoutes, githubCases);

console.log(`node ${process.version}; ns per match, fresh strings, net of cutting them (median of 7 alternating rounds); every answer checked\n`);
console.log(`| router | version | standard (7 requests) | ratio | GitHub API (${githubCases.length} routes) | ratio |`);
console.log('|---|---|---:|---:|---:|---:|');
for (const name of Object.keys(routers)) {
  const r = (t) => (t[name] / t.tsgi).toFixed(2);
  console.log(`| ${name} | ${routers[name].version} | ${standard[name].toFixed(1)} | ${r(standard)} | ${github[name].toFixed(1)} | ${r(github)} |`);
}
if (sink === 42) console.log('');
