/** lint's check of `tsgi.debug` (rule 3.21): a boolean when present. */
import { describe, expect, it } from 'vitest';
import { lint, type LintError } from '../../src/middleware/lint.js';
import { createEnviron } from '../../src/request/create-environ.js';

function rulesBroken(debug: unknown): string[] {
  const errors: LintError[] = [];
  const app = lint((_e, startResponse) => (startResponse('200 OK', []), []), { onError: (error) => errors.push(error) });
  app(createEnviron('/', { environ: { 'tsgi.debug': debug } }), () => undefined);
  return errors.map((error) => `${error.rule} ${error.side}`);
}

describe('lint and tsgi.debug', () => {
  it('reports a tsgi.debug that is not a boolean (rule 3.21)', () => {
    expect(rulesBroken('yes')).toEqual(['3.21 server']);
    expect(rulesBroken(1)).toEqual(['3.21 server']);
  });

  it('accepts true, false and no key at all', () => {
    expect(rulesBroken(true)).toEqual([]);
    expect(rulesBroken(false)).toEqual([]);
    expect(rulesBroken(undefined)).toEqual([]);
  });
});
