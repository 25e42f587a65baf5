// This repository's own vitest 4 on vite 8 transforms with oxc, which lowers only legacy
// decorators: legacy/site.ts gets them from legacy/tsconfig.json, the tsconfig.json nearest to it
// (oxc reads the nearest one for each file; `oxc: { decorator: { legacy: true } }` in the vitest
// config does the same for every file). standard/site.ts could not be imported here at all.
import { readFileSync } from 'node:fs';
import { transformWithOxc, version } from 'vite';
import { describe, expect, it } from 'vitest';
import * as site from './legacy/site.js';
import { EXPECTED, probe } from './probe.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe(`@MyRequest.application under vitest on vite ${version} (oxc)`, () => {
  it('works with experimentalDecorators from the nearest tsconfig.json', async () => {
    expect(await probe(site)).toEqual({ form: 'legacy', ...EXPECTED });
  });

  it('compiles the same module as the other toolchains', () => {
    expect(read('./legacy/site.ts')).toBe(read('./standard/site.ts'));
    expect(read('./legacy/print.ts')).toBe(read('./standard/print.ts'));
    expect(JSON.parse(read('./legacy/tsconfig.json')).compilerOptions.experimentalDecorators).toBe(true);
  });

  // When this fails, oxc has learnt standard decorators: docs/testing.md should say so.
  it('oxc still leaves standard decorators as they are (Node cannot parse them)', async () => {
    const file = new URL('./standard/site.ts', import.meta.url).pathname;
    const out = await transformWithOxc(read('./standard/site.ts'), file);
    expect(out.code).toContain('@MyRequest.application');
  });
});
