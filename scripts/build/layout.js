// Which file of dist/ each module of src/ goes into (scripts/build.js).
//
// Why not esbuild's code splitting alone: it makes one chunk per set of entries that share a
// module, which for tsgi's nine entries was 25 chunks, 14 of them loaded by `import 'tsgi'`, and
// each file costs Node a resolve, a read and a compile (bench/README.md, "Import time"). So the
// modules are laid out in layers, each one file that exports every binding of its modules:
// - core (dist/chunks/core.js): everything `src/index.ts` reaches, plus the Web-standard modules
//   that both tsgi/node and another entry use (they cannot live in the node layer, which imports
//   node:*, nor in a chunk shared by the other entries, which the node layer would then import);
// - node (dist/chunks/node.js, re-exported by dist/adapters/node/index.js, see `layerOutput`):
//   the rest of what `src/adapters/node/index.ts` reaches; the HTTP/2 and WebSocket code, loaded
//   by `serve` and the first upgrade with import(), are chunks that import from it.
// dist/index.js re-exports core's public bindings. The other entries (and modules the layers
// import dynamically) are built with esbuild's splitting for what only they share, importing
// what they use of a layer from its file. `tsgi` and `tsgi/fetch` are then two files each,
// `tsgi/node` three.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Each layer, in build order: its name (dist/chunks/<name>.js) and the entry that defines it. */
export const LAYERS = [
  { name: 'core', entry: 'src/index.ts' },
  { name: 'node', entry: 'src/adapters/node/index.ts' },
];
const NODE_FAMILY = ['src/adapters/node/index.ts', 'src/cli.ts'];

/**
 * Placeholder for a layer's file in imports; each output gets the path relative to itself. It is
 * longer than any such path, which is written padded with spaces after its closing quote, so no
 * column moves and the source maps stay exact.
 */
export const layerSpecifier = (name) => `__tsgi_layer__/${name}`.padEnd(48, '_');

/** Every source module, for the survey. */
export function sourceFiles(root) {
  return readdirSync(join(root, 'src'), { recursive: true })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => join('src', file));
}

/**
 * From a metafile of every source module bundled as an entry, and the public entries
 * (`{ in: 'src/x.ts', out: 'x' }`): the names each module exports (`export *` resolved), the
 * modules of each layer, and the entries of the last step.
 */
export function plan(metafile, publicEntries) {
  const exportsOf = new Map();
  for (const output of Object.values(metafile.outputs)) {
    if (output.entryPoint) exportsOf.set(output.entryPoint, output.exports);
  }
  const imports = (file) => metafile.inputs[file]?.imports ?? [];
  const closure = (roots) => {
    const seen = new Set();
    const queue = [...roots];
    while (queue.length > 0) {
      const file = queue.pop();
      if (seen.has(file)) continue;
      seen.add(file);
      for (const { path, kind, external } of imports(file)) {
        if (!external && kind !== 'dynamic-import' && path.startsWith('src/')) queue.push(path);
      }
    }
    return seen;
  };
  const importsNode = (file) => imports(file).some(({ path, external }) => external && path.startsWith('node:'));
  const webSafe = (file) => ![...closure([file])].some(importsNode);

  const others = publicEntries.map((entry) => entry.in).filter((file) => !LAYERS.some((layer) => layer.entry === file));
  const webReach = closure(others.filter((file) => !NODE_FAMILY.includes(file)));
  const nodeReach = closure(NODE_FAMILY);
  const shared = [...nodeReach].filter((file) => webReach.has(file) && webSafe(file));
  const core = closure([LAYERS[0].entry, ...shared]);
  const node = new Set([...closure([LAYERS[1].entry])].filter((file) => !core.has(file)));
  const layers = [
    { ...LAYERS[0], modules: core },
    { ...LAYERS[1], modules: node },
  ];

  // Modules (and packages) a layer imports only dynamically are entries of the last step.
  const lazy = new Set();
  for (const layer of layers) {
    for (const file of layer.modules) {
      for (const { path, kind, external } of imports(file)) {
        if (kind === 'dynamic-import' && !external && !core.has(path) && !node.has(path)) lazy.add(path);
      }
    }
  }
  const rest = [
    ...publicEntries.filter((entry) => others.includes(entry.in)),
    ...[...lazy].map((file) => ({ in: `./${file}`, out: `chunks/${lazyName(file)}` })),
  ];
  return { exportsOf, layers, lazy, rest };
}

/**
 * The file of a lazily imported module in dist/chunks/: `src/debug/page.ts` -> `debug_page`,
 * `node_modules/mime/dist/src/index.js` -> `mime`.
 */
export function lazyName(file) {
  const dependency = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  return (dependency ? dependency[1] : file.replace(/^src\//, '').replace(/\.ts$/, '')).replace(/\W/g, '_');
}

/**
 * The names that `outputFiles` (esbuild's output, placeholders not yet replaced) import from
 * `layer`'s file; `null` when one imports its namespace, which needs every name.
 */
export function importedNames(outputFiles, layer) {
  const names = new Set();
  const from = JSON.stringify(layerSpecifier(layer.name)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const { text } of outputFiles) {
    if (new RegExp(`import\\s*\\*\\s*as\\s*[\\w$]+\\s*from\\s*${from}`).test(text)) return null;
    for (const match of text.matchAll(new RegExp(`(?:import|export)\\s*\\{([^}]*)\\}\\s*from\\s*${from}`, 'g'))) {
      for (const item of match[1].split(',')) if (item.trim()) names.add(item.trim().split(/\\s+as\\s+/)[0]);
    }
  }
  return names;
}

/**
 * What a layer's file holds and where it goes. When the other files import only public bindings
 * of it (tsgi/node: the CLI uses `serve`), the layer is its public entry and exports just those:
 * one file and one import fewer between `import 'tsgi/node'` and the code, which measured 5-10%
 * of its import time. Otherwise (core: the other entries use its internals) it is
 * dist/chunks/<name>.js exporting every binding of its modules, and the public entry (`stub`)
 * re-exports the public ones from it.
 */
export function layerOutput(layer, exportsOf, imported) {
  const publicNames = exportsOf.get(layer.entry);
  const out = layer.entry.replace(/^src\//, '').replace(/\.ts$/, '');
  if (imported !== null && [...imported].every((name) => publicNames.includes(name))) {
    return { out, source: `export * from './${layer.entry}';`, check: false };
  }
  return {
    out: `chunks/${layer.name}`,
    source: [...layer.modules].map((file) => `export * from './${file}';`).join('\n'),
    check: true,
    stub: { out, text: `export { ${publicNames.join(', ')} } from ${JSON.stringify(layerSpecifier(layer.name))};\n` },
  };
}

/**
 * Throws unless a layer's file exports every binding of its modules: `export *` drops a name that
 * two modules export as different bindings, and the other files import a layer's modules by name.
 */
export function checkLayerExports(layer, exportsOf, layerExports) {
  const have = new Set(layerExports);
  for (const file of layer.modules) {
    for (const name of exportsOf.get(file) ?? []) {
      if (have.has(name)) continue;
      const others = [...layer.modules].filter((other) => other !== file && exportsOf.get(other)?.includes(name));
      throw new Error(
        `build: dist/chunks/${layer.name}.js cannot export ${name} of ${file}` +
          (others.length > 0
            ? `: ${others.join(', ')} export(s) another ${name}; modules of one layer need distinct export names`
            : ' (a default export?)'),
      );
    }
  }
}
