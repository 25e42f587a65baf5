/**
 * Watches a source tree for `tsgi serve --reload`.
 * @module
 */
import { readdirSync, watch } from 'node:fs';
import { join } from 'node:path';
/** Directories never worth a restart, and often huge. */
const SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn', 'coverage', '.cache']);
const MAX_DIRECTORIES = 2000;
function skipped(name) {
    return SKIPPED.has(name) || name.startsWith('.');
}
/**
 * Calls `onChange(path)` when a file under `root` changes, debounced by `delayMs`. Returns a function
 * that stops watching.
 *
 * Node 20's `fs.watch(dir, { recursive: true })` on Linux puts a watch on every file, node_modules
 * included, which can exhaust inotify's limit; here each directory gets one non-recursive watch
 * (inotify reports its files' changes), node_modules and dot-directories are skipped, and new
 * directories are picked up as they appear. Elsewhere the native recursive watch is used.
 *
 * @example
 * ```ts
 * const stop = watchTree('examples/demo', (path) => console.log(`${path} changed`));
 * ```
 */
export function watchTree(root, onChange, delayMs = 100) {
    let timer;
    let lastPath = '';
    const fire = (path) => {
        const parts = path.split(/[\\/]/);
        if (parts.some(skipped))
            return;
        lastPath = path;
        clearTimeout(timer);
        timer = setTimeout(() => onChange(lastPath), delayMs);
    };
    if (process.platform !== 'linux') {
        const watcher = watch(root, { recursive: true }, (_event, filename) => fire(filename ? String(filename) : root));
        return () => {
            clearTimeout(timer);
            watcher.close();
        };
    }
    const watchers = new Map();
    const add = (dir, relativeDir) => {
        if (watchers.has(dir) || watchers.size >= MAX_DIRECTORIES)
            return;
        let watcher;
        try {
            watcher = watch(dir, (event, filename) => {
                const name = filename ? String(filename) : '';
                const path = relativeDir ? join(relativeDir, name) : name;
                // A new directory: watch it too.
                if (event === 'rename' && name && !skipped(name))
                    scan(dir, relativeDir);
                fire(path);
            });
        }
        catch {
            return; // vanished or unreadable
        }
        watcher.on('error', () => {
            watcher.close();
            watchers.delete(dir);
        });
        watchers.set(dir, watcher);
        scan(dir, relativeDir);
    };
    const scan = (dir, relativeDir) => {
        let entries;
        try {
            entries = readdirSync(dir, { withFileTypes: true });
        }
        catch {
            return;
        }
        for (const entry of entries) {
            if (entry.isDirectory() && !skipped(entry.name)) {
                add(join(dir, entry.name), relativeDir ? join(relativeDir, entry.name) : entry.name);
            }
        }
    };
    add(root, '');
    return () => {
        clearTimeout(timer);
        for (const watcher of watchers.values())
            watcher.close();
        watchers.clear();
    };
}
//# sourceMappingURL=watch.js.map