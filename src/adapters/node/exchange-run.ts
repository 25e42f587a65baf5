/**
 * @internal What every exchange does with the app, on HTTP/1.1 and HTTP/2 alike: call it, check
 * its `startResponse` calls, and hand the body it returned to the right path (text, array or
 * iterator). Plain functions over the exchange rather than a base class: the HTTP/1.1 `Exchange`
 * is made once per request, and a shared superclass would change its shape on the hot path.
 * @module
 */
import { TextBody, type App, type Body, type Environ, type StartResponse } from '../../gateway.js';
import type { AnyIterator } from './body-pump.js';

/** @internal True for a body the app returned as a promise. */
export function isPromiseLike(value: unknown): value is PromiseLike<Body> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** What `runApp` and `runBody` drive: the HTTP/1.1 `Exchange` or the HTTP/2 one. */
export interface RunExchange {
  readonly startResponse: StartResponse;
  /** A text body, whose length is known without encoding it. */
  runText(body: TextBody): void;
  /** An array of chunks, all known now: the fast path. */
  runArray(chunks: Uint8Array[]): void;
  /** Any other iterable: written chunk by chunk through `BodyPump`. */
  runIterator(iterator: AnyIterator, isAsync: boolean): void;
  run(body: Body): void;
  fail(error: unknown): void;
}

/** Calls the app and runs the body it returns, now or once its promise settles. */
export function runApp(app: App, environ: Environ, exchange: RunExchange): void {
  let body: Body | Promise<Body>;
  try {
    body = app(environ, exchange.startResponse);
  } catch (error) {
    exchange.fail(error);
    return;
  }
  if (isPromiseLike(body)) awaitBody(body, exchange);
  else exchange.run(body);
}

/**
 * The promise's callbacks live here, not in `runApp`: closures over `runApp`'s `exchange` would
 * make V8 allocate a context at every call, also for the synchronous bodies that never need them
 * (about 1,000 machine instructions a request more, by callgrind over the listener).
 */
function awaitBody(body: PromiseLike<Body>, exchange: RunExchange): void {
  body.then(
    (resolved) => exchange.run(resolved),
    (error: unknown) => exchange.fail(error),
  );
}

/** Hands a body to the path that fits it; a body that cannot be iterated fails the exchange. */
export function runBody(exchange: RunExchange, body: Body): void {
  if (body instanceof TextBody) {
    exchange.runText(body);
    return;
  }
  // Only a plain array: a subclass or an array with its own iterator must be iterated as such.
  if (Array.isArray(body) && body[Symbol.iterator] === Array.prototype[Symbol.iterator]) {
    exchange.runArray(body as Uint8Array[]);
    return;
  }
  let iterator: AnyIterator;
  let isAsync: boolean;
  try {
    isAsync = typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function';
    iterator = isAsync
      ? (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]()
      : (body as Iterable<Uint8Array>)[Symbol.iterator]();
  } catch (error) {
    exchange.fail(error);
    return;
  }
  exchange.runIterator(iterator, isAsync);
}

/**
 * `startResponse` called again: allowed only with the error that caused it, which is re-raised
 * once the head went out. The exchanges call this only when it was called before, and throw
 * `notHeaderList()` only when the check fails: one function that did all of `startResponse`'s
 * checks cost the HTTP/1.1 exchange about 500 machine instructions a request (callgrind).
 */
export function checkRestart(headSent: boolean, error: unknown): void {
  if (error === undefined) {
    throw new Error('startResponse was called twice; a second call must pass the error that caused it');
  }
  // Too late to change the response: re-raise, as the protocol says.
  if (headSent) throw error;
}

/** The error for `startResponse` headers that are not an array of `[name, value]`. */
export function notHeaderList(): TypeError {
  return new TypeError('startResponse headers must be an array of [name, value]');
}
