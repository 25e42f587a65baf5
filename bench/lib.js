// Helpers shared by the benchmark scripts.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** How bench/fetch-server.js is started on each Fetch runtime (the binaries come from npm). */
export const FETCH_RUNTIMES = [
  { name: 'Bun', command: [join(root, 'node_modules/.bin/bun'), join(root, 'bench/fetch-server.js')] },
  {
    name: 'Deno',
    command: [join(root, 'node_modules/.bin/deno'), 'run', '--allow-net', '--allow-read', '--allow-env', join(root, 'bench/fetch-server.js')],
  },
];

/**
 * Starts bench/fetch-server.js for `framework` (hono, tsgi, tsgi-raw) on a Fetch runtime; resolves
 * with the child and its base URL once it prints that it listens.
 */
export function startFetchServer(runtime, framework) {
  const [bin, ...args] = runtime.command;
  const child = spawn(bin, [...args, framework], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
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
