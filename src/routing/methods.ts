/**
 * Request methods as bits: a rule's method check on the hot path is one AND, and a 405's
 * `Allow` list is an OR of the rules' masks, with no set built while matching.
 * @module
 */

/** The bit of every method outside the standard nine; the rule then checks its own set. */
export const OTHER_METHOD = 1 << 30;
/** The mask of a rule without `methods`: every method, the unusual ones included. */
export const ANY_METHOD = 0x7fffffff;

const NAMES = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'CONNECT', 'TRACE'] as const;

/** How many methods have a bit of their own: bits `1 << 0` to `1 << (STANDARD_METHODS - 1)`. */
export const STANDARD_METHODS = NAMES.length;

/**
 * The bit of a method name (case-sensitive, as HTTP methods are; callers upper-case first).
 *
 * @example
 * ```ts
 * methodBit('GET'); // 1
 * ```
 */
export function methodBit(method: string): number {
  // A switch on string constants is a few pointer compares for the methods servers hand over.
  switch (method) {
    case 'GET': return 1;
    case 'HEAD': return 2;
    case 'POST': return 4;
    case 'PUT': return 8;
    case 'DELETE': return 16;
    case 'PATCH': return 32;
    case 'OPTIONS': return 64;
    case 'CONNECT': return 128;
    case 'TRACE': return 256;
    default: return OTHER_METHOD;
  }
}

/**
 * The rule's methods take this one (upper case): one AND for the standard methods.
 *
 * @example
 * ```ts
 * allowsMethod(compileMethods(['GET', 'HEAD']), 'GET'); // true
 * ```
 */
export function allowsMethod(match: MethodMatch, method: string): boolean {
  const bit = methodBit(method);
  if ((match.mask & bit) === 0) return false;
  return bit !== OTHER_METHOD || match.mask === ANY_METHOD || match.extra!.has(method);
}

/** A rule's methods in the form the matcher checks. */
export interface MethodMatch {
  /** Bits of the standard methods, plus `OTHER_METHOD` when `extra` is not empty. */
  readonly mask: number;
  /** Methods outside the standard nine. */
  readonly extra: ReadonlySet<string> | undefined;
}

/** Compiles a method list (already upper-cased, HEAD added) into bits. */
export function compileMethods(methods: readonly string[] | undefined): MethodMatch {
  if (methods === undefined) return { mask: ANY_METHOD, extra: undefined };
  let mask = 0;
  let extra: Set<string> | undefined;
  for (const method of methods) {
    const bit = methodBit(method);
    mask |= bit;
    if (bit === OTHER_METHOD) (extra ??= new Set()).add(method);
  }
  return { mask, extra };
}

/**
 * The names of a mask's standard methods and the extra ones, sorted, for an `Allow` header.
 *
 * @example
 * ```ts
 * methodNames(1 | 2 | 8, undefined); // ['GET', 'HEAD', 'PUT']
 * ```
 */
export function methodNames(mask: number, extra: Iterable<string> | undefined): string[] {
  const names: string[] = [];
  for (let i = 0; i < NAMES.length; i++) if (mask & (1 << i)) names.push(NAMES[i]);
  if (extra) for (const method of extra) if (!names.includes(method)) names.push(method);
  return names.sort();
}
