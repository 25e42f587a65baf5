/**
 * The `int` and `float` converters: digits checked by char code (no regular expression while
 * matching), ranges and fixed widths checked in the same pass, so a refused value lets the next
 * rule match.
 * @module
 */
import { NO_MATCH, ValidationError, type FastConverter } from './converter.js';

/**
 * Options of `int`: `<int(fixedDigits=4, min=1, max=9999, signed=true):n>`.
 *
 * @example
 * ```ts
 * new IntegerConverter({ fixedDigits: 4 }).toUrl(7); // '0007'
 * ```
 */
export interface IntegerOptions {
  /** Exactly this many characters (the sign included); built values are zero-padded. */
  fixedDigits?: number;
  min?: number;
  max?: number;
  /** Accept a leading `-`. */
  signed?: boolean;
}

/**
 * `int`: ASCII digits (`-` first when signed) as a safe integer; weight 50, so it is tried before a
 * string variable in the same place.
 *
 * @example
 * ```ts
 * new Rule('/page/<int(min=1):page>', { endpoint: 'page' }); // params: { page: number }
 * ```
 */
export class IntegerConverter implements FastConverter<number> {
  readonly regex: string;
  readonly weight = 50;
  readonly partIsolating = true;
  readonly fixedDigits: number;
  readonly min: number | undefined;
  readonly max: number | undefined;
  readonly signed: boolean;

  constructor(options: IntegerOptions = {}) {
    this.fixedDigits = options.fixedDigits ?? 0;
    this.min = options.min;
    this.max = options.max;
    this.signed = options.signed ?? false;
    this.regex = this.signed ? '-?\\d+' : '\\d+';
  }

  matchSegment(text: string, start: number, end: number): number | typeof NO_MATCH {
    if (this.fixedDigits !== 0 && end - start !== this.fixedDigits) return NO_MATCH;
    const negative = this.signed && start < end && text.charCodeAt(start) === 45;
    let i = negative ? start + 1 : start;
    if (i === end) return NO_MATCH;
    let value = 0;
    for (; i < end; i++) {
      const digit = text.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) return NO_MATCH;
      value = value * 10 + digit;
    }
    // Beyond 2^53 the loop's result is inexact, and so would the value be: refuse it.
    if (value > Number.MAX_SAFE_INTEGER) return NO_MATCH;
    if (negative && value !== 0) value = -value;
    if ((this.min !== undefined && value < this.min) || (this.max !== undefined && value > this.max)) return NO_MATCH;
    return value;
  }

  toValue(raw: string): number {
    const value = this.matchSegment(raw, 0, raw.length);
    if (value === NO_MATCH) throw new ValidationError(`${JSON.stringify(raw)} is not an accepted integer`);
    return value;
  }

  toUrl(value: number): string {
    const n = Math.trunc(toNumber(value));
    if (!Number.isSafeInteger(n) || (n < 0 && !this.signed)) throw new ValidationError(`cannot build an int from ${String(value)}`);
    // Python's zfill: the width counts the sign.
    const digits = String(Math.abs(n)).padStart(this.fixedDigits - (n < 0 ? 1 : 0), '0');
    return n < 0 ? `-${digits}` : digits;
  }
}

/**
 * Options of `float`: `<float(min=0, max=1, signed=true):p>`.
 *
 * @example
 * ```ts
 * new FloatConverter({ signed: true }).toUrl(-0.5); // '-0.5'
 * ```
 */
export interface FloatOptions {
  min?: number;
  max?: number;
  /** Accept a leading `-`. */
  signed?: boolean;
}

/**
 * `float`: digits, a dot and digits (`1.5`, never `1` or `1e3`). Built values always have a dot and
 * never an exponent, so `match(build(x))` gives `x` back (Werkzeug 3.2.dev builds `1.0` as `1.`).
 *
 * @example
 * ```ts
 * new FloatConverter().toUrl(1e-7); // '0.0000001'
 * ```
 */
export class FloatConverter implements FastConverter<number> {
  readonly regex: string;
  readonly weight = 50;
  readonly partIsolating = true;
  readonly min: number | undefined;
  readonly max: number | undefined;
  readonly signed: boolean;

  constructor(options: FloatOptions = {}) {
    this.min = options.min;
    this.max = options.max;
    this.signed = options.signed ?? false;
    this.regex = this.signed ? '-?\\d+\\.\\d+' : '\\d+\\.\\d+';
  }

  matchSegment(text: string, start: number, end: number): number | typeof NO_MATCH {
    let i = this.signed && start < end && text.charCodeAt(start) === 45 ? start + 1 : start;
    const intStart = i;
    while (i < end && isDigit(text.charCodeAt(i))) i++;
    if (i === intStart || i === end || text.charCodeAt(i) !== 46) return NO_MATCH;
    const fracStart = ++i;
    while (i < end && isDigit(text.charCodeAt(i))) i++;
    if (i === fracStart || i !== end) return NO_MATCH;
    let value = Number(text.substring(start, end));
    if (value === 0) value = 0; // -0.0 is 0
    if ((this.min !== undefined && value < this.min) || (this.max !== undefined && value > this.max)) return NO_MATCH;
    return value;
  }

  toValue(raw: string): number {
    const value = this.matchSegment(raw, 0, raw.length);
    if (value === NO_MATCH) throw new ValidationError(`${JSON.stringify(raw)} is not an accepted float`);
    return value;
  }

  toUrl(value: number): string {
    const n = toNumber(value);
    if (!Number.isFinite(n) || (n < 0 && !this.signed)) throw new ValidationError(`cannot build a float from ${String(value)}`);
    let digits = plainDecimal(Math.abs(n));
    if (!digits.includes('.')) digits += '.0';
    return n < 0 ? `-${digits}` : digits;
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

// Werkzeug's int() and float() also take numeric strings.
function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(value)) return Number(value);
  throw new ValidationError(`${String(value)} is not a number`);
}

/**
 * A non-negative finite number in positional notation: the shortest digits JavaScript prints, with
 * the exponent written out, so that the text parses back to the same number.
 *
 * @example
 * ```ts
 * plainDecimal(1.5e-7); // '0.00000015'
 * ```
 */
export function plainDecimal(value: number): string {
  const text = String(value);
  const e = text.indexOf('e');
  if (e === -1) return text;
  const mantissa = text.slice(0, e);
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const point = (dot === -1 ? mantissa.length : dot) + Number(text.slice(e + 1));
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}
