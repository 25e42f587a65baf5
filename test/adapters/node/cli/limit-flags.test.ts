/** `tsgi serve`'s limits: --headers-timeout, --request-timeout, --keep-alive-timeout, --max-connections. */
import { describe, expect, it } from 'vitest';
import { CliError, parseCommand, USAGE, type ServeCommand } from '../../../../src/adapters/node/cli/args.js';
import { CONNECTION_LIMITS } from '../../../../src/adapters/node/limits.js';

const parse = (...flags: string[]) => parseCommand(['serve', 'app.js', ...flags]) as ServeCommand;

describe('tsgi serve limit flags', () => {
  it('default to serve\'s limits', () => {
    const { headersTimeout, requestTimeout, keepAliveTimeout, maxConnections } = parse();
    expect({ headersTimeout, requestTimeout, keepAliveTimeout, maxConnections }).toEqual(CONNECTION_LIMITS);
    expect(CONNECTION_LIMITS).toEqual({ headersTimeout: 15_000, requestTimeout: 120_000, keepAliveTimeout: 5_000, maxConnections: 10_000 });
  });

  it('take milliseconds and a count, and refuse what is not one', () => {
    const command = parse('--headers-timeout', '2000', '--request-timeout', '0', '--keep-alive-timeout', '65000', '--max-connections', '50');
    expect([command.headersTimeout, command.requestTimeout, command.keepAliveTimeout, command.maxConnections]).toEqual([2000, 0, 65000, 50]);
    expect(() => parse('--max-connections', '0')).toThrow(CliError);
    expect(() => parse('--headers-timeout', '1.5')).toThrow(/--headers-timeout must be an integer/);
  });

  it('are in the help, with their defaults', () => {
    expect(USAGE).toMatch(/--headers-timeout <ms> +time a client has to send a request's headers \(default 15000\)/);
    expect(USAGE).toMatch(/--request-timeout <ms> +[^\n]*\n[^\n]*\(default 120000\)/);
    expect(USAGE).toMatch(/--keep-alive-timeout <ms> [^\n]*\(default 5000\)/);
    expect(USAGE).toMatch(/--max-connections <n> +[^\n]*\(default 10000\)/);
    expect(USAGE).toMatch(/SIGTERM leaves idle keep-alive connections/);
  });
});
