import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/gateway.js';
import raw from '../../examples/hello/raw.js';
import wrapper from '../../examples/hello/wrapper.js';
import currentTime from '../../examples/current-time.js';
import { rawEnviron, runRaw } from '../support/raw.js';

describe('README examples', () => {
  it('hello world in the raw protocol', async () => {
    expect((await runRaw(raw, rawEnviron({ PATH_INFO: '/x' }))).text).toBe('Hello from /x!');
  });

  it('hello world with Request.application', async () => {
    expect((await runRaw(wrapper, rawEnviron({ QUERY_STRING: 'name=Ada' }))).text).toBe('Hello, Ada!');
    expect((await runRaw(wrapper, rawEnviron())).text).toBe('Hello, World!');
  });

  // vitest's transform does not lower standard decorators, so tsc compiles the example as a user's
  // build would, against the built package (npm test builds before it runs the tests).
  it.skipIf(!existsSync('dist/index.js'))('hello world as a decorated method, compiled by tsc', async () => {
    const source = readFileSync('examples/hello/decorator.ts', 'utf8');
    const { outputText, diagnostics } = ts.transpileModule(source, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
      reportDiagnostics: true,
    });
    expect(diagnostics ?? []).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'tsgi-decorator-'));
    try {
      const file = join(dir, 'decorator.mjs');
      writeFileSync(file, outputText.replace("from 'tsgi'", `from '${pathToFileURL('dist/index.js').href}'`));
      const app = (await import(pathToFileURL(file).href)).default as App;
      expect((await runRaw(app, rawEnviron({ QUERY_STRING: 'name=Ada' }))).text).toBe('Hello, Ada!');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the current-time app answers GET /, 404 elsewhere and 501 for other methods', async () => {
    const ok = await runRaw(currentTime, rawEnviron());
    expect(ok.status).toBe('200 OK');
    expect(Date.parse(JSON.parse(ok.text).now)).toBeGreaterThan(0);
    expect((await runRaw(currentTime, rawEnviron({ PATH_INFO: '/nope' }))).status).toBe('404 Not Found');
    expect((await runRaw(currentTime, rawEnviron({ REQUEST_METHOD: 'POST' }))).status).toBe('501 Not Implemented');
    expect((await runRaw(currentTime, rawEnviron({ REQUEST_METHOD: 'HEAD' }))).text).toBe('');
  });
});
