// The esbuild plugins of scripts/build.js, and what it does to esbuild's output before writing it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { dirname, join, relative } from 'node:path';
import { LAYERS, lazyName, layerSpecifier } from './layout.js';

/**
 * qs, which only `req.query` uses, bundled but evaluated on first use. qs is CommonJS with about
 * 50 files under it (side-channel, get-intrinsic, object-inspect, ...): it is bundled and minified
 * at build time into one function (with side-channel.cjs for side-channel, and qs's parse alone:
 * 16 KB instead of 55 KB), and `import qs from 'qs'` in src/ is answered by a module whose
 * `parse` runs that function when first called. No `require` exists at run time (workerd has none
 * in ES modules), and `req.query` stays a synchronous getter. Only `parse` exists: using another
 * member in src/ means adding it here (test/build/bundle.test.ts parses a nested query from dist/).
 *
 * Returns the esbuild plugin, and the metafile of the copy (for the license file).
 */
export async function lazyQs(root) {
  const copy = await build({
    absWorkingDir: root,
    // qs/lib/parse.js alone: the copy leaves out qs's stringify, which src/ does not use (16 KB of
    // minified code instead of 21 KB, parsed by every runtime on import even though it runs later).
    stdin: { contents: "module.exports = { parse: require('qs/lib/parse') };", resolveDir: root, sourcefile: 'qs-copy.js' },
    bundle: true,
    alias: { 'side-channel': './scripts/build/side-channel.cjs' },
    format: 'iife',
    globalName: 'qsCopy',
    // Resolved as for browsers: object-inspect's `browser` field drops its require of node:util.
    platform: 'browser',
    target: 'es2022',
    minify: true,
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  const contents = [
    'let loaded;',
    `const load = () => (loaded ??= (() => { ${copy.outputFiles[0].text.trim()}\nreturn qsCopy; })());`,
    'export default { parse: (query, options) => load().parse(query, options) };',
  ].join('\n');
  const plugin = {
    name: 'lazy-qs',
    setup(build) {
      build.onResolve({ filter: /^qs$/ }, () => ({ path: 'qs', namespace: 'lazy-qs' }));
      build.onLoad({ filter: /.*/, namespace: 'lazy-qs' }, () => ({ contents, loader: 'js' }));
    },
  };
  return { plugin, metafile: copy.metafile };
}

/** The resolved path of an import, relative to `root` (`src/x.ts`), or undefined. */
async function resolvePath(build, root, args) {
  const resolved = await build.resolve(args.path, {
    kind: args.kind,
    resolveDir: args.resolveDir,
    importer: args.importer,
    pluginData: { inner: true },
  });
  return resolved.errors.length > 0 ? undefined : { file: relative(root, resolved.path), resolved };
}

/**
 * A layer's file (layout.js), whose entry is `source`; a module it imports
 * only dynamically (the debug page, the HTTP/2 server, mime) stays a file of its own in
 * dist/chunks/, built by the last step; modules of the layers before it are imported from their
 * files (`layerImports`).
 */
export function layerEntry(root, source, lazy, out) {
  return {
    name: 'layer-entry',
    setup(build) {
      build.onResolve({ filter: /^tsgi-layer:/ }, (args) => ({ path: args.path, namespace: 'layer-entry' }));
      build.onLoad({ filter: /.*/, namespace: 'layer-entry' }, () => ({ contents: source, resolveDir: root, loader: 'js' }));
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind !== 'dynamic-import' || args.pluginData?.inner || args.path.startsWith('node:')) return undefined;
        const target = await resolvePath(build, root, args);
        if (!target || !lazy.has(target.file)) return undefined;
        const path = relative(dirname(`dist/${out}.js`), `dist/chunks/${lazyName(target.file)}.js`);
        return { path: path.startsWith('.') ? path : `./${path}`, external: true };
      });
    },
  };
}

/** Each import of a module of one of `layers` becomes an import of that layer's file. */
export function layerImports(root, layers) {
  return {
    name: 'layer-imports',
    setup(build) {
      build.onResolve({ filter: /^\./ }, async (args) => {
        if (args.pluginData?.inner || !relative(root, args.importer).startsWith('src/')) return undefined;
        const target = await resolvePath(build, root, args);
        const layer = target && layers.find(({ modules }) => modules.has(target.file));
        // Anything else resolves as usual (esbuild resolves it again, and reports what fails).
        return layer ? { path: layerSpecifier(layer.name), external: true } : undefined;
      });
    },
  };
}

/**
 * Writes the output files (`{ path, text }`: esbuild's, and the public entries of the layers),
 * after two fixes to the JavaScript that move no column (the source maps stay exact):
 * - each layer placeholder becomes the layer file's path relative to the file;
 * - classes get back the `name` that bundling takes from them. A class that refers to itself
 *   becomes `var Headers = class _Headers { ... }` in a bundle, and its `name` is then "_Headers"
 *   (in messages, stack traces and console output). esbuild's `keepNames` would fix it by wrapping
 *   every function, including those created per request (a `Response` is one), in a
 *   `name`-setting call; instead the file ends with one `defineProperty` per such class. That
 *   needs each class defined when its file has run, so no module may be wrapped for lazy
 *   evaluation (esbuild's `__esm`, which a dynamic import of a bundled module would bring).
 * It also checks that core.js, which every runtime loads, imports no Node module.
 */
export function writeOutputs(root, outputFiles, layerFiles) {
  const layerFile = (name) => layerFiles[name];
  for (const file of outputFiles) {
    let text = file.text;
    if (file.path.endsWith('.js')) {
      for (const { name } of LAYERS) {
        const placeholder = JSON.stringify(layerSpecifier(name));
        const path = relative(dirname(file.path), layerFile(name));
        const quoted = JSON.stringify(path.startsWith('.') ? path : `./${path}`);
        text = text.replaceAll(placeholder, quoted.padEnd(placeholder.length, ' '));
      }
      const selfNamed = [...text.matchAll(/\bvar ([\w$]+) ?= ?class _\1\b/g)].map((match) => match[1]);
      if (selfNamed.length > 0) {
        if (/\b__esm\(/.test(text)) throw new Error(`build: ${file.path} has lazily evaluated modules (__esm); fix class names there another way`);
        const fixes = selfNamed.map((name) => `Object.defineProperty(${name},"name",{value:${JSON.stringify(name)}});`).join('');
        const mapComment = text.lastIndexOf('\n//# sourceMappingURL=');
        text = mapComment < 0 ? `${text}${fixes}\n` : `${text.slice(0, mapComment)}\n${fixes}${text.slice(mapComment)}`;
      }
      if (file.path === layerFile('core') && /\bfrom\s*"node:|\bimport\s*\(?\s*"node:/.test(text)) {
        throw new Error('build: dist/chunks/core.js imports a node: module; the core must run on every runtime');
      }
    }
    mkdirSync(dirname(file.path), { recursive: true });
    // The bin keeps its shebang (esbuild copies it) and must be executable from a checkout too.
    writeFileSync(file.path, text, text.startsWith('#!') ? { mode: 0o755 } : undefined);
  }
}

/**
 * dist/THIRD-PARTY-LICENSES.md: the license of every package bundled into dist/, with its
 * version, as their licenses (MIT, BSD-3-Clause) ask of copies.
 */
export function writeLicenses(root, metafiles) {
  const packages = new Map();
  for (const input of metafiles.flatMap((metafile) => Object.keys(metafile.inputs))) {
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) packages.set(match[1], input.slice(0, match.index + match[0].length));
  }
  const sections = [...packages].sort(([a], [b]) => a.localeCompare(b)).map(([name, dir]) => {
    const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    const licenseFile = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license', 'LICENCE'].find((file) => {
      try {
        readFileSync(join(root, dir, file));
        return true;
      } catch {
        return false;
      }
    });
    if (!licenseFile) throw new Error(`build: ${name} is bundled but has no license file to copy`);
    const text = readFileSync(join(root, dir, licenseFile), 'utf8').trim();
    return `## ${name} ${manifest.version} (${manifest.license})\n\n\`\`\`\n${text}\n\`\`\`\n`;
  });
  const header = '# Third-party licenses\n\nThese packages are bundled into the files of dist/ (see docs/dependencies.md).\n\n';
  writeFileSync(join(root, 'dist/THIRD-PARTY-LICENSES.md'), header + sections.join('\n'));
}
