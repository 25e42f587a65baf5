// tsc compiles the fixture with the repository's options, once with standard decorators and once
// with experimentalDecorators; both must type-check without an error, and node runs each output.
// Only the fixture goes through the type checker (a full check of src/ is the typecheck script's
// job and takes many seconds); the sources it imports have no decorators and are transpiled once.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPECTED } from './probe.js';
import { ROOT, printed, run } from './run.js';

const FIXTURE = ['standard/print.ts', 'standard/site.ts', 'probe.ts'].map((file) => join(ROOT, 'test/toolchains', file));

function repositoryOptions(): ts.CompilerOptions {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  return config!.options;
}

/** Writes every source under src/ that `program` holds, as JavaScript, into `dir`/src. */
function transpileSources(program: ts.Program, options: ts.CompilerOptions, dir: string): void {
  for (const source of program.getSourceFiles()) {
    if (source.isDeclarationFile || !source.fileName.startsWith(join(ROOT, 'src/'))) continue;
    // ESNext: transpileModule cannot see package.json's "type": "module", so NodeNext would give CommonJS.
    const compilerOptions = { ...options, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler };
    const { outputText } = ts.transpileModule(source.text, { compilerOptions, fileName: source.fileName });
    const out = join(dir, relative(ROOT, source.fileName)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText);
  }
}

const format = (diagnostics: readonly ts.Diagnostic[]) =>
  ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' });

describe('@MyRequest.application compiled by tsc', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsgi-tsc-'));
  // The output imports the dependencies by name, and is ESM like the sources.
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let previous: ts.Program | undefined;

  // In this order: the standard run writes the sources both runs import.
  for (const experimentalDecorators of [false, true]) {
    const mode = experimentalDecorators ? 'legacy' : 'standard';
    it(`${mode} decorators${experimentalDecorators ? ' (experimentalDecorators: true)' : ''} type-check and run`, async () => {
      const outDir = join(dir, mode);
      mkdirSync(outDir);
      const options: ts.CompilerOptions = {
        ...repositoryOptions(),
        experimentalDecorators,
        outDir,
        rootDir: ROOT,
        noEmit: false,
        declaration: false,
        sourceMap: false,
      };
      // The second program reuses the first one's parsed files (the mode changes no file set).
      const program = ts.createProgram({ rootNames: [FIXTURE[0]], options, oldProgram: previous });
      previous = program;
      const diagnostics = [
        ...program.getOptionsDiagnostics(),
        ...program.getGlobalDiagnostics(),
        ...FIXTURE.flatMap((file) => {
          const source = program.getSourceFile(file)!;
          return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
        }),
      ];
      expect(format(diagnostics)).toBe('');
      for (const file of FIXTURE) {
        const emitted = program.emit(program.getSourceFile(file));
        expect(format(emitted.diagnostics)).toBe('');
      }
      if (!experimentalDecorators) transpileSources(program, options, dir);
      symlinkSync(join(dir, 'src'), join(outDir, 'src'), 'dir');
      const ran = await run(process.execPath, [join(outDir, 'test/toolchains/standard/print.js')]);
      expect(printed(ran)).toEqual({ form: mode, ...EXPECTED });
    });
  }
});
