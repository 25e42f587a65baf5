// vitest 3 on vite 7 transforms with esbuild, which lowers standard decorators (and legacy ones
// when the tsconfig.json nearest to a file sets experimentalDecorators). The project in vite7/ is
// installed by scripts/setup/vite7.sh (npm test runs it first); its own vitest runs its test.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run } from './run.js';

const DIR = join(ROOT, 'test/toolchains/vite7');
const VITEST = join(DIR, 'node_modules/.bin/vitest');

function installed(): string | null {
  if (!existsSync(VITEST)) return 'not installed';
  const stamp = join(DIR, 'node_modules/.tsgi-installed-lock');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== readFileSync(join(DIR, 'package-lock.json'), 'utf8')) {
    return 'installed from another package-lock.json';
  }
  return null;
}

describe('@MyRequest.application under vitest 3 on vite 7 (esbuild)', () => {
  it('standard decorators, in the nested project test/toolchains/vite7', async (ctx) => {
    const problem = installed();
    if (problem) {
      console.warn(`test/toolchains/vite7 is ${problem} (run: bash scripts/setup/vite7.sh): the vite 7 test is skipped`);
      return ctx.skip();
    }
    const vite = JSON.parse(readFileSync(join(DIR, 'node_modules/vite/package.json'), 'utf8')) as { version: string };
    expect(vite.version).toMatch(/^7\./);
    const ran = await run(VITEST, ['run'], { cwd: DIR, timeout: 60_000 });
    expect(ran.code, ran.output).toBe(0);
    expect(ran.output).toMatch(/Tests\s+1 passed/);
  });
});
