import type { App } from '../../../gateway.js';
/** A module path and the export to take from it. */
export interface AppTarget {
    /** Absolute path of the module file. */
    file: string;
    /** The export asked for, or undefined for `default` then `app`. */
    exportName: string | undefined;
}
/**
 * Splits `path/to/app.js:api` into the module file and the export name.
 *
 * @example
 * ```ts
 * parseTarget('app.js:api', '/srv'); // { file: '/srv/app.js', exportName: 'api' }
 * ```
 */
export declare function parseTarget(target: string, cwd: string): AppTarget;
/**
 * A module path as the user would like to read it: relative to the working directory when inside it.
 *
 * @example
 * ```ts
 * shownPath('/srv/app/site.js', '/srv/app'); // 'site.js'
 * ```
 */
export declare function shownPath(file: string, cwd: string): string;
/**
 * Imports the module and returns the app it exports.
 *
 * @example
 * ```ts
 * const { app, exportName } = await loadApp(parseTarget('app.js', process.cwd()), process.cwd());
 * ```
 */
export declare function loadApp(target: AppTarget, cwd: string): Promise<{
    app: App;
    exportName: string;
}>;
//# sourceMappingURL=load-app.d.ts.map