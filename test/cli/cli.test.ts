import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const FIXTURE = join(ROOT, 'test/cli/fixtures/app.mjs');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

beforeAll(() => {
  // The CLI runs as a real `node dist/cli.js`; build it when dist is missing or older than the source.
  const sources = Math.max(newestSource(join(ROOT, 'src/adapters/node')), statSync(join(ROOT, 'src/cli.ts')).mtimeMs);
  if (!existsSync(CLI) || statSync(CLI).mtimeMs < sources) {
    spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], {
      cwd: ROOT,
      stdio: 'ignore',
    });
  }
  expect(existsSync(CLI), 'dist/cli.js must build').toBe(true);
}, 120_000);

interface Cli {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

const running: ChildProcess[] = [];
const tempDirs: string[] = [];
afterEach(async () => {
  for (const child of running.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
  }
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(base = tmpdir()): string {
  const dir = mkdtempSync(join(base, 'tsgi-cli-'));
  tempDirs.push(dir);
  return dir;
}

/** Runs the CLI to completion (with a serve command, on port 0 so that a regression cannot grab 8000). */
function run(args: string[], cwd = ROOT): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [CLI, ...args, ...(args[0] === 'serve' && !args.includes('--port') ? ['--port', '0'] : [])], { cwd });
    running.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('exit', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** Starts `tsgi serve ...` and resolves once it prints the URL it serves on. */
function start(args: string[], cwd = ROOT): Promise<Cli> {
  const child = spawn(process.execPath, [CLI, 'serve', ...args, '--port', '0'], { cwd });
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d));
  child.stderr!.on('data', (d: Buffer) => (stderr += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed; stdout: ${stdout} stderr: ${stderr}`)), 15_000);
    const onData = () => {
      const match = /serving .* on (http:\/\/\S+)/.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolvePromise({ child, url: match[1], stdout: () => stdout, stderr: () => stderr, exited });
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
}

/** GET on a fresh connection (so cluster may route it to any worker). */
function getFresh(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolvePromise, reject) => {
    const request = http
      .get(url, { agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
    request.setTimeout(5000, () => request.destroy(new Error(`no answer from ${url} in 5 s`)));
  });
}

async function pidsSeen(url: string, want: (pids: Set<number>) => boolean, timeoutMs = 15_000): Promise<Set<number>> {
  const pids = new Set<number>();
  const deadline = Date.now() + timeoutMs;
  while (!want(pids) && Date.now() < deadline) {
    try {
      const { status, body } = await getFresh(`${url}/`);
      if (status === 200) pids.add((JSON.parse(body) as { pid: number }).pid);
    } catch {
      // a worker dying mid-connection
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  return pids;
}

describe('tsgi serve', () => {
  it('prints help', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: tsgi serve <module>\[:<export>\]/);
    expect(result.stdout).toMatch(/--workers/);
  });

  it('rejects bad arguments with the usage', async () => {
    const result = await run(['serve', FIXTURE, '--port', 'eighty']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--port must be an integer/);
  });

  it('serves the default export with access log lines on stdout, and stops on SIGTERM', async () => {
    const cli = await start([FIXTURE]);
    expect(cli.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { status, body } = await getFresh(`${cli.url}/hello?x=1`);
    expect(status).toBe(200);
    expect(JSON.parse(body)).toMatchObject({ path: '/hello', multiprocess: false, pid: cli.child.pid });
    await new Promise((r) => setTimeout(r, 50));
    expect(cli.stdout()).toMatch(/\n127\.0\.0\.1 - - \[[^\]]+\] "GET \/hello\?x=1 HTTP\/1\.1" 200 \d+ [\d.]+ms\n/);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  });

  it('serves a named export', async () => {
    const cli = await start([`${FIXTURE}:named`]);
    expect((await getFresh(`${cli.url}/`)).body).toBe('named export');
  });

  it('explains what is wrong with a module', async () => {
    const missing = await run(['serve', join(ROOT, 'test/cli/fixtures/nope.mjs')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no module at .*nope\.mjs/);
    const notApp = await run(['serve', `${FIXTURE}:notAnApp`]);
    expect(notApp.stderr).toMatch(/export "notAnApp" .* is an object \(Object\), not an app/);
    const noExport = await run(['serve', `${FIXTURE}:other`]);
    expect(noExport.stderr).toMatch(/has no export "other"; it exports "default", "named", "notAnApp"/);
  });

  it('says how to serve a TypeScript module when no loader is installed', async (context) => {
    // A place from which no tsx resolves (another tool may have put a node_modules in /tmp).
    const base = [tmpdir(), '/var/tmp', homedir()].find((candidate) => {
      try {
        createRequire(join(candidate, 'probe.js')).resolve('tsx/package.json');
        return false;
      } catch {
        return existsSync(candidate);
      }
    });
    if (base === undefined) {
      console.warn('every temporary directory resolves tsx: the missing-loader test is skipped');
      context.skip();
      return;
    }
    const dir = tempDir(base);
    writeFileSync(join(dir, 'app.ts'), 'export default (environ: unknown, startResponse: unknown): Uint8Array[] => [];\n');
    const result = await run(['serve', join(dir, 'app.ts')], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/app\.ts is TypeScript, and Node v\d+\.\d+\.\d+ cannot load TypeScript by itself/);
    expect(result.stderr).toMatch(/build it to JavaScript first/);
    expect(result.stderr).toMatch(/npm install -D tsx/);
  });

  it('serves a TypeScript module through tsx when the project has it', async (context) => {
    if (!existsSync(join(ROOT, 'node_modules/tsx/package.json'))) {
      console.warn('tsx is not installed (npm ci installs it): the TypeScript serving test is skipped');
      context.skip();
    }
    const dir = tempDir();
    writeFileSync(
      join(dir, 'app.ts'),
      `interface Environ { PATH_INFO: string }\nconst encoder = new TextEncoder();\n` +
        `export const api = (environ: Environ, startResponse: (s: string, h: Array<[string, string]>) => void): Uint8Array[] => {\n` +
        `  startResponse('200 OK', [['Content-Type', 'text/plain']]);\n  return [encoder.encode(\`typed \${environ.PATH_INFO}\`)];\n};\n`,
    );
    // tsx is found from the working directory's project, as for \`npx tsgi serve\` run in a project.
    const cli = await start([`${join(dir, 'app.ts')}:api`, '--no-access-log'], ROOT);
    expect((await getFresh(`${cli.url}/x`)).body).toBe('typed /x');
  });

  it('runs --workers 2: both answer, and a killed worker is replaced', async () => {
    const cli = await start([FIXTURE, '--workers', '2', '--no-access-log']);
    const pids = await pidsSeen(cli.url, (seen) => seen.size >= 2);
    expect(pids.size).toBe(2);
    expect(pids.has(cli.child.pid!)).toBe(false); // the primary does not serve
    const [victim, survivor] = [...pids];
    process.kill(victim, 'SIGKILL');
    const after = await pidsSeen(cli.url, (seen) => seen.size >= 2 && !seen.has(victim));
    expect(after.has(survivor)).toBe(true);
    expect(after.has(victim)).toBe(false);
    expect(after.size).toBe(2); // the survivor and the replacement
    expect(cli.stderr()).toMatch(new RegExp(`worker ${victim} exited \\(signal SIGKILL\\); starting a replacement`));
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    for (const pid of after) expect(() => process.kill(pid, 0)).toThrow();
  }, 60_000);

  it('restarts on a file change with --reload', async () => {
    const dir = tempDir();
    const file = join(dir, 'app.mjs');
    const version = (v: string) =>
      `const e = new TextEncoder();\nexport default (environ, startResponse) => { startResponse('200 OK', []); return [e.encode('${v}')]; };\n`;
    writeFileSync(file, version('v1'));
    const cli = await start([file, '--reload', '--no-access-log'], dir);
    expect((await getFresh(`${cli.url}/`)).body).toBe('v1');
    writeFileSync(file, version('v2'));
    const deadline = Date.now() + 15_000;
    let body = 'v1';
    while (body !== 'v2' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      body = (await getFresh(`${cli.url}/`)).body;
    }
    expect(body).toBe('v2');
    expect(cli.stderr()).toMatch(/app\.mjs changed; restarting/);
  });
});
