/**
 * The same signatures on Node, Bun, Deno and workerd: each runtime signs fixed inputs with a fixed
 * clock (test/session/runtimes/vectors.ts), verifies the tokens Node made, and seals an encrypted
 * session cookie that Node then opens; Node verifies what each runtime made. A runtime whose
 * binary cannot run here is skipped, loudly.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, canRun } from '../e2e/runtimes/suite.js';
import { EXPECTED_VERIFIED, SESSION_DATA, vectors, type VectorInput, type VectorOutput } from './runtimes/vectors.js';

const run = promisify(execFile);
const CLI = 'test/session/runtimes/cli.ts';

/** Golden values, also computed with Python's hmac and an HKDF written from RFC 5869. */
const GOLDEN = {
  plain: 'hello.9hNkHq-kLEAhNJMnfTK0sH_I1w9olXk4fEf09bmkPH0',
  cookie: 'ada; é.cNyBQA.eu-W-HI5uh9iOXFHX17kwYklkcjI3dpsrpAg-QdSqfE',
};

function parse(stdout: string, prefix = ''): VectorOutput {
  const line = stdout.split('\n').find((l) => l.startsWith(prefix) && l.length > prefix.length);
  if (!line) throw new Error(`no output:\n${stdout}`);
  return JSON.parse(line.slice(prefix.length)) as VectorOutput;
}

const RUNTIMES: Record<string, (input: VectorInput) => Promise<VectorOutput>> = {
  async bun(input) {
    const { stdout } = await run(`${BIN}bun`, [CLI], { cwd: ROOT, env: { ...process.env, VECTORS_INPUT: JSON.stringify(input) } });
    return parse(stdout);
  },
  async deno(input) {
    const args = ['run', '--allow-env=VECTORS_INPUT', '--sloppy-imports', '--no-prompt', CLI];
    const { stdout } = await run(`${BIN}deno`, args, { cwd: ROOT, env: { ...process.env, VECTORS_INPUT: JSON.stringify(input), NO_COLOR: '1' } });
    return parse(stdout);
  },
  async workerd(input) {
    const dir = await mkdtemp(join(tmpdir(), 'tsgi-session-workerd-'));
    try {
      // Bundled as the runtime guide does, and run with no nodejs_compat flag.
      const build = ['build', 'test/session/runtimes/worker.ts', '--target=browser', '--format=esm', `--outfile=${join(dir, 'worker.js')}`];
      await run(`${BIN}bun`, build, { cwd: ROOT });
      const config = [
        'using Workerd = import "/workerd/workerd.capnp";',
        'const config :Workerd.Config = ( services = [ (name = "main", worker = .vectors) ] );',
        'const vectors :Workerd.Worker = (',
        '  modules = [ (name = "worker.js", esModule = embed "worker.js") ],',
        '  compatibilityDate = "2025-06-01",',
        `  bindings = [ (name = "INPUT", text = ${JSON.stringify(JSON.stringify(input))}) ],`,
        ');',
      ].join('\n');
      await writeFile(join(dir, 'vectors.capnp'), config);
      const { stdout } = await run(`${BIN}workerd`, ['test', join(dir, 'vectors.capnp')], { cwd: dir });
      return parse(stdout, 'VECTORS ');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

describe('signatures are the same bytes on every runtime', () => {
  let node: VectorOutput;
  const available: Record<string, boolean> = {};

  beforeAll(async () => {
    node = await vectors({ tokens: {} });
    for (const name of Object.keys(RUNTIMES)) available[name] = await canRun(`${BIN}${name}`);
    available.workerd &&= available.bun; // workerd's bundle is built with bun
  });

  it('Node signs the golden values', () => {
    expect(node.tokens.plain).toBe(GOLDEN.plain);
    expect(node.tokens.cookie).toBe(GOLDEN.cookie);
  });

  it.for(Object.keys(RUNTIMES))('%s signs as Node does, verifies what Node signed, and the reverse', async (name, ctx) => {
    if (!available[name]) {
      console.warn(`${name}: binary cannot run here, cross-runtime signing test skipped`);
      return ctx.skip();
    }
    const there = await RUNTIMES[name]({ tokens: node.tokens, sessionCookie: node.sessionCookie });
    expect(there.tokens).toEqual(node.tokens);
    expect(there.verified).toEqual(EXPECTED_VERIFIED);
    expect(there.sessionRead).toEqual(SESSION_DATA);
    // Back on Node: what that runtime made verifies here, its encrypted cookie opens here.
    const back = await vectors({ tokens: there.tokens, sessionCookie: there.sessionCookie });
    expect(back.verified).toEqual(EXPECTED_VERIFIED);
    expect(back.sessionRead).toEqual(SESSION_DATA);
  });
});
