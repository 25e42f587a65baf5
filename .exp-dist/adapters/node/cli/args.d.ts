/** An error meant for the terminal: printed as its message alone, without a stack. */
export declare class CliError extends Error {
    readonly exitCode: number;
    constructor(message: string, exitCode?: number);
}
/** The parsed `tsgi serve` command. */
export interface ServeCommand {
    /** `<module>[:<export>]` as given. */
    target: string;
    host: string;
    port: number;
    /** Worker processes under node:cluster; 0 runs the app in this process. */
    workers: number;
    reload: boolean;
    accessLog: boolean;
    shutdownTimeout: number;
}
/** The usage text of `tsgi serve`. */
export declare const USAGE = "Usage: tsgi serve <module>[:<export>] [options]\n\nServes a tsgi app over HTTP.\n\n  <module>   a JavaScript module (.js, .mjs); TypeScript (.ts) when tsx is installed\n  <export>   the export that holds the app (default: \"default\", then \"app\"); an App,\n             a Response, or any function (environ, startResponse)\n\nOptions:\n  --host <address>          address to bind (default 127.0.0.1)\n  --port <port>             port to bind, 0 for any free port (default 8000)\n  --workers <n>             run n worker processes with node:cluster; a crashed worker is replaced\n  --reload                  restart when a file under the module's directory changes (development)\n  --no-access-log           do not print one line per request on stdout\n  --shutdown-timeout <ms>   how long SIGTERM/SIGINT wait for in-flight requests (default 10000)\n  -h, --help                show this help\n";
/**
 * Parses the arguments after `tsgi` (`['serve', 'app.js', '--port', '0']`); returns `'help'` when help
 * was asked for.
 *
 * @example
 * ```ts
 * parseCommand(['serve', 'app.js:api', '--port', '9000']).port; // 9000
 * ```
 */
export declare function parseCommand(argv: string[]): ServeCommand | 'help';
//# sourceMappingURL=args.d.ts.map