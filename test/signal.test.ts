/**
 * `src/signal.ts`: the lazy `tsgi.signal` accessor servers define, `copyEnviron`, `requestSignal`,
 * and `req.signal` (spec rule 3.20).
 */
import { describe, expect, it } from 'vitest';
import { copyEnviron, lazySignalEnviron, requestSignal, type SignalSource } from '../src/signal.js';
import { createEnviron } from '../src/request/create-environ.js';
import { Request } from '../src/request/request.js';
import { dispatcher } from '../src/middleware/dispatcher.js';
import { proxyFix } from '../src/middleware/proxy-fix.js';
import type { App, Environ } from '../src/gateway.js';

/** A source that counts how often it is asked for its signal. */
function countingSource(): SignalSource & { asked: number; controller: AbortController } {
  const controller = new AbortController();
  return {
    asked: 0,
    controller,
    get signal() {
      this.asked++;
      return controller.signal;
    },
  };
}

/** An environ as tsgi's servers make it, with its signal from `source`. */
function served(source: SignalSource, url = '/'): Environ {
  const { ...fields } = createEnviron(url);
  return lazySignalEnviron(fields, source);
}

describe('the lazy tsgi.signal', () => {
  it('asks its source only when read', () => {
    const source = countingSource();
    const environ = served(source);
    expect(source.asked).toBe(0);
    expect(environ['tsgi.signal']).toBe(source.controller.signal);
    expect(source.asked).toBe(1);
  });

  it('copyEnviron copies without making it; the copy reads the same signal', () => {
    const source = countingSource();
    const environ = served(source);
    const copy = copyEnviron(environ);
    expect(source.asked).toBe(0);
    expect(copy).not.toBe(environ);
    expect(copy.PATH_INFO).toBe('/');
    expect(copy['tsgi.signal']).toBe(source.controller.signal);
    expect(environ['tsgi.signal']).toBe(source.controller.signal);
  });

  it('a plain spread leaves the key behind, but requestSignal and req.signal still find the signal', () => {
    const source = countingSource();
    const copy = { ...served(source) };
    expect(copy['tsgi.signal']).toBeUndefined();
    expect(requestSignal(copy)).toBe(source.controller.signal);
    expect(new Request(copy).signal).toBe(source.controller.signal);
  });

  it('proxyFix and dispatcher hand the app a copy that has not made the signal', () => {
    const source = countingSource();
    let asked = -1;
    let signal: AbortSignal | undefined;
    const inner: App = (environ, startResponse) => {
      asked = source.asked;
      signal = environ['tsgi.signal'];
      startResponse('204 No Content', []);
      return [];
    };
    const app = proxyFix(dispatcher(inner, { '/api': inner }));
    app(served(source, '/api/x'), () => undefined);
    expect(asked).toBe(0);
    expect(signal).toBe(source.controller.signal);
  });

  it('can be replaced by assignment, and copies then keep the new value', () => {
    const environ = served(countingSource());
    const mine = AbortSignal.abort();
    environ['tsgi.signal'] = mine;
    expect(environ['tsgi.signal']).toBe(mine);
    expect(copyEnviron(environ)['tsgi.signal']).toBe(mine);
    expect({ ...environ }['tsgi.signal']).toBe(mine);
  });

  it('without a source, is a signal that never aborts, the same on every read', () => {
    const environ = createEnviron('/');
    const signal = environ['tsgi.signal']!;
    expect(signal).toBeInstanceOf(AbortSignal);
    expect(signal.aborted).toBe(false);
    expect(environ['tsgi.signal']).toBe(signal);
  });
});

describe('requestSignal and req.signal', () => {
  it('give the environ signal, or a never-aborting one kept in the environ when there is none', () => {
    const given = new AbortController();
    expect(new Request(createEnviron('/', { signal: given.signal })).signal).toBe(given.signal);
    const bare: Environ = { ...createEnviron('/') };
    const signal = requestSignal(bare);
    expect(signal.aborted).toBe(false);
    expect(requestSignal(bare)).toBe(signal);
    expect(new Request(bare).signal).toBe(signal);
  });

  it('createEnviron takes an environ override that removes or replaces the key', () => {
    expect(createEnviron('/', { environ: { 'tsgi.signal': undefined } })['tsgi.signal']).toBeUndefined();
    const other = AbortSignal.abort();
    expect(createEnviron('/', { environ: { 'tsgi.signal': other } })['tsgi.signal']).toBe(other);
  });
});
