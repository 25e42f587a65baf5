/**
 * Command-line parsing for `tsgi serve`.
 * @module
 */
import { parseArgs } from 'node:util';
import { CONNECTION_LIMITS } from '../limits.js';

/** An error meant for the terminal: printed as its message alone, without a stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
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
  /** Show the development error page to requests from this machine. */
  debug: boolean;
  /** Time to receive a request's head, in ms. */
  headersTimeout: number;
  /** Time to receive a whole request, in ms; 0 for none. */
  requestTimeout: number;
  /** How long an idle keep-alive connection stays open, in ms. */
  keepAliveTimeout: number;
  /** Most connections open at once, per process. */
  maxConnections: number;
  /** Serve HTTP/2 (h2 over TLS with `key` and `cert`, else cleartext h2c). */
  http2: boolean;
  /** The private key file (PEM) for TLS; given together with `cert`. */
  key?: string;
  /** The certificate chain file (PEM) for TLS; given together with `key`. */
  cert?: string;
}

/** The usage text of `tsgi serve`. */
export const USAGE = `Usage: tsgi serve <module>[:<export>] [options]

Serves a tsgi app over HTTP.

  <module>   a JavaScript module (.js, .mjs); TypeScript (.ts) when tsx is installed
  <export>   the export that holds the app (default: "default", then "app"); an App,
             a Response, or any function (environ, startResponse)

Options:
  --host <address>          address to bind (default 127.0.0.1)
  --port <port>             port to bind, 0 for any free port (default 8000)
  --workers <n>             run n worker processes with node:cluster; a crashed worker is replaced
  --reload                  restart when a file under the module's directory changes (development)
  --debug                   show errors with their stack and source lines to requests from this
                            machine (development; everyone else gets a plain 500)
  --no-access-log           do not print one line per request on stdout
  --shutdown-timeout <ms>   how long SIGTERM/SIGINT wait for in-flight requests (default 10000);
                            SIGTERM leaves idle keep-alive connections to the client (a proxy in
                            front loses no request), SIGINT closes them at once
  --headers-timeout <ms>    time a client has to send a request's headers (default ${CONNECTION_LIMITS.headersTimeout})
  --request-timeout <ms>    time a client has to send a whole request, body included, 0 for none
                            (default ${CONNECTION_LIMITS.requestTimeout})
  --keep-alive-timeout <ms> how long an idle keep-alive connection stays open (default ${CONNECTION_LIMITS.keepAliveTimeout});
                            a proxy in front must close its idle ones sooner
  --max-connections <n>     most connections open at once, per process (default ${CONNECTION_LIMITS.maxConnections})
  --key <file>              serve HTTPS with this private key (PEM); needs --cert
  --cert <file>             the certificate chain (PEM) that goes with --key
  --http2                   serve HTTP/2: with --key and --cert, h2 to clients that offer it and
                            HTTP/1.1 to the others; without them, cleartext h2c to clients that
                            know the server speaks it (a proxy in front), and nothing else
  -h, --help                show this help
`;

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new CliError(`tsgi serve: --${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return n;
}

/**
 * Parses the arguments after `tsgi` (`['serve', 'app.js', '--port', '0']`); returns `'help'` when help
 * was asked for.
 *
 * @example
 * ```ts
 * parseCommand(['serve', 'app.js:api', '--port', '9000']).port; // 9000
 * ```
 */
export function parseCommand(argv: string[]): ServeCommand | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        workers: { type: 'string' },
        reload: { type: 'boolean' },
        debug: { type: 'boolean' },
        'access-log': { type: 'boolean' },
        'no-access-log': { type: 'boolean' },
        'shutdown-timeout': { type: 'string' },
        'headers-timeout': { type: 'string' },
        'request-timeout': { type: 'string' },
        'keep-alive-timeout': { type: 'string' },
        'max-connections': { type: 'string' },
        http2: { type: 'boolean' },
        key: { type: 'string' },
        cert: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new CliError(`tsgi: ${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0 || positionals[0] === 'help') return 'help';
  if (positionals[0] !== 'serve') throw new CliError(`tsgi: unknown command ${JSON.stringify(positionals[0])}\n\n${USAGE}`);
  if (positionals.length !== 2) throw new CliError(`tsgi serve: expected one <module>[:<export>]\n\n${USAGE}`);
  if ((values.key === undefined) !== (values.cert === undefined)) {
    throw new CliError(`tsgi serve: --key and --cert go together (TLS needs both)\n\n${USAGE}`);
  }
  const tls = values.key === undefined ? {} : { key: values.key, cert: values.cert };
  return {
    ...tls,
    target: positionals[1],
    host: values.host ?? '127.0.0.1',
    port: integer('port', values.port, 8000, 0, 65535),
    workers: integer('workers', values.workers, 0, 1, 256),
    reload: values.reload ?? false,
    debug: values.debug ?? false,
    accessLog: !values['no-access-log'],
    shutdownTimeout: integer('shutdown-timeout', values['shutdown-timeout'], 10_000, 0, 3_600_000),
    headersTimeout: integer('headers-timeout', values['headers-timeout'], CONNECTION_LIMITS.headersTimeout, 1, 3_600_000),
    requestTimeout: integer('request-timeout', values['request-timeout'], CONNECTION_LIMITS.requestTimeout, 0, 3_600_000),
    keepAliveTimeout: integer('keep-alive-timeout', values['keep-alive-timeout'], CONNECTION_LIMITS.keepAliveTimeout, 0, 3_600_000),
    maxConnections: integer('max-connections', values['max-connections'], CONNECTION_LIMITS.maxConnections, 1, 10_000_000),
    http2: values.http2 ?? false,
  };
}
