/**
 * The `string`, `path`, `uuid` and `any` converters, each with a whole-segment test by length and
 * char code (no regular expression while matching).
 * @module
 */
import { hasDotSegment } from '../http/dot-segments.js';
import { NO_MATCH, ValidationError, type FastConverter } from './converter.js';

/**
 * Options of `string` (the default converter): lengths in code points.
 *
 * @example
 * ```ts
 * new Rule('/<string(length=2):lang>/', { endpoint: 'home' });
 * ```
 */
export interface StringOptions {
  /** At least this many characters; 1 by default (a variable is never empty unless asked). */
  minLength?: number;
  maxLength?: number;
  /** Exactly this many characters (overrides the other two). */
  length?: number;
}

/**
 * `string`, also `default`: one path segment, any text but `/`.
 *
 * @example
 * ```ts
 * new Rule('/users/<name>', { endpoint: 'user' }); // params: { name: string }
 * ```
 */
export class StringConverter implements FastConverter<string> {
  readonly regex: string;
  readonly weight = 100;
  readonly partIsolating = true;
  readonly minLength: number;
  readonly maxLength: number;

  constructor(options: StringOptions = {}) {
    this.minLength = options.length ?? options.minLength ?? 1;
    this.maxLength = options.length ?? options.maxLength ?? Infinity;
    // The regex (used only inside multi-variable segments) counts UTF-16 units, loosely enough for
    // astral characters; toValue then checks code points exactly.
    const max = this.maxLength === Infinity ? '' : String(this.maxLength * 2);
    this.regex = `[^/]{${this.minLength},${max}}`;
  }

  matchSegment(text: string, start: number, end: number): string | typeof NO_MATCH {
    const units = end - start;
    // Code points lie between units/2 and units: count them only when that range straddles a bound.
    if (units < this.minLength || (units + 1) >> 1 > this.maxLength) return NO_MATCH;
    if (((units + 1) >> 1 < this.minLength || units > this.maxLength)) {
      const points = codePoints(text, start, end);
      if (points < this.minLength || points > this.maxLength) return NO_MATCH;
    }
    return text.substring(start, end);
  }

  toValue(raw: string): string {
    if (this.matchSegment(raw, 0, raw.length) === NO_MATCH) throw new ValidationError('length out of range');
    return raw;
  }

  /**
   * Refuses what the rule could not match, so that the rule is skipped instead of building a link
   * that leads elsewhere: a `/` (the server decodes `%2F` to one), `.` or `..` (clients resolve
   * them), or a length out of range.
   */
  toUrl(value: string): string {
    const segment = text(value);
    if (segment.includes('/')) throw new ValidationError(`a path segment cannot be ${JSON.stringify(segment)}: use <path:...> for a value with slashes`);
    if (segment === '.' || segment === '..') throw new ValidationError(`a path segment cannot be ${JSON.stringify(segment)}: clients resolve it`);
    if (this.matchSegment(segment, 0, segment.length) === NO_MATCH) {
      const { minLength: min, maxLength: max } = this;
      const range = min === max ? `${min}` : max === Infinity ? `${min} or more` : `${min} to ${max}`;
      throw new ValidationError(`${JSON.stringify(segment)} is not ${range} characters long`);
    }
    return segment;
  }
}

/** Text of a primitive value; a list or an object is refused (it has no one way to be text). */
function text(value: unknown): string {
  if (typeof value === 'object' || typeof value === 'function' || typeof value === 'symbol') {
    throw new ValidationError(`cannot build a path segment from ${Object.prototype.toString.call(value)}`);
  }
  return String(value);
}

function codePoints(text: string, start: number, end: number): number {
  let count = end - start;
  for (let i = start; i < end - 1; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/**
 * `path`: the rest of the path, slashes included, not starting with `/`; more parts may follow it
 * (`/<path:name>/edit`). Weight 200: tried after every other variable in the same place.
 *
 * @example
 * ```ts
 * new Rule('/files/<path:name>', { endpoint: 'file' }); // '/files/a/b.txt' -> { name: 'a/b.txt' }
 * ```
 */
export class PathConverter implements FastConverter<string> {
  readonly regex = '[^/].*?';
  readonly weight = 200;
  readonly partIsolating = false;

  matchSegment(text: string, start: number, end: number): string | typeof NO_MATCH {
    return end > start && text.charCodeAt(start) !== 47 ? text.substring(start, end) : NO_MATCH;
  }

  toValue(raw: string): string {
    return raw;
  }

  /** Refuses what the rule could not match: empty, a leading `/`, or a `.` or `..` segment (clients resolve them). */
  toUrl(value: string): string {
    const path = text(value);
    if (path === '' || path.startsWith('/') || hasDotSegment(`/${path}`)) {
      throw new ValidationError(`cannot build a path from ${JSON.stringify(path)}: it must not be empty, start with "/" or hold "." or ".." segments`);
    }
    return path;
  }
}

/**
 * `uuid`: 8-4-4-4-12 hex digits in either case; the value is lower-cased.
 *
 * @example
 * ```ts
 * new Rule('/objects/<uuid:id>', { endpoint: 'object' });
 * ```
 */
export class UUIDConverter implements FastConverter<string> {
  readonly regex = '[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}';
  readonly weight = 100;
  readonly partIsolating = true;

  matchSegment(text: string, start: number, end: number): string | typeof NO_MATCH {
    if (end - start !== 36) return NO_MATCH;
    for (let i = 0; i < 36; i++) {
      const code = text.charCodeAt(start + i);
      if (i === 8 || i === 13 || i === 18 || i === 23) {
        if (code !== 45) return NO_MATCH;
      } else if (!((code >= 48 && code <= 57) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70))) {
        return NO_MATCH;
      }
    }
    return text.substring(start, end).toLowerCase();
  }

  toValue(raw: string): string {
    const value = this.matchSegment(raw, 0, raw.length);
    if (value === NO_MATCH) throw new ValidationError(`${JSON.stringify(raw)} is not a UUID`);
    return value;
  }

  toUrl(value: string): string {
    return this.toValue(String(value));
  }
}

/**
 * `any(a, b, 'c,d')`: one of the listed values; building another value is refused.
 *
 * @example
 * ```ts
 * new Rule('/<any(about, help):page>', { endpoint: 'page' }); // params: { page: 'about' | 'help' }
 * ```
 */
export class AnyConverter implements FastConverter<string> {
  readonly regex: string;
  readonly weight = 100;
  readonly partIsolating: boolean;
  readonly items: readonly string[];

  constructor(items: readonly string[]) {
    this.items = items;
    this.regex = `(?:${items.map((item) => item.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})`;
    this.partIsolating = !items.some((item) => item.includes('/'));
  }

  matchSegment(text: string, start: number, end: number): string | typeof NO_MATCH {
    const length = end - start;
    // The listed string itself is returned: no substring is made.
    for (const item of this.items) if (item.length === length && text.startsWith(item, start)) return item;
    return NO_MATCH;
  }

  toValue(raw: string): string {
    if (!this.items.includes(raw)) throw new ValidationError(`${JSON.stringify(raw)} is not one of ${this.items.join(', ')}`);
    return raw;
  }

  toUrl(value: string): string {
    return this.toValue(String(value));
  }
}
