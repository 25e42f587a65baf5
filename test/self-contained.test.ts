/**
 * A newcomer's clone has nothing beside it: no test, script or example may read outside the
 * repository (the team's reference material in the `shared` folder beside it exists only on the
 * developers' machines).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../', import.meta.url).pathname;
const SCANNED = ['test', 'scripts', 'examples', 'bench', 'vitest.config.ts', 'package.json', '.ci'];
const SKIPPED = new Set(['node_modules', 'fixtures', 'dist']);
const OUTSIDE = /\.\.\/shared\b|['"`/]shared\/(fixtures|bench|research)\b/;

function* files(path: string): Generator<string> {
  if (statSync(path).isFile()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    yield* files(join(path, entry.name));
  }
}

describe('the repository is self-contained', () => {
  it('no test, script or example reaches into the shared folder beside the repository', () => {
    const offenders: string[] = [];
    for (const top of SCANNED) {
      let found: Generator<string>;
      try {
        statSync(join(ROOT, top));
        found = files(join(ROOT, top));
      } catch {
        continue;
      }
      for (const file of found) {
        if (file.endsWith('self-contained.test.ts')) continue;
        if (OUTSIDE.test(readFileSync(file, 'utf8'))) offenders.push(relative(ROOT, file));
      }
    }
    expect(offenders, 'copy what these files need into the repository (test/fixtures/)').toEqual([]);
  });
});
