// Helpers shared by the benchmark scripts.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The Fetch runtimes bench/fetch.js and bench/ab.js run the apps of bench/fetch-apps.js on (the
 * binaries come from npm): Bun and Deno run bench/fetch-server.js; workerd runs a bundle of the
 * same apps (see startWorkerd).
 */
export const FETCH_RUNTIMES = [
  { name: 'Bun', command: [join(root, 'node_modules/.bin/bun'), join(root, 'bench/fetch-server.js')] },
  {
    name: 'Deno',
    command: [join(root, 'node_modules/.bin/deno'), 'run', '--allow-net', '--allow-read', '--allow-env', join(root, 'bench/fetch-server.js')],
  },
  { name: 'workerd', command: [join(root, 'node_modules/.bin/workerd')] },
];

/**
 * Starts `framework` (hono, tsgi, tsgi-raw) on a Fetch runtime; resolves with the child and its
 * base URL once it answers. `dist` (by default TSGI_DIST from the environment) serves another
 * build of tsgi: the path of a copy of dist/.
 */
export function startFetchServer(runtime, framework, dist = process.env.TSGI_DIST) {
  if (runtime.name === 'workerd') return startWorkerd(runtime, framework, dist);
  const [bin, ...args] = runtime.command;
  const env = dist ? { ...process.env, TSGI_DIST: dist } : process.env;
  const child = spawn(bin, [...args, framework], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (data) => {
      output += data;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`${runtime.name} ${framework} exited with ${code}`)));
  });
}

/**
 * workerd (without wrangler, as test/e2e/runtimes/workerd.test.ts runs it): esbuild bundles a
 * worker whose `fetch` is the app's handler, called as Workers call it (`request, env, ctx`); a
 * config beside it in a temporary directory names the bundle and a free port. The directory goes
 * when the process exits.
 */
async function startWorkerd(runtime, framework, distDir) {
  const { build } = await import('esbuild');
  const dist = (distDir ?? join(root, 'dist')).replace(/\/$/, '');
  const dir = mkdtempSync(join(tmpdir(), 'tsgi-bench-workerd-'));
  await build({
    stdin: {
      contents: [
        "import { Hono } from 'hono';",
        `import { Request, Response, TextBody } from ${JSON.stringify(`${dist}/index.js`)};`,
        `import { toFetchHandler } from ${JSON.stringify(`${dist}/adapters/fetch/index.js`)};`,
        "import { fetchHandler } from './bench/fetch-apps.js';",
        `export default { fetch: fetchHandler(${JSON.stringify(framework)}, { Hono, Request, Response, TextBody, toFetchHandler }) };`,
      ].join('\n'),
      resolveDir: root,
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: join(dir, 'worker.js'),
    logLevel: 'error',
  });
  const port = await freePort();
  writeFileSync(
    join(dir, 'bench.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .benchWorker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const benchWorker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js") ],
  compatibilityDate = "2025-06-01",
);
`,
  );
  const child = spawn(runtime.command[0], ['serve', join(dir, 'bench.capnp')], { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
  child.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`workerd ${framework} exited with ${child.exitCode}`);
    try {
      await (await fetch(`${url}/hello`)).arrayBuffer();
      return { child, url };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  child.kill();
  throw new Error(`workerd ${framework} did not answer in 20 s`);
}

/** A free TCP port on 127.0.0.1, for workerd, which cannot be told to pick one. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux, 100 ticks a second); NaN elsewhere. */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** A benchmark server's own CPU time so far (user + system, in microseconds), asked over IPC (see servers/listen.js). */
export function serverCpuTime(child) {
  return new Promise((resolve) => {
    const onMessage = (message) => {
      if (!message.cpu) return;
      child.off('message', onMessage);
      resolve(message.cpu.user + message.cpu.system);
    };
    child.on('message', onMessage);
    child.send('cpu');
  });
}

/**
 * Writes `section` (which starts and ends with its `<!-- bench:<name>:start/end -->` markers) into
 * bench/README.md in place of the one there, or at the end when there is none.
 */
export function writeReadmeSection(name, section) {
  const readme = new URL('./README.md', import.meta.url);
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  let text = existsSync(readme) ? readFileSync(readme, 'utf8') : '# Benchmarks\n';
  const startAt = text.indexOf(start);
  const endAt = text.indexOf(end);
  if (startAt !== -1 && endAt !== -1) text = text.slice(0, startAt) + section + text.slice(endAt + end.length);
  else text = `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(readme, text);
  console.log(`bench/README.md updated (the section between the bench:${name} markers)`);
}
