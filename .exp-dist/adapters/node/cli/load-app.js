/**
 * Finds and imports the app that `tsgi serve <module>[:<export>]` names.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CliError } from './args.js';
const EXPORT_NAME = /^[A-Za-z_$][\w$]*$/;
const TYPESCRIPT = /\.(?:c|m)?tsx?$/;
/**
 * Splits `path/to/app.js:api` into the module file and the export name.
 *
 * @example
 * ```ts
 * parseTarget('app.js:api', '/srv'); // { file: '/srv/app.js', exportName: 'api' }
 * ```
 */
export function parseTarget(target, cwd) {
    const colon = target.lastIndexOf(':');
    let modulePath = target;
    let exportName;
    if (colon > 0 && EXPORT_NAME.test(target.slice(colon + 1))) {
        modulePath = target.slice(0, colon);
        exportName = target.slice(colon + 1);
    }
    return { file: resolve(cwd, modulePath), exportName };
}
function importTarget(entry) {
    if (typeof entry === 'string' || entry === undefined)
        return entry;
    return importTarget(entry.import ?? entry.default);
}
/**
 * The ES module entry of `tsx/esm/api` in the user's project (next to the module, then from the
 * working directory). `require.resolve` would give its CommonJS entry, which cannot register the
 * loader from here, so the package's `exports` are read for the `import` condition.
 */
function tsxApi(file, cwd) {
    for (const base of [file, resolve(cwd, 'package.json')]) {
        let manifest;
        try {
            manifest = createRequire(base).resolve('tsx/package.json');
        }
        catch {
            continue; // not installed there
        }
        const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
        const target = importTarget(pkg.exports?.['./esm/api']);
        if (target)
            return join(dirname(manifest), target);
    }
    return undefined;
}
async function importModule(file, cwd) {
    const url = pathToFileURL(file).href;
    try {
        return (await import(url));
    }
    catch (error) {
        const code = error.code;
        if (error instanceof SyntaxError && !TYPESCRIPT.test(file))
            throw syntaxError(file, error);
        if (!TYPESCRIPT.test(file) || code !== 'ERR_UNKNOWN_FILE_EXTENSION')
            throw error;
    }
    const api = tsxApi(file, cwd);
    if (api === undefined) {
        const shown = shownPath(file, cwd);
        throw new CliError(`tsgi serve: ${shown} is TypeScript, and Node ${process.version} cannot load TypeScript by itself.\n` +
            `  Either build it to JavaScript first (for example "npx tsc") and serve the .js file,\n` +
            `  or install tsx in your project ("npm install -D tsx") and tsgi serve will use it.`, 1);
    }
    const tsx = (await import(pathToFileURL(api).href));
    if (typeof tsx.tsImport === 'function')
        return tsx.tsImport(url, import.meta.url);
    tsx.register?.();
    return (await import(url));
}
/**
 * An ES module's SyntaxError does not say where it is; `node --check` does, so ask it (this runs
 * only when loading already failed).
 */
function syntaxError(file, error) {
    const check = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8', timeout: 10_000 });
    const where = check.stderr?.trim();
    if (!where)
        return error;
    return new CliError(`tsgi serve: cannot load ${file}: ${error.message}\n${where}`, 1);
}
/**
 * A module path as the user would like to read it: relative to the working directory when inside it.
 *
 * @example
 * ```ts
 * shownPath('/srv/app/site.js', '/srv/app'); // 'site.js'
 * ```
 */
export function shownPath(file, cwd) {
    const shown = relative(cwd, file);
    return shown === '' || shown.startsWith('..') ? file : shown;
}
function describe(value) {
    if (value === null)
        return 'null';
    if (typeof value === 'object')
        return `an object (${value.constructor?.name ?? 'Object'})`;
    return `a ${typeof value}`;
}
/**
 * Imports the module and returns the app it exports.
 *
 * @example
 * ```ts
 * const { app, exportName } = await loadApp(parseTarget('app.js', process.cwd()), process.cwd());
 * ```
 */
export async function loadApp(target, cwd) {
    const { file, exportName } = target;
    if (!existsSync(file) || !statSync(file).isFile()) {
        throw new CliError(`tsgi serve: no module at ${file}`, 1);
    }
    let mod = await importModule(file, cwd);
    const inner = mod.default;
    // A module compiled to CommonJS (TypeScript under tsx without "type": "module") arrives wrapped:
    // its exports, `default` included, sit in `default`, marked by `__esModule`.
    if (typeof inner === 'object' && inner !== null && inner.__esModule === true)
        mod = { ...mod, ...inner };
    const names = exportName ? [exportName] : ['default', 'app'];
    for (const name of names) {
        const value = mod[name];
        if (value === undefined)
            continue;
        if (typeof value !== 'function') {
            throw new CliError(`tsgi serve: export "${name}" of ${file} is ${describe(value)}, not an app ` +
                '(an App, a Response, or a function (environ, startResponse))', 1);
        }
        return { app: value, exportName: name };
    }
    const available = Object.keys(mod).filter((key) => key !== '__esModule');
    throw new CliError(`tsgi serve: ${file} has no export ${names.map((n) => `"${n}"`).join(' or ')}` +
        (available.length ? `; it exports ${available.map((n) => `"${n}"`).join(', ')}` : '; it exports nothing') +
        '. Name one with <module>:<export>.', 1);
}
//# sourceMappingURL=load-app.js.map