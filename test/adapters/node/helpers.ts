import { execFile } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import type { App, Environ, StartResponse } from '../../../src/gateway.js';
import { serve, type RunningServer, type ServeOptions } from '../../../src/adapters/node/index.js';

export const encoder = new TextEncoder();

/** UTF-8 bytes of a string. */
export function bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/** An app answering 200 with a JSON document computed from the environ. */
export function jsonApp(compute: (environ: Environ) => unknown): App {
  return (environ: Environ, startResponse: StartResponse) => {
    startResponse('200 OK', [['Content-Type', 'application/json']]);
    return [bytes(JSON.stringify(compute(environ)))];
  };
}

/** Collects what the adapter writes to `tsgi.errors`. */
export function errorSink(): { lines: string[]; write(message: string): void } {
  const lines: string[] = [];
  return { lines, write: (message: string) => void lines.push(message) };
}

/** Serves an app on 127.0.0.1, any free port. */
export function listen(app: App, options: ServeOptions = {}): Promise<RunningServer> {
  return serve(app, { port: 0, ...options });
}

export const hasCurl = (() => {
  try {
    execFileSync('curl', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    console.warn('curl is missing (scripts/setup/curl.sh installs it): the curl tests are skipped');
    return false;
  }
})();

/** Runs curl; resolves with its exit code and output (never rejects on a non-zero exit). */
export function curl(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('curl', ['--silent', '--show-error', '--max-time', '20', ...args], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it is true, failing after `timeoutMs`. */
export async function waitFor(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}
