/** lint's checks of `tsgi.signal`: its type (rule 3.20) and its abort before return() (rule 8.4). */
import { describe, expect, it } from 'vitest';
import { lint, type LintError } from '../../src/middleware/lint.js';
import { createEnviron } from '../../src/request/create-environ.js';
import type { App, Body } from '../../src/gateway.js';

const waiting: App = async function* (_environ, startResponse) {
  startResponse('200 OK', []);
  yield new Uint8Array([1]);
  await new Promise((resolve) => setTimeout(resolve, 20));
};

/** Drives the body like a server that abandons it while a next() is pending. */
async function abandonWhilePending(abortFirst: boolean): Promise<string[]> {
  const errors: LintError[] = [];
  const controller = new AbortController();
  const linted = lint(waiting, { onError: (error) => errors.push(error) });
  const body = (await linted(createEnviron('/', { signal: controller.signal }), () => undefined)) as Body;
  const iterator = (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  await iterator.next();
  const pending = iterator.next();
  if (abortFirst) controller.abort();
  await iterator.return!();
  await pending;
  return errors.map((error) => error.rule);
}

describe('lint and tsgi.signal', () => {
  it('reports a tsgi.signal that is not an AbortSignal (rule 3.20)', () => {
    const errors: LintError[] = [];
    const app = lint((_e, startResponse) => (startResponse('200 OK', []), []), { onError: (error) => errors.push(error) });
    app(createEnviron('/', { environ: { 'tsgi.signal': { aborted: 'no' } } }), () => undefined);
    expect(errors.map((error) => `${error.rule} ${error.side}`)).toEqual(['3.20 server']);
  });

  it('reports a server that calls return() during a pending next() without aborting the signal (rule 8.4)', async () => {
    expect(await abandonWhilePending(false)).toEqual(['8.4']);
    expect(await abandonWhilePending(true)).toEqual([]);
  });
});
