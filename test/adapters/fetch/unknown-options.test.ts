// Issue 14, section 4: the Fetch adapters refuse options they do not know, by name.
import { describe, expect, it } from 'vitest';
import type { App } from '../../../src/gateway.js';
import { fromFetchHandler, toFetchHandler } from '../../../src/adapters/fetch/index.js';

const app: App = (_environ, startResponse) => {
  startResponse('204 No Content', []);
  return [];
};

describe('unknown options of tsgi/fetch', () => {
  it('toFetchHandler and fromFetchHandler name the option', () => {
    // @ts-expect-error: typos.
    expect(() => toFetchHandler(app, { error: { write() {} } })).toThrow("toFetchHandler: unknown option 'error' (did you mean 'errors'?)");
    // @ts-expect-error: typos.
    expect(() => fromFetchHandler(() => new Response('x'), { paths: 'full' })).toThrow("fromFetchHandler: unknown option 'paths' (did you mean 'path'?)");
  });
});
