/**
 * Compiles a rule string into the parts the matcher walks (one per path segment, as Werkzeug's
 * `RulePart`s) and the trace the builder fills in. A part is static text, or a dynamic part: one
 * converter filling the segment (tested by char code), several pieces (one regular expression),
 * or a "final" part that crosses slashes (`path`) and takes the rest of the path.
 * @module
 */
import type { SegmentConverter } from './converter.js';
import { tokenizeRule } from './parse-rule.js';
import { weighting, type Weighting } from './weighting.js';

/** A segment matched by its exact text. */
export interface StaticPart {
  readonly static: true;
  readonly text: string;
}

/** `prefix`, one `path` variable, then `tail`: a final part matched without a regular expression. */
export interface PathTail {
  readonly prefix: string;
  readonly tail: string;
}

/** A segment (or, when `final`, the rest of the path) holding variables. */
export interface DynamicPart {
  readonly static: false;
  /** Equal keys share a trie state, as equal `RulePart`s do in Werkzeug. */
  readonly key: string;
  readonly weight: Weighting;
  /** Crosses slashes: matches the rest of the path. */
  readonly final: boolean;
  /** A final part ending in `/`: a missing slash is a strict-slashes redirect. */
  readonly suffixed: boolean;
  /** The converters of the variables, in order. */
  readonly converters: readonly SegmentConverter[];
  /** The converter when it alone fills the segment. */
  readonly single: SegmentConverter | undefined;
  /** The fast form of a final part with one `path` variable. */
  readonly pathTail: PathTail | undefined;
  /** Otherwise: for a segment `^...$` on its text; for a final part, sticky up to the end. */
  readonly regex: RegExp | undefined;
}

/** One part of a rule. */
export type RulePart = StaticPart | DynamicPart;

/** A piece of the built URL: static text (already in rule form) or a variable's name. */
export type TraceItem = string | { readonly name: string };

/** A compiled rule or host pattern. */
export interface CompiledPattern {
  readonly parts: RulePart[];
  readonly trace: TraceItem[];
  readonly variables: Array<[string, SegmentConverter]>;
}

/** Finds (or makes) the converter for `<name(args):...>`; throws for an unknown name. */
export type ConverterLookup = (name: string, args: string | undefined) => SegmentConverter & { readonly isPath?: boolean };

/**
 * Names a variable may not have: a plain object of values inherits them (`values.toString` is a
 * function), and `__proto__` cannot be a key of the params object.
 */
export const INHERITED: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** The group names stay clear of any a custom converter's regex could use. */
export const GROUP = '__tsgi';
export const SUFFIX_GROUP = '__tsgis';

type Piece = { readonly text: string } | { readonly converter: SegmentConverter & { readonly isPath?: boolean } };

/**
 * Compiles a pattern: a path starting with `/`, or a host or subdomain pattern (one part).
 *
 * @example
 * ```ts
 * compilePattern('/v<int:major>', lookup).parts; // [{ static: true, text: '' }, { static: false, ... }]
 * ```
 */
export function compilePattern(pattern: string, lookup: ConverterLookup): CompiledPattern {
  const parts: RulePart[] = [];
  const trace: TraceItem[] = [];
  const variables: Array<[string, SegmentConverter]> = [];
  let pieces: Piece[] = [];
  let statics: string[] = [];
  let weights: number[] = [];
  let final = false;
  for (const token of tokenizeRule(pattern)) {
    if (token.kind === 'static') {
      pieces.push({ text: token.text });
      statics.push(token.text);
      trace.push(token.text);
    } else if (token.kind === 'var') {
      if (variables.some(([name]) => name === token.name)) throw new SyntaxError(`variable ${token.name} appears twice in ${pattern}`);
      if (INHERITED.has(token.name)) throw new SyntaxError(`variable ${token.name} in ${pattern} is the name of an Object.prototype member`);
      const converter = lookup(token.converter, token.args);
      variables.push([token.name, converter]);
      pieces.push({ converter });
      weights.push(converter.weight);
      if (!converter.partIsolating) final = true;
      trace.push({ name: token.name });
    } else {
      trace.push('/');
      if (final) {
        // A part crossing slashes goes on to the end of the rule, slashes and all.
        pieces.push({ text: '/' });
      } else {
        parts.push(makePart(pieces, weighting(statics, weights), false, false));
        pieces = [];
        statics = [];
        weights = [];
      }
    }
  }
  const last = pieces[pieces.length - 1];
  const suffixed = final && last !== undefined && 'text' in last && last.text === '/';
  if (suffixed) pieces.pop();
  parts.push(makePart(pieces, weighting(statics, weights), final, suffixed));
  // The slash a suffixed part may take leads to the state of the rules, as in Werkzeug.
  if (suffixed) parts.push({ static: true, text: '' });
  return { parts, trace, variables };
}

function makePart(pieces: Piece[], weight: Weighting, final: boolean, suffixed: boolean): RulePart {
  const converters = pieces.flatMap((piece) => ('converter' in piece ? [piece.converter] : []));
  if (converters.length === 0) return { static: true, text: pieces.map((piece) => ('text' in piece ? piece.text : '')).join('') };
  const key = pieces.map((piece) => ('text' in piece ? `s${JSON.stringify(piece.text)}` : `c${piece.converter.key}`)).join(',')
    + (final ? '|final' : '') + (suffixed ? '|suffixed' : '');
  const single = !final && pieces.length === 1 ? converters[0] : undefined;
  const pathTail = final ? fastPathTail(pieces) : undefined;
  let regex: RegExp | undefined;
  if (single === undefined && pathTail === undefined) {
    let index = 0;
    const source = pieces.map((piece) => ('text' in piece ? escapeRegex(piece.text) : `(?<${GROUP}${index++}>${piece.converter.regex})`)).join('');
    regex = final
      ? new RegExp(`${source}${suffixed ? `(?<!/)(?<${SUFFIX_GROUP}>/?)` : ''}$`, 'sy')
      : new RegExp(`^${source}$`, 's');
  }
  return { static: false, key, weight, final, suffixed, converters, single, pathTail, regex };
}

// Static text, one built-in `path` variable, static text: the common `/files/<path:name>` and
// `/<path:page>/edit` shapes, matched by string compares in linear time.
function fastPathTail(pieces: Piece[]): PathTail | undefined {
  const at = pieces.findIndex((piece) => 'converter' in piece);
  const piece = pieces[at];
  if (!('converter' in piece) || piece.converter.isPath !== true) return undefined;
  const rest = pieces.slice(at + 1);
  if (rest.some((other) => 'converter' in other)) return undefined;
  const join = (list: Piece[]): string => list.map((other) => ('text' in other ? other.text : '')).join('');
  return { prefix: join(pieces.slice(0, at)), tail: join(rest) };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
