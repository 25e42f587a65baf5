// tsx (esbuild) runs the fixture itself. It takes the decorator mode from the tsconfig.json in the
// working directory, or from --tsconfig, and applies it only to the files that tsconfig includes.
import { describe, expect, it } from 'vitest';
import { EXPECTED } from './probe.js';
import { BIN, printed, run } from './run.js';

describe('@MyRequest.application under tsx (esbuild)', () => {
  it('standard decorators (the repository tsconfig.json)', async () => {
    const ran = await run(`${BIN}tsx`, ['test/toolchains/standard/print.ts']);
    expect(printed(ran)).toEqual({ form: 'standard', ...EXPECTED });
  });

  it('legacy decorators (--tsconfig with experimentalDecorators)', async () => {
    const ran = await run(`${BIN}tsx`, ['--tsconfig', 'test/toolchains/legacy/tsconfig.json', 'test/toolchains/legacy/print.ts']);
    expect(printed(ran)).toEqual({ form: 'legacy', ...EXPECTED });
  });
});
