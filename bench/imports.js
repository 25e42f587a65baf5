// Import time of tsgi's entry points against Hono's, on Node, Deno and Bun (issue 19, section 2:
// serverless platforms start fresh processes often, so import time is latency users pay).
//
//   npm run build && node bench/imports.js                      # 15 rounds, every runtime
//   node bench/imports.js --rounds 31 --runtimes node           # more rounds, Node only
//   node bench/imports.js --baseline 61acfba                    # also a previous commit (built and packed here)
//   node bench/imports.js --baseline ../tsgi-0.1.0.tgz          # or a packed tarball
//   node bench/imports.js --cpu                                 # CPU time instead of wall time
//
// The package is imported as users get it: `npm pack`, installed with hono (packed from this
// checkout's node_modules) into a fresh project in the temp directory, so resolution goes
// through package.json `exports` as it does for them. Each sample is a fresh process that times
// one `await import(specifier)` with performance.now() (the runtime's own start-up is left out).
// Each sample of an entry is paired with a sample of Hono taken right before or after it, on the
// same runtime, so load on the machine (shared, 2 cores) hits both alike. Reported: the median
// time over rounds, and the median of the pairs' ratios with their interquartile range [q1-q3].
// With --cpu the time is the process's CPU time during the import (process.cpuUsage(), user and
// system, every thread), which other work on the machine moves much less than wall time: at a load
// average of 5 on 2 cores, the ratios' quartiles were 5% apart where wall time's were 30-60%.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { median } from './lib.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '15' },
    runtimes: { type: 'string', default: 'node,deno,bun' },
    baseline: { type: 'string' },
    keep: { type: 'boolean', default: false },
    cpu: { type: 'boolean', default: false },
  },
});
// An app on a Fetch runtime imports tsgi and tsgi/fetch together. tsgi/node holds a server
// adapter as well: Hono's own, @hono/node-server, is the like of it. `empty-module` is a package
// whose one file is `export {}`: what any import costs the runtime (resolving the package through
// node_modules, its first module load), the floor under every ratio.
const ENTRIES = ['tsgi', 'tsgi/fetch', 'tsgi+tsgi/fetch', 'tsgi/node', 'tsgi/test', 'hono+@hono/node-server', 'empty-module'];
const RUNTIMES = {
  node: { label: 'Node', command: (file, spec) => [process.execPath, file, spec] },
  deno: { label: 'Deno', command: (file, spec) => [join(root, 'node_modules/.bin/deno'), 'run', '-A', file, spec] },
  bun: { label: 'Bun', command: (file, spec) => [join(root, 'node_modules/.bin/bun'), file, spec] },
};
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const work = mkdtempSync(join(tmpdir(), 'tsgi-imports-'));

/** `npm pack` of a directory into `work`; the tarball's path. */
function pack(dir) {
  const out = execFileSync(npm, ['pack', '--json', '--pack-destination', work], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return join(work, JSON.parse(out.slice(out.indexOf('[')))[0].filename);
}

/** The tarball of a commit: its tree exported, built with this checkout's node_modules, packed. */
function packCommit(ref) {
  const dir = join(work, `src-${ref.replace(/\W/g, '_')}`);
  execFileSync('sh', ['-c', `mkdir -p "${dir}" && git archive "${ref}" | tar -x -C "${dir}"`], { cwd: root });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  execFileSync(npm, ['run', 'build'], { cwd: dir, stdio: 'ignore' });
  return pack(dir);
}

/** A fresh project with `tarball` (as tsgi) and Hono installed, and the one-line import file. */
function project(name, tarball, honoTarballs) {
  const dir = join(work, name);
  execFileSync('mkdir', ['-p', dir]);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `imports-${name}`, private: true, type: 'module' }));
  execFileSync(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball, ...honoTarballs], { cwd: dir, stdio: 'ignore' });
  execFileSync('mkdir', ['-p', join(dir, 'node_modules/empty-module')]);
  writeFileSync(join(dir, 'node_modules/empty-module/package.json'), JSON.stringify({ name: 'empty-module', type: 'module', exports: './index.js' }));
  writeFileSync(join(dir, 'node_modules/empty-module/index.js'), 'export {};\n');
  // Node, Deno and Bun all have performance.now(), process.cpuUsage() and process.argv; `a+b`
  // imports both. Prints the wall time and the CPU time, in ms.
  writeFileSync(
    join(dir, 'import.mjs'),
    [
      'const start = performance.now(); const cpu = process.cpuUsage();',
      "for (const spec of process.argv[2].split('+')) await import(spec);",
      'const used = process.cpuUsage(cpu); console.log(performance.now() - start, (used.user + used.system) / 1000);',
    ].join('\n') + '\n',
  );
  return dir;
}

function sample(runtime, dir, spec) {
  const [bin, ...rest] = RUNTIMES[runtime].command(join(dir, 'import.mjs'), spec);
  const run = spawnSync(bin, rest, { cwd: dir, encoding: 'utf8' });
  const ms = Number.parseFloat(run.stdout.trim().split('\n').at(-1).split(' ')[args.cpu ? 1 : 0]);
  if (run.status !== 0 || !Number.isFinite(ms)) throw new Error(`${runtime} import ${spec} failed:\n${run.stderr}`);
  return ms;
}

if (!existsSync(join(root, 'dist/index.js'))) throw new Error('build first: npm run build');
const hono = [pack(join(root, 'node_modules/hono')), pack(join(root, 'node_modules/@hono/node-server'))];
const honoVersion = JSON.parse(readFileSync(join(root, 'node_modules/hono/package.json'), 'utf8')).version;
const projects = [{ label: 'this checkout', dir: project('current', pack(root), hono) }];
if (args.baseline) {
  const tarball = args.baseline.endsWith('.tgz') ? resolve(args.baseline) : packCommit(args.baseline);
  projects.push({ label: `baseline ${args.baseline}`, dir: project('baseline', tarball, hono) });
}

const runtimes = args.runtimes.split(',');
// One cell per runtime, project and entry; each sample of a cell is taken right next to a sample
// of Hono on the same runtime (which of the two goes first alternates), and the ratio is that
// pair's, so a change in the machine's load between samples hits both sides alike.
const cells = [];
for (const runtime of runtimes) {
  for (const [index, { label, dir }] of projects.entries()) {
    for (const spec of ENTRIES) {
      if (index === 0 || spec.startsWith('tsgi')) cells.push({ runtime, project: label, dir, spec, ms: [], ratios: [] });
    }
  }
}
const honoMs = Object.fromEntries(runtimes.map((runtime) => [runtime, []]));
const rounds = Number(args.rounds);
const load = [loadavg()[0]];
for (let round = 0; round < rounds; round++) {
  for (const [index, cell] of cells.entries()) {
    const honoFirst = (round + index) % 2 === 0;
    const hono = honoFirst ? sample(cell.runtime, cell.dir, 'hono') : undefined;
    const ms = sample(cell.runtime, cell.dir, cell.spec);
    const pair = hono ?? sample(cell.runtime, cell.dir, 'hono');
    cell.ms.push(ms);
    cell.ratios.push(ms / pair);
    honoMs[cell.runtime].push(pair);
  }
  process.stderr.write(`round ${round + 1}/${rounds}\r`);
}
load.push(loadavg()[0]);

const versions = {
  node: process.version,
  deno: runtimes.includes('deno') ? execFileSync(RUNTIMES.deno.command('', '')[0], ['--version'], { encoding: 'utf8' }).split('\n')[0] : '',
  bun: runtimes.includes('bun') ? `bun ${execFileSync(RUNTIMES.bun.command('', '')[0], ['--version'], { encoding: 'utf8' }).trim()}` : '',
};
console.log(`\n${runtimes.map((r) => versions[r]).join(', ')}; hono ${honoVersion}; ${cpus().length} CPUs (${cpus()[0].model.trim()}); ` +
  `${rounds} rounds; ${args.cpu ? 'CPU' : 'wall'} time; 1-minute load average ${load.map((l) => l.toFixed(1)).join(' before, ')} after.\n`);
const header = projects.length > 1 ? '| runtime | import | ms (vs Hono) | before: ms (vs Hono) |' : '| runtime | import | ms | vs Hono |';
console.log(header);
console.log('|---|---|---:|---:|');
/** The value at fraction `p` of the sorted values (0.25: the lower quartile). */
const quantile = (values, p) => [...values].sort((a, b) => a - b)[Math.round((values.length - 1) * p)];
// The ratio's interquartile range shows how far the load on the machine moved it.
const fmt = (cell) => ({
  ms: median(cell.ms).toFixed(1),
  ratio: `${median(cell.ratios).toFixed(2)}x [${quantile(cell.ratios, 0.25).toFixed(2)}-${quantile(cell.ratios, 0.75).toFixed(2)}]`,
});
for (const runtime of runtimes) {
  for (const spec of ENTRIES) {
    const [now, before] = projects.map(({ label }) => cells.find((cell) => cell.runtime === runtime && cell.project === label && cell.spec === spec));
    const a = fmt(now);
    if (projects.length > 1) {
      const b = before ? fmt(before) : undefined;
      console.log(`| ${RUNTIMES[runtime].label} | \`${spec}\` | ${a.ms} (${a.ratio}) | ${b ? `${b.ms} (${b.ratio})` : ''} |`);
    } else {
      console.log(`| ${RUNTIMES[runtime].label} | \`${spec}\` | ${a.ms} | ${a.ratio} |`);
    }
  }
  const h = median(honoMs[runtime]).toFixed(1);
  console.log(projects.length > 1 ? `| ${RUNTIMES[runtime].label} | \`hono\` | ${h} (1.00x) | ${h} (1.00x) |` : `| ${RUNTIMES[runtime].label} | \`hono\` | ${h} | 1.00x |`);
}
if (args.keep) console.log(`\nprojects kept in ${work}`);
else rmSync(work, { recursive: true, force: true });
