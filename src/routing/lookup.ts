/**
 * One match, start to end, returning the outcome instead of throwing it: the walk, then on a miss
 * the strict-slash redirect, the merged-slashes retry and the 405/400/404; on a hit the params
 * and the redirects a rule may ask for. Throwing costs more than a whole match, so the router
 * layer uses this form; `MapAdapter.match` throws what it returns.
 * @module
 */
import { HTTPException, MethodNotAllowed, NotFound } from '../errors.js';
import { WebsocketMismatch, withoutStack } from './exceptions.js';
import { methodNames } from './methods.js';
import { checkRedirects, pathRedirect, type QueryArgs, type RedirectContext } from './redirects.js';
import type { AnyRule, UrlBuilder } from './rule.js';
import { RouteMatch } from './route-match.js';
import type { State } from './state.js';
import type { Walker } from './walker.js';

/** What a lookup needs from the map. */
export interface LookupMap<R extends AnyRule> {
  readonly mergeSlashes: boolean;
  /** A rule of the map keeps `//` in its path. */
  readonly keepsDoubleSlashes: boolean;
  prepare(): State<R>;
  walker(): Walker<R>;
}

/** A hit: the endpoint, the params and the rule (the object `match` returns). */
export type Found<R extends AnyRule> = RouteMatch<R>;

/**
 * Matches a normalized path (starting with one `/`, or empty) and an upper-case method.
 */
export function lookup<R extends AnyRule>(
  map: LookupMap<R>,
  context: RedirectContext,
  urls: UrlBuilder,
  domain: string,
  path: string,
  method: string,
  bit: number,
  websocket: boolean,
  query: QueryArgs | undefined,
): Found<R> | HTTPException {
  const root = map.prepare();
  const walker = map.walker();
  walker.start(method, bit, websocket);
  const rule = walker.run(root, domain, path);
  if (rule === null) return missed(map, context, walker, root, domain, path, query);
  const found = matchOf(rule, walker);
  if (rule.compiled!.redirects) {
    const redirect = checkRedirects(context, urls, rule, found.params, method, query);
    return redirect ?? found;
  }
  return found;
}

// After a miss: a strict-slash redirect, a merged-slashes redirect, or the 405/400/404.
function missed<R extends AnyRule>(
  map: LookupMap<R>,
  context: RedirectContext,
  walker: Walker<R>,
  root: State<R>,
  domain: string,
  path: string,
  query: QueryArgs | undefined,
): HTTPException {
  if (walker.slashRequired) return pathRedirect(context, `${path}/`, query);
  // The merged path is walked only when merging could change the outcome: the walk read past the
  // whole, non-empty segments it stood on (Walker.readPast), or a rule's keys hold `//`. Else the
  // scan for `//` is skipped, which was a third of a 404's time.
  if (map.mergeSlashes && (walker.readPast !== 0 || map.keepsDoubleSlashes) && hasDoubleSlash(path)) {
    const merged = path.replace(/\/{2,}/g, '/');
    walker.restart();
    const rule = walker.run(root, domain, merged);
    if (walker.slashRequired) return pathRedirect(context, `${merged}/`, query);
    if (rule !== null && rule.mergeSlashes) return pathRedirect(context, merged, query);
  }
  if (walker.allowMask !== 0) return methodNotAllowed(walker.allowMask, walker.allowExtra);
  return walker.websocketMismatch ? websocketMismatch() : notFound();
}

// `path.includes('//')` without the runtime call String.prototype.includes makes for a two-char
// search (measured: 40% of a 404's time). Every pair of slashes has one at an odd index.
function hasDoubleSlash(path: string): boolean {
  const last = path.length - 1;
  for (let i = 1; i <= last; i += 2) {
    if (path.charCodeAt(i) === 47 && (path.charCodeAt(i - 1) === 47 || (i < last && path.charCodeAt(i + 1) === 47))) return true;
  }
  return false;
}

// The match, with the values of the rule's variables taken out of the walker (which then keeps
// none of the request's strings). One construction site: two made V8 inline neither.
function matchOf<R extends AnyRule>(rule: R, walker: Walker<R>): RouteMatch<R> {
  const count = rule.compiled!.names.length;
  const values = walker.values;
  const found = new RouteMatch(
    rule,
    count > 0 ? values[0] : undefined,
    count > 1 ? values[1] : undefined,
    count > 2 ? values[2] : undefined,
    count > 3 ? values.slice(3, count) : undefined,
  );
  for (let i = 0; i < count; i++) values[i] = undefined;
  return found;
}

// Routing misses share their error objects (made once, without a stack trace): making an Error
// and capturing its stack costs many times a whole match. They are not meant to be changed.
let sharedNotFound: NotFound | undefined;
let sharedMismatch: WebsocketMismatch | undefined;
const sharedNotAllowed = new Map<number, MethodNotAllowed>();

function notFound(): NotFound {
  return (sharedNotFound ??= withoutStack(() => new NotFound()));
}

function websocketMismatch(): WebsocketMismatch {
  return (sharedMismatch ??= withoutStack(() => new WebsocketMismatch()));
}

function methodNotAllowed(mask: number, extra: ReadonlySet<string> | undefined): MethodNotAllowed {
  const make = (): MethodNotAllowed => withoutStack(() => new MethodNotAllowed(methodNames(mask, extra)));
  if (extra !== undefined) return make();
  let error = sharedNotAllowed.get(mask);
  if (error === undefined) sharedNotAllowed.set(mask, (error = make()));
  return error;
}
