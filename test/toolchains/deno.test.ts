// Deno transpiles the fixture itself. It reads the decorator mode from deno.json (compilerOptions),
// never from tsconfig.json: standard decorators by default. --sloppy-imports lets the `.js`
// specifiers of TypeScript sources point at their `.ts` files.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED } from './probe.js';
import { BIN, canRun, printed, run } from './run.js';

const DENO = ['run', '--no-prompt', '--sloppy-imports'];

describe('@MyRequest.application under Deno', () => {
  let runnable = false;
  const dir = mkdtempSync(join(tmpdir(), 'tsgi-deno-'));
  beforeAll(async () => {
    runnable = await canRun(`${BIN}deno`);
    if (!runnable) console.warn('Deno cannot run here: the Deno toolchain test is skipped');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('standard decorators', async (ctx) => {
    if (!runnable) return ctx.skip();
    const ran = await run(`${BIN}deno`, [...DENO, 'test/toolchains/standard/print.ts']);
    expect(printed(ran)).toEqual({ form: 'standard', ...EXPECTED });
  });

  it('legacy decorators (experimentalDecorators in deno.json)', async (ctx) => {
    if (!runnable) return ctx.skip();
    const config = join(dir, 'deno.json');
    // "manual": use the repository's node_modules, as Deno does without a config beside package.json.
    writeFileSync(config, JSON.stringify({ compilerOptions: { experimentalDecorators: true }, nodeModulesDir: 'manual' }));
    const ran = await run(`${BIN}deno`, [...DENO, '--config', config, 'test/toolchains/legacy/print.ts']);
    expect(printed(ran)).toEqual({ form: 'legacy', ...EXPECTED });
  });
});
