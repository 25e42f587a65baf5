// Two builds of tsgi/routing head to head in one process: tryMatch on the standard route set (or
// the GitHub table), fresh path strings, the builds alternating round by round (21 rounds, CPU
// time). How each routing change of issue 16 was kept or dropped:
//   node --single-threaded bench/routing-ab.js /tmp/old/dist/routing/index.js dist/routing/index.js
//   node --single-threaded bench/routing-ab.js OLD NEW github      (the 205-route GitHub table)
//   ROUTING_AB_READ=1 node --single-threaded bench/routing-ab.js OLD NEW   (params read as well)
// --single-threaded makes V8 optimize at the same points in every run (no concurrent compiler):
// without it the same build read up to 10% apart from run to run; with it, within 2-3%.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { githubCases, githubRoutes, standardCases, standardRoutes, toRule } from './routing-routes.js';

const [oldPath, newPath, table] = process.argv.slice(2);
if (!oldPath || !newPath) throw new Error('usage: node --single-threaded bench/routing-ab.js OLD_INDEX_JS NEW_INDEX_JS [github]');
const github = table === 'github';
const routes = github ? githubRoutes : standardRoutes;
const cases = github ? githubCases : standardCases;
const read = process.env.ROUTING_AB_READ === '1';
const big = cases.map((c) => c[2]).join('');
const offsets = [0];
for (const c of cases) offsets.push(offsets[offsets.length - 1] + c[2].length);

// Each build gets a loop function of its own, made from source: closures from one place in this
// file would share V8's type feedback, and each loop would then see both builds' tryMatch.
async function loopFor(path) {
  const { Rule, RuleMap } = await import(pathToFileURL(resolve(path)).href);
  const urls = new RuleMap(routes.map(([method, pattern], i) => new Rule(toRule(pattern), { endpoint: String(i), methods: [method] }))).bind('example.org');
  const match = read ? 'urls.tryMatch(big.substring(offsets[i], offsets[i + 1]), cases[i][1]).params' : 'urls.tryMatch(big.substring(offsets[i], offsets[i + 1]), cases[i][1])';
  const loop = new Function('urls', 'big', 'offsets', 'cases', 'n', `let s = 0; for (let k = 0; k < n; k++) for (let i = 0; i < cases.length; i++) s += ${match} ? 1 : 0; return s;`);
  return (n) => loop(urls, big, offsets, cases, n);
}

const runOld = await loopFor(oldPath);
const runNew = await loopFor(newPath);
const n = github ? 3000 : 100000;
let sink = 0;
const time = (run) => {
  const start = process.cpuUsage();
  sink += run(n);
  const used = process.cpuUsage(start);
  return ((used.user + used.system) * 1000) / n / cases.length;
};
for (let i = 0; i < 5; i++) { time(runOld); time(runNew); }
const olds = [], news = [], ratios = [];
for (let round = 0; round < 21; round++) {
  // Each build goes first in every other round.
  let a, b;
  if (round % 2) { a = time(runOld); b = time(runNew); } else { b = time(runNew); a = time(runOld); }
  olds.push(a); news.push(b); ratios.push(b / a);
}
const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
console.log(`${github ? 'GitHub' : 'standard'}${read ? ', params read' : ''}: old ${median(olds).toFixed(1)} new ${median(news).toFixed(1)} ns/match; new/old x${median(ratios).toFixed(3)} (range ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)})`);
