// Bun transpiles the fixture itself. Standard decorators unless the project's tsconfig.json sets
// experimentalDecorators (Bun 1.4.5 drops that setting from a tsconfig that uses "extends" unless
// the base sets it; a nested tsconfig.json does not count), or --tsconfig-override points at one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED } from './probe.js';
import { BIN, canRun, printed, run } from './run.js';

describe('@MyRequest.application under Bun', () => {
  let runnable = false;
  const dir = mkdtempSync(join(tmpdir(), 'tsgi-bun-'));
  beforeAll(async () => {
    runnable = await canRun(`${BIN}bun`);
    if (!runnable) console.warn('Bun cannot run here: the Bun toolchain test is skipped');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('standard decorators', async (ctx) => {
    if (!runnable) return ctx.skip();
    const ran = await run(`${BIN}bun`, ['test/toolchains/standard/print.ts']);
    expect(printed(ran)).toEqual({ form: 'standard', ...EXPECTED });
  });

  it('legacy decorators (experimentalDecorators in a tsconfig without "extends")', async (ctx) => {
    if (!runnable) return ctx.skip();
    const tsconfig = join(dir, 'tsconfig.json');
    writeFileSync(tsconfig, JSON.stringify({ compilerOptions: { target: 'ES2022', experimentalDecorators: true } }));
    const ran = await run(`${BIN}bun`, ['--tsconfig-override', tsconfig, 'test/toolchains/legacy/print.ts']);
    expect(printed(ran)).toEqual({ form: 'legacy', ...EXPECTED });
  });
});
