// The shared check behind every options object tsgi takes: unknown names are a TypeError that
// names them and suggests the closest known one.
import { describe, expect, it } from 'vitest';
import { optionsChecker } from '../src/options.js';

interface Options {
  port?: number;
  host?: string;
  shutdownTimeout?: number;
  throwErrors?: boolean;
}

const check = optionsChecker<Options>('serve', { port: true, host: true, shutdownTimeout: true, throwErrors: true });
const unknown = (options: unknown) => {
  try {
    check(options as Options);
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return (error as Error).message;
  }
  return 'accepted';
};

describe('optionsChecker', () => {
  it('accepts known options, an empty object and undefined', () => {
    expect(unknown({ port: 1, host: 'h' })).toBe('accepted');
    expect(unknown({})).toBe('accepted');
    expect(unknown(undefined)).toBe('accepted');
    expect(unknown({ port: undefined })).toBe('accepted');
  });

  it('names an unknown option and suggests the closest known one', () => {
    expect(unknown({ prot: 8123 })).toBe("serve: unknown option 'prot' (did you mean 'port'?)");
    expect(unknown({ hots: 'x' })).toBe("serve: unknown option 'hots' (did you mean 'host'?)");
    expect(unknown({ throwerrors: true })).toBe("serve: unknown option 'throwerrors' (did you mean 'throwErrors'?)");
    expect(unknown({ shutdownTimout: 1 })).toBe("serve: unknown option 'shutdownTimout' (did you mean 'shutdownTimeout'?)");
    expect(unknown({ throwError: true })).toBe("serve: unknown option 'throwError' (did you mean 'throwErrors'?)");
  });

  it('lists the known options when none is close', () => {
    expect(unknown({ verbose: true })).toBe("serve: unknown option 'verbose' (known options: port, host, shutdownTimeout, throwErrors)");
    expect(unknown({ pt: 1 })).toMatch(/unknown option 'pt' \(known options/);
  });

  it('refuses options that are not an object', () => {
    expect(unknown(8000)).toBe('serve: options must be an object, got number');
    expect(unknown(null)).toBe('serve: options must be an object, got null');
  });
});
