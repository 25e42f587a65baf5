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
export declare function watchTree(root: string, onChange: (path: string) => void, delayMs?: number): () => void;
//# sourceMappingURL=watch.d.ts.map