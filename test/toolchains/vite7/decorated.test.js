// Run by test/toolchains/vite7.test.ts with this folder's vitest 3 and vite 7.
import { version } from 'vite';
import { expect, it } from 'vitest';
import * as site from '../standard/site.ts';
import { EXPECTED, probe } from '../probe.ts';

it(`@MyRequest.application under vitest on vite ${version} (esbuild), standard decorators`, async () => {
  expect(version).toMatch(/^7\./);
  expect(await probe(site)).toEqual({ form: 'standard', ...EXPECTED });
});
