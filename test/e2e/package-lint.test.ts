// The package's manifest and types as tools for publishing check them: publint (exports, files,
// fields) and arethetypeswrong (every subpath resolves to ESM with its types under Node16 and
// bundler resolution; the package is ESM-only, so require() from CommonJS is not asked for).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const bin = (name: string) => join(root, 'node_modules/.bin', name);

describe.skipIf(!existsSync(join(root, 'dist/index.js')))('package lint', () => {
  it('publint finds nothing, warnings included', () => {
    const out = execFileSync(bin('publint'), ['--strict'], { cwd: root, encoding: 'utf8' });
    expect(out).toContain('All good!');
  }, 120_000);

  it('arethetypeswrong finds no problem for an ESM-only package', () => {
    // Exits non-zero on a problem, which fails the test with the report.
    const out = execFileSync(bin('attw'), ['--pack', '.', '--profile', 'esm-only', '--format', 'table-flipped'], { cwd: root, encoding: 'utf8' });
    expect(out).toContain('"tsgi/node"');
  }, 120_000);
});
