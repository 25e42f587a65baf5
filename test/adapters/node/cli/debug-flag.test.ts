/** `tsgi serve --debug`: off unless given, and listed in the help. */
import { describe, expect, it } from 'vitest';
import { parseCommand, USAGE, type ServeCommand } from '../../../../src/adapters/node/cli/args.js';

describe('tsgi serve --debug', () => {
  it('is off unless given', () => {
    expect((parseCommand(['serve', 'app.js']) as ServeCommand).debug).toBe(false);
    expect((parseCommand(['serve', 'app.js', '--debug']) as ServeCommand).debug).toBe(true);
  });

  it('is in the help', () => {
    expect(USAGE).toMatch(/--debug {2,}show errors with their stack and source lines to requests from this\n\s+machine/);
  });
});
