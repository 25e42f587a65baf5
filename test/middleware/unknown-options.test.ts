// Issue 14, section 4: the middleware factories refuse options they do not know, by name.
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/gateway.js';
import { compress, lint, proxyFix } from '../../src/middleware/index.js';

const app: App = (_environ, startResponse) => {
  startResponse('204 No Content', []);
  return [];
};

describe('unknown options of tsgi/middleware', () => {
  it('proxyFix, lint and compress name the option and the likely one', () => {
    // @ts-expect-error: typos.
    expect(() => proxyFix(app, { xFro: 1 })).toThrow(new TypeError("proxyFix: unknown option 'xFro' (did you mean 'xFor'?)"));
    // @ts-expect-error: typos.
    expect(() => proxyFix(app, { x_for: 1 })).toThrow("proxyFix: unknown option 'x_for' (did you mean 'xFor'?)");
    // @ts-expect-error: typos.
    expect(() => lint(app, { onerror: () => {} })).toThrow("lint: unknown option 'onerror' (did you mean 'onError'?)");
    // @ts-expect-error: typos.
    expect(() => compress(app, { treshold: 10 })).toThrow("compress: unknown option 'treshold' (did you mean 'threshold'?)");
  });

  it('accept every option they document', () => {
    expect(() => proxyFix(app, { xFor: 1, xProto: 1, xHost: 1, xPort: 1, xPrefix: 1, forwarded: true })).not.toThrow();
    expect(() => lint(app, { onError: () => {} })).not.toThrow();
    expect(() => compress(app, { threshold: 1, level: 1, encodings: ['gzip'], codecs: {}, filter: () => true })).not.toThrow();
  });
});
