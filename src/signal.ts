/**
 * The request's abort signal, `environ['tsgi.signal']` (spec rule 3.20): how tsgi's servers set it
 * without paying for it on requests that never read it, how middleware copies an environ, and how
 * an app reads it.
 *
 * Why so careful: on Node 20 making an `AbortSignal` costs microseconds (its constructor changes an
 * `EventTarget`'s prototype), and so does defining an accessor on each environ (`/hello` served 4%
 * fewer requests per CPU-second with one, `bench/ab.js`). So the accessor sits on the environ's
 * prototype, shared by all requests, and asks the request's {@link SignalSource}, kept under a
 * symbol, for the signal on first read.
 * @module
 */
import type { Environ } from './gateway.js';

/** @internal What makes a request's signal the first time it is read: a server's request state. */
export interface SignalSource {
  /** The request's signal; made on first read, the same object after. */
  readonly signal: AbortSignal;
}

/**
 * @internal Where an environ keeps its {@link SignalSource}. A symbol, so it is no environ key, yet
 * spreads and `Object.assign` copy it: a copy made without {@link copyEnviron} still finds its
 * signal through {@link requestSignal}.
 */
export const SIGNAL_SOURCE: unique symbol = Symbol('tsgi.signalSource');

type Holder = Environ & { [SIGNAL_SOURCE]?: SignalSource | null };

function readSignal(this: Holder): AbortSignal {
  const source = this[SIGNAL_SOURCE];
  if (source) return source.signal;
  // No source: a signal that never aborts (nobody holds its controller), kept from now on.
  const signal = new AbortController().signal;
  writeSignal.call(this, signal);
  return signal;
}

function writeSignal(this: Holder, value: unknown): void {
  // Middleware may replace the signal (with one that also aborts on its own timeout, say).
  Object.defineProperty(this, 'tsgi.signal', { value, writable: true, enumerable: true, configurable: true });
}

/**
 * @internal The prototype of tsgi's environs: `Object.prototype` plus the lazy `tsgi.signal`
 * accessor (not enumerable, as inherited members usually are not).
 */
export const ENVIRON_PROTOTYPE: object = Object.create(Object.prototype, {
  'tsgi.signal': { get: readSignal, set: writeSignal, enumerable: false, configurable: true },
});

/** Makes the copies of {@link copyEnviron}: empty objects with the environ prototype. */
function EnvironCopy(): void {}
EnvironCopy.prototype = ENVIRON_PROTOTYPE;
const NewEnviron = EnvironCopy as unknown as new () => Environ;

/**
 * @internal An environ holding `fields`, whose `tsgi.signal` comes from `source` on first read
 * (a signal that never aborts when `source` is `null`). For environs built as object literals.
 *
 * @example
 * ```ts
 * const environ = lazySignalEnviron({ ...fields }, { get signal() { return controller.signal; } });
 * ```
 */
export function lazySignalEnviron(fields: Environ, source: SignalSource | null): Environ {
  const environ = Object.assign(new NewEnviron(), fields) as Holder;
  environ[SIGNAL_SOURCE] = source;
  return environ;
}

/** @internal Gives an environ made with {@link ENVIRON_PROTOTYPE} the source of its signal. */
export function setSignalSource(environ: Environ, source: SignalSource): void {
  (environ as Holder)[SIGNAL_SOURCE] = source;
}

/**
 * A shallow copy of an environ, for middleware that hands an app a changed environ (`proxyFix`,
 * `dispatcher` use it). Unlike `{ ...environ }` it keeps `tsgi.signal`, which tsgi's servers put
 * on the environ's prototype so that it costs nothing until read, and it leaves the signal unmade.
 *
 * @example
 * ```ts
 * const mounted: App = (environ, startResponse) => {
 *   const inner = copyEnviron(environ);
 *   inner.SCRIPT_NAME = '/api';
 *   return api(inner, startResponse);
 * };
 * ```
 */
export function copyEnviron(environ: Environ): Environ {
  // Own keys, symbols included (the signal's source); an own `tsgi.signal` goes through the setter.
  return Object.assign(new NewEnviron(), environ);
}

/**
 * The request's abort signal: `environ['tsgi.signal']`; in a copy made by a plain spread, which
 * leaves the key behind, the signal of the environ it was copied from; and when the server set
 * none, a signal that never aborts (stored in the environ, so later reads agree). Aborted when the
 * client goes away or the server gives up on the request: race any wait that may never end
 * against it (docs/spec.md, section 12). `req.signal` returns it.
 *
 * @example
 * ```ts
 * const signal = requestSignal(environ);
 * signal.addEventListener('abort', () => subscription.cancel(), { once: true });
 * ```
 */
export function requestSignal(environ: Environ): AbortSignal {
  const signal = environ['tsgi.signal'] ?? (environ as Holder)[SIGNAL_SOURCE]?.signal;
  if (signal !== undefined) return signal;
  const never = new AbortController().signal;
  environ['tsgi.signal'] = never;
  return never;
}
