// `npm run build`: declarations from tsc, JavaScript from esbuild, one file per entry point.
//
// Why bundle: Node resolves, reads and compiles every ES module file separately, and tsc's output
// was 180 files plus about 55 CommonJS files under qs; importing `tsgi` took 3x Hono's time
// (bench/imports.js, bench/README.md "Import time"). Each entry of package.json's `exports` (and
// the bin) becomes one file; code that several entries share goes to chunks in dist/chunks/, so
// `tsgi` and `tsgi/node` load the same `Request` class.
//
//   node scripts/build.js              the package build
//   node scripts/build.js --unbundled  one JavaScript file per source file, as tsc emitted them:
//                                      for bench/profile.js, which attributes CPU time by file
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { checkLayerExports, importedNames, layerOutput, plan, sourceFiles } from './build/layout.js';
import { lazyQs, layerEntry, layerImports, writeLicenses, writeOutputs } from './build/plugins.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const unbundled = process.argv.includes('--unbundled');

/** tsc writes only declarations and their maps (tsconfig.build.json: emitDeclarationOnly). */
function declarations() {
  return new Promise((resolve, reject) => {
    const tsc = spawn(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: root,
      stdio: 'inherit',
    });
    tsc.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tsc exited with ${code}`))));
  });
}

const common = {
  absWorkingDir: root,
  outdir: 'dist',
  outbase: 'src',
  format: 'esm',
  target: 'es2022',
  sourcemap: true,
  // As tsc's maps did: they point at src/, which the package does not ship.
  sourcesContent: false,
  logLevel: 'warning',
};

const bundled = {
  ...common,
  bundle: true,
  // V8 compiles every byte of a module when it is imported, and indentation and line breaks were
  // a third of core.js: 3 ms of `import 'tsgi'` (bench/README.md, "Import time"). Names stay, so
  // stack traces keep them; the source maps give the lines (node --enable-source-maps).
  minifyWhitespace: true,
  // The core runs on every runtime, so dependencies are resolved as for browsers: their
  // `browser` field wins (object-inspect, under qs, would otherwise require node:util). src/
  // reads no process.env.NODE_ENV, which this platform would define.
  platform: 'browser',
  // node:* stays an import of the runtime's module; tough-cookie stays a dependency because the
  // test client's public type `ClientCookies.jar` is its `CookieJar` (docs/dependencies.md); ws
  // stays one, imported by tsgi/node on the first WebSocket handshake only (and, bundled for
  // this platform, its `browser` field would swap in a stub that throws).
  external: ['node:*', 'tough-cookie', 'ws'],
  metafile: true,
  write: false,
};

/** package.json's `exports` and `bin` targets in dist/, as esbuild entries (`src/x.ts` -> `x`). */
function publicEntries() {
  const targets = [...Object.values(manifest.exports), ...Object.values(manifest.bin)]
    .map((target) => (typeof target === 'string' ? target : target.default))
    .filter((target) => target.startsWith('./dist/') && target.endsWith('.js'));
  return [...new Set(targets)].map((target) => {
    const out = target.replace(/^\.\/dist\//, '').replace(/\.js$/, '');
    return { in: `src/${out}.ts`, out };
  });
}

async function javascript() {
  if (unbundled) {
    await build({ ...common, entryPoints: sourceFiles(root), bundle: false });
    return;
  }
  const qs = await lazyQs(root);
  // What each module exports and imports, and from that the layers (scripts/build/layout.js).
  const survey = await build({ ...bundled, entryPoints: sourceFiles(root), splitting: true, plugins: [qs.plugin] });
  const { exportsOf, layers, lazy, rest } = plan(survey.metafile, publicEntries());
  // The other entries first, then the layers from the last to the first: each layer then knows
  // which of its bindings the files built before it import (layout.js, `layerOutput`).
  const builds = [
    await build({
      ...bundled,
      entryPoints: rest,
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      plugins: [qs.plugin, layerImports(root, layers)],
    }),
  ];
  const files = {};
  for (const [index, layer] of [...layers.entries()].reverse()) {
    const imported = importedNames(builds.flatMap((result) => result.outputFiles), layer);
    const output = layerOutput(layer, exportsOf, imported);
    files[layer.name] = join(root, 'dist', `${output.out}.js`);
    const result = await build({
      ...bundled,
      entryPoints: [{ in: `tsgi-layer:${layer.name}`, out: output.out }],
      plugins: [qs.plugin, layerEntry(root, output.source, lazy, output.out), layerImports(root, layers.slice(0, index))],
    });
    if (output.check) checkLayerExports(layer, exportsOf, Object.values(result.metafile.outputs).find((entry) => entry.entryPoint).exports);
    if (output.stub) result.outputFiles.push({ path: join(root, 'dist', `${output.stub.out}.js`), text: output.stub.text });
    builds.push(result);
  }
  writeOutputs(root, builds.flatMap((result) => result.outputFiles), files);
  writeLicenses(root, [qs.metafile, ...builds.map((result) => result.metafile)]);
}

rmSync(join(root, 'dist'), { recursive: true, force: true });
await Promise.all([declarations(), javascript()]);
