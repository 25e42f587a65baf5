/**
 * What a converter is: the text a variable matches, how it becomes a value, and how a value
 * becomes URL text again. Custom converters are plain objects (or factories taking the rule's
 * arguments); the matcher turns each into a `SegmentConverter` with a fast whole-segment test.
 * @module
 */
import type { ConverterArgs } from './converter-args.js';

/**
 * Thrown by a converter's `toValue` to say "this text is not one of mine": the rule does not match
 * and the next one is tried. Thrown by `toUrl`, it makes the rule unsuitable for building.
 *
 * @example
 * ```ts
 * const even = { regex: '\\d+', toValue: (s: string) => { const n = Number(s); if (n % 2) throw new ValidationError(); return n; } };
 * ```
 */
export class ValidationError extends Error {
  constructor(message = 'the value does not fit the converter') {
    super(message);
    this.name = 'ValidationError';
  }
}

/**
 * A custom converter. Every member is optional: `regex` defaults to one path segment (`[^/]+`),
 * `toValue` to the text itself, `toUrl` to `String(value)`. `toUrl` returns decoded text; the
 * builder percent-encodes it. A `regex` containing `/` makes the converter cross segments
 * (`partIsolating: false`), as `path` does.
 *
 * @example
 * ```ts
 * const bool: Converter<boolean> = { regex: 'yes|no', toValue: (s) => s === 'yes', toUrl: (v) => (v ? 'yes' : 'no') };
 * new RuleMap([new Rule('/vote/<bool:up>', { endpoint: 'vote' })], { converters: { bool } });
 * ```
 */
export interface Converter<T = unknown> {
  /** A JavaScript regular expression (no anchors) for the variable's text. */
  readonly regex?: string;
  /** Ordering among dynamic parts of one segment: lower is tried first (int 50, string 100, path 200). */
  readonly weight?: number;
  /** False when the variable may contain `/`. */
  readonly partIsolating?: boolean;
  /** The value of matched text; throw `ValidationError` to refuse it. */
  toValue?(raw: string): T;
  /** The URL text of a value (decoded; the builder quotes it); throw `ValidationError` to refuse it. */
  toUrl?(value: T): string;
}

/**
 * A converter that takes arguments from the rule, `<hex(8):id>`.
 *
 * @example
 * ```ts
 * const hex: ConverterFactory<number> = ({ positional: [digits] }) => ({
 *   regex: `[0-9a-f]{${Number(digits ?? 1)},}`, toValue: (s) => parseInt(s, 16), toUrl: (n) => n.toString(16),
 * });
 * ```
 */
export type ConverterFactory<T = unknown> = (args: ConverterArgs) => Converter<T>;

/**
 * A converter or a factory of converters, as the `converters` option of a `RuleMap` takes them.
 *
 * @example
 * ```ts
 * const converters: Record<string, ConverterSpec> = { bool: { regex: 'yes|no', toValue: (s) => s === 'yes' } };
 * ```
 */
export type ConverterSpec<T = unknown> = Converter<T> | ConverterFactory<T>;

/** What `matchSegment` returns for text that does not fit. */
export const NO_MATCH: unique symbol = Symbol('no match');

/** A converter in the form the matcher and the builder use. */
export interface SegmentConverter {
  /** Shared trie states need equal converters: name and arguments. */
  readonly key: string;
  readonly regex: string;
  readonly weight: number;
  readonly partIsolating: boolean;
  /** The value of `text.slice(start, end)`, or `NO_MATCH`; never throws `ValidationError`. */
  matchSegment(text: string, start: number, end: number): unknown;
  /** The value of text the part's regular expression matched; throws `ValidationError`. */
  toValue(raw: string): unknown;
  /** Decoded URL text for a value; throws `ValidationError`. */
  toUrl(value: unknown): string;
}

/** A built-in converter: its own fast `matchSegment`, no regular expression on the hot path. */
export interface FastConverter<T> extends Converter<T> {
  readonly regex: string;
  readonly weight: number;
  readonly partIsolating: boolean;
  toValue(raw: string): T;
  toUrl(value: T): string;
  matchSegment(text: string, start: number, end: number): T | typeof NO_MATCH;
}

const identity = (raw: string): unknown => raw;
const text = (value: unknown): string => String(value);

/**
 * Turns a converter into the matcher's form. A built-in converter made for this map (`own`) is
 * used as it is, its `matchSegment` called as a method; another gets a test from its regular
 * expression (compiled once, with the `s` flag so that a decoded newline is text like any other)
 * and its `toValue`.
 */
export function toSegmentConverter(key: string, converter: Converter, own: boolean): SegmentConverter {
  if (own && typeof (converter as Partial<FastConverter<unknown>>).matchSegment === 'function') {
    return Object.assign(converter as FastConverter<unknown>, { key });
  }
  const regex = converter.regex ?? '[^/]+';
  const toValue = converter.toValue ? converter.toValue.bind(converter) : identity;
  const toUrl = converter.toUrl ? (converter.toUrl.bind(converter) as (value: unknown) => string) : text;
  const fast = (converter as Partial<FastConverter<unknown>>).matchSegment;
  let matchSegment: SegmentConverter['matchSegment'];
  if (typeof fast === 'function') {
    matchSegment = fast.bind(converter);
  } else if (converter.regex === undefined) {
    matchSegment = (source, start, end) => (end > start ? convertRaw(toValue, source.substring(start, end)) : NO_MATCH);
  } else {
    const whole = new RegExp(`^(?:${regex})$`, 's');
    matchSegment = (source, start, end) => {
      const raw = source.substring(start, end);
      return whole.test(raw) ? convertRaw(toValue, raw) : NO_MATCH;
    };
  }
  return {
    key,
    regex,
    weight: converter.weight ?? 100,
    partIsolating: converter.partIsolating ?? !regex.includes('/'),
    matchSegment,
    toValue,
    toUrl,
  };
}

/** `converter.toValue(raw)`, or `NO_MATCH` when it refuses with a `ValidationError`. */
export function convert(converter: { toValue(raw: string): unknown }, raw: string): unknown {
  try {
    return converter.toValue(raw);
  } catch (error) {
    if (error instanceof ValidationError) return NO_MATCH;
    throw error;
  }
}

function convertRaw(toValue: (raw: string) => unknown, raw: string): unknown {
  try {
    return toValue(raw);
  } catch (error) {
    if (error instanceof ValidationError) return NO_MATCH;
    throw error;
  }
}
