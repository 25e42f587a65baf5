/**
 * Runs a toolchain as a child process, bounded: it is killed (with its own children, as a process
 * group) when it outlives its time, and the last JSON line it printed is what `probe` answered.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = `${ROOT}node_modules/.bin/`;

export interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  stdout: string;
  timedOut: boolean;
}

/** Runs `bin args` in `cwd` (the repository by default) and resolves when it ends or is killed. */
export function run(bin: string, args: string[], options: { cwd?: string; timeout?: number; env?: Record<string, string> } = {}): Promise<Ran> {
  const { cwd = ROOT, timeout = 30_000, env = {} } = options;
  // Not the VITEST_* variables of the vitest running this test: a nested vitest would take them as its own.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
  return new Promise((resolve) => {
    const child = spawn(bin, args, {
      cwd,
      env: { ...inherited, NO_COLOR: '1', FORCE_COLOR: '0', DENO_NO_UPDATE_CHECK: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so that a timeout also ends what it started
    });
    let stdout = '';
    let output = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeout);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, signal: null, output: `${output}${String(error)}`, stdout, timedOut });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output, stdout, timedOut });
    });
  });
}

/** The last line of stdout that parses as JSON, or an error that shows everything printed. */
export function printed(ran: Ran): unknown {
  const lines = ran.stdout.trim().split('\n').reverse();
  for (const line of lines) {
    if (!line.startsWith('{')) continue;
    try {
      return JSON.parse(line);
    } catch {
      // not the result line
    }
  }
  const why = ran.timedOut ? 'timed out' : `exited with ${ran.code ?? ran.signal}`;
  throw new Error(`no JSON result (${why}):\n${ran.output}`);
}

/** True when `bin --version` runs: a toolchain whose binary cannot run here is skipped, loudly. */
export async function canRun(bin: string): Promise<boolean> {
  const ran = await run(bin, ['--version'], { timeout: 15_000 });
  return ran.code === 0;
}
