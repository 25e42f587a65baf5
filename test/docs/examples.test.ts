/**
 * The docs cannot drift: every TypeScript block in README.md and docs/*.md is type-checked against
 * the built package, exactly as a user imports it (`tsgi`, `tsgi/test`, `tsgi/node`, `tsgi/fetch`,
 * `tsgi/middleware`), and the blocks that are whole programs are run. Every relative link of those
 * files must point at a file that `npm pack` ships.
 *
 * Each ```ts block carries a marker on the line right before its opening fence:
 *
 *   <!-- example: run -->       a whole program: type-checked, then run with node. It must finish on
 *                               its own (port 0 and close() for a server, nothing left open) and
 *                               exit 0; it checks what it shows with `node:assert`.
 *   <!-- example: module -->    a whole module, type-checked only (it serves on a fixed port, is a
 *                               test file for vitest, exports an app for `tsgi serve`...).
 *   <!-- example: fragment -->  a piece of code, type-checked as a module with `PRELUDE` (below)
 *                               appended: it imports the common tsgi names and declares `app`, `req`,
 *                               `res`, `client`, `environ`... Anything the block declares or imports
 *                               itself replaces the prelude's name.
 *   <!-- example: skip: <reason> -->  not checked, for the reason given (for example a block quoted
 *                               verbatim from a file that another test checks).
 *
 * A TypeScript block without a valid marker, or that does not compile under `strict`, fails.
 * All blocks are compiled in one TypeScript program (one compiler run, in this process), in a
 * temporary project whose `node_modules/tsgi` links to this repository, so the `exports` map and
 * the `.d.ts` files of `dist/` are what the examples see: `npm test` builds `dist/` first; when
 * running this file alone, `npm run build` before.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeBlocks, relativeLinks, topLevelNames, TYPESCRIPT, type CodeBlock } from './markdown.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** What a fragment may use without importing or declaring it. */
const PRELUDE = {
  imports: {
    tsgi: [
      'Request', 'Response', 'MultiDict', 'Headers', 'FileStorage', 'HTTPException', 'BadRequest',
      'NotFound', 'Forbidden', 'Unauthorized', 'MethodNotAllowed', 'abort', 'redirect', 'asApp',
      'secureFilename', 'type App', 'type Environ', 'type StartResponse', 'type HeaderList', 'type Body',
    ],
    'tsgi/test': ['Client', 'TestResponse', 'createEnviron'],
    'tsgi/middleware': ['proxyFix', 'dispatcher', 'compress', 'lint'],
  } as Record<string, string[]>,
  declarations: {
    app: 'App',
    req: 'Request',
    res: 'Response',
    client: 'Client',
    environ: 'Environ',
    startResponse: 'StartResponse',
    bytes: 'Uint8Array<ArrayBuffer>',
  } as Record<string, string>,
};

/** The prelude a fragment gets, minus the names it has of its own. */
function preludeFor(code: string): string {
  const own = topLevelNames(code);
  const lines: string[] = [];
  for (const [from, names] of Object.entries(PRELUDE.imports)) {
    const wanted = names.filter((name) => !own.has(name.replace(/^type /, '')));
    if (wanted.length) lines.push(`import { ${wanted.join(', ')} } from '${from}';`);
  }
  for (const [name, type] of Object.entries(PRELUDE.declarations)) {
    if (!own.has(name)) lines.push(`declare const ${name}: ${type};`);
  }
  return lines.join('\n');
}

const MARKDOWN = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).sort().map((name) => `docs/${name}`)];
const BLOCKS = MARKDOWN.flatMap((file) => codeBlocks(file, readFileSync(join(ROOT, file), 'utf8'))).filter((block) => TYPESCRIPT.has(block.lang));

const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noImplicitOverride: true,
  verbatimModuleSyntax: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  types: ['node'],
  skipLibCheck: true,
  sourceMap: false,
  declaration: false,
};

interface Compiled {
  block: CodeBlock;
  kind: string;
  source: string;
  js: string;
  diagnostics: string[];
}

let project = '';
let packed: Promise<string>;
const compiled = new Map<CodeBlock, Compiled>();
const runs = new Map<CodeBlock, Promise<{ code: number | string; output: string }>>();

function blockName(block: CodeBlock): string {
  return `${block.file.replace(/[^\w]+/g, '_')}_L${block.line}`;
}

const hasBuild = existsSync(join(ROOT, 'dist/index.d.ts'));

describe.skipIf(!hasBuild)('examples in README.md and docs/*.md', () => {
  beforeAll(() => {
    // npm pack runs in the background while the examples compile.
    packed = new Promise((done, fail) => {
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
      execFile(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }, (error, stdout) => {
        if (error) fail(error);
        else done(stdout);
      });
    });
    project = mkdtempSync(join(tmpdir(), 'tsgi-docs-'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'docs-examples', private: true, type: 'module' }));
    mkdirSync(join(project, 'node_modules/@types'), { recursive: true });
    symlinkSync(ROOT, join(project, 'node_modules/tsgi'), 'dir');
    // A test file in docs/testing.md imports vitest; @types/node gives the examples Node's globals.
    symlinkSync(join(ROOT, 'node_modules/vitest'), join(project, 'node_modules/vitest'), 'dir');
    symlinkSync(join(ROOT, 'node_modules/@types/node'), join(project, 'node_modules/@types/node'), 'dir');
    mkdirSync(join(project, 'src'));

    const files: string[] = [];
    for (const block of BLOCKS) {
      const marker = block.marker;
      if (!marker || 'error' in marker || marker.kind === 'skip') continue;
      const source = marker.kind === 'fragment' ? `${block.code}\n\n// prelude\n${preludeFor(block.code)}\nexport {};\n` : block.code;
      const file = join(project, 'src', `${blockName(block)}.ts`);
      writeFileSync(file, source);
      files.push(file);
      compiled.set(block, { block, kind: marker.kind, source: file, js: join(project, 'out', `${blockName(block)}.js`), diagnostics: [] });
    }

    const options = { ...COMPILER_OPTIONS, rootDir: join(project, 'src'), outDir: join(project, 'out') };
    const program = ts.createProgram(files, options);
    const global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
    if (global.length) throw new Error(ts.formatDiagnostics(global, formatHost));
    for (const entry of compiled.values()) {
      const sourceFile = program.getSourceFile(entry.source)!;
      const diagnostics = ts.getPreEmitDiagnostics(program, sourceFile);
      entry.diagnostics = diagnostics.map((diagnostic) => describeDiagnostic(entry, diagnostic));
      if (entry.kind === 'run' && diagnostics.length === 0) program.emit(sourceFile);
    }
    // The examples run two at a time from here on; each test waits for its own.
    const limit = limiter(2);
    for (const entry of compiled.values()) {
      if (entry.kind === 'run' && entry.diagnostics.length === 0) runs.set(entry.block, limit(() => runNode(entry.js)));
    }
  }, 120_000);

  afterAll(() => {
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('finds the TypeScript blocks', () => {
    expect(BLOCKS.length).toBeGreaterThan(30);
    expect(BLOCKS.filter((block) => block.file === 'docs/guide.md' && markerName(block) === 'run').length).toBeGreaterThanOrEqual(16);
  });

  it('every example marker sits on the line right before a TypeScript block', () => {
    const stray: string[] = [];
    for (const file of MARKDOWN) {
      const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
      lines.forEach((line, index) => {
        if (!/<!--\s*example:/.test(line)) return;
        const fence = /^\s*(?:`{3,}|~{3,})\s*([\w+-]*)/.exec(lines[index + 1] ?? '');
        if (!fence || !TYPESCRIPT.has(fence[1].toLowerCase())) stray.push(`${file}:${index + 1}: ${line.trim()}`);
      });
    }
    expect(stray).toEqual([]);
  });

  it('README.md quotes the example files it links to as they are', () => {
    const quoted = BLOCKS.filter((block) => block.file === 'README.md').map((block) => block.code.trim());
    for (const file of ['examples/hello/raw.ts', 'examples/hello/wrapper.ts', 'examples/hello/decorator.ts', 'examples/current-time.ts']) {
      // The files open with a comment line that the README says in prose.
      const source = readFileSync(join(ROOT, file), 'utf8').replace(/^(\/\/.*\n)+/, '').trim();
      expect(quoted, `README.md must quote ${file} as it is`).toContain(source);
    }
  });

  it.each(BLOCKS.map((block) => [`${block.file}:${block.line} (${markerName(block)})`, block] as const))('%s', async (_name, block) => {
    const marker = block.marker;
    expect(marker, `${block.file}:${block.line}: a TypeScript block needs a marker such as <!-- example: module --> on the line before it`).toBeDefined();
    if (marker && 'error' in marker) expect.fail(`${block.file}:${block.line - 1}: ${marker.error}`);
    if (!marker || marker.kind === 'skip') return;
    const entry = compiled.get(block)!;
    if (entry.diagnostics.length) expect.fail(`does not compile:\n${entry.diagnostics.join('\n')}`);
    if (entry.kind !== 'run') return;
    const { code, output } = await runs.get(block)!;
    if (code !== 0) expect.fail(`${block.file}:${block.line}: the example exited with ${code}:\n${output}`);
  });

  it('every relative link in README.md and docs/*.md points at a file the package ships', async () => {
    const json = await packed;
    const [{ files }] = JSON.parse(json.slice(json.indexOf('['))) as Array<{ files: Array<{ path: string }> }>;
    const shipped = new Set(files.map((file) => file.path));
    const broken: string[] = [];
    for (const file of MARKDOWN) {
      expect(shipped, `${file} itself must ship`).toContain(file);
      for (const { target, line } of relativeLinks(readFileSync(join(ROOT, file), 'utf8'))) {
        const path = posix.normalize(posix.join(posix.dirname(file), decodeURIComponent(target.replace(/[#?].*$/, ''))));
        const ok = path === '.' || shipped.has(path) || [...shipped].some((shippedFile) => shippedFile.startsWith(`${path.replace(/\/$/, '')}/`));
        if (!ok) broken.push(`${file}:${line}: ${target} (${path} is not in the package)`);
      }
    }
    expect(broken).toEqual([]);
  });
});

function markerName(block: CodeBlock): string {
  const marker = block.marker;
  if (!marker) return 'no marker';
  if ('error' in marker) return 'bad marker';
  return marker.kind === 'skip' ? `skip: ${marker.reason}` : marker.kind;
}

const formatHost: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (name) => name,
  getCurrentDirectory: () => ROOT,
  getNewLine: () => '\n',
};

/** A diagnostic as `docs/guide.md:42: error TS2322: ...`, on the Markdown line it comes from. */
function describeDiagnostic(entry: Compiled, diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n  ');
  if (!diagnostic.file || diagnostic.start === undefined) return `${entry.block.file}:${entry.block.line}: TS${diagnostic.code}: ${message}`;
  const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  const blockLines = entry.block.code.split('\n').length;
  const where =
    diagnostic.file.fileName !== entry.source
      ? `${entry.block.file}:${entry.block.line} (in ${diagnostic.file.fileName})`
      : line < blockLines
        ? `${entry.block.file}:${entry.block.line + 1 + line}`
        : `${entry.block.file}:${entry.block.line} (prelude: ${diagnostic.file.text.split('\n')[line]})`;
  return `${where}: TS${diagnostic.code}: ${message}`;
}

/** Runs a compiled example; it must exit 0 on its own within 20 s. */
function runNode(file: string): Promise<{ code: number | string; output: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [file], { cwd: project, timeout: 20_000, killSignal: 'SIGKILL', encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = !error ? 0 : error.killed ? 'killed after 20 s (is something left open?)' : (error.code ?? 1);
      done({ code, output: `${stdout}${stderr}` });
    });
  });
}

/** Runs at most `count` tasks at a time. */
function limiter(count: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (active >= count) await new Promise<void>((resume) => waiting.push(resume));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}
