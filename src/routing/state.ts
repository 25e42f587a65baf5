/**
 * The trie of rule parts (Werkzeug's `StateMachineMatcher` states): static children by exact text,
 * dynamic children in weight order, and the rules that end here. `freeze()` precomputes what
 * matching reads: static children as arrays of texts and first chars, the `""` child (trailing
 * slash), and whether a state can be passed through without backtracking. There is
 * no table of whole static paths: hashing a fresh path string (as servers hand them over) costs
 * more than walking its segments by char code.
 * @module
 */
import type { DynamicPart, RulePart } from './compile.js';
import { STANDARD_METHODS, type MethodMatch } from './methods.js';
import { compareWeighting } from './weighting.js';

/** What the matcher reads of a rule. */
export interface MatchTarget {
  readonly websocket: boolean;
  readonly strictSlashes: boolean;
  readonly methods: readonly string[] | undefined;
  readonly methodMatch: MethodMatch;
}

/** A dynamic transition. */
export interface DynamicEdge<R extends MatchTarget> {
  readonly part: DynamicPart;
  readonly state: State<R>;
}

const NO_RULES: readonly never[] = [];
/** Up to this many static children, a state's keys are scanned in a row. */
const WIDE = 6;

/** One state of the trie. */
export class State<R extends MatchTarget> {
  /** Rules ending here, in insertion order: the first whose method fits wins. */
  readonly rules: R[] = [];
  readonly static = new Map<string, State<R>>();
  readonly dynamic: Array<DynamicEdge<R>> = [];
  /**
   * The static children's texts, first char codes (`/` for `""`) and states, as parallel arrays;
   * a chain of single children is one key holding slashes.
   */
  keys: string[] = [];
  firsts: number[] = [];
  /** A key holds a slash (a chain of single children). */
  chained = false;
  children: Array<State<R>> = [];
  /**
   * With many static children (sorted by first char): `starts[c - low]` to `starts[c - low + 1]`
   * are the keys starting with char code `c`, so a wide state (the GitHub API's root, or `repos/
   * <owner>/<repo>` with 40 children) is not scanned whole. Undefined for a few children.
   */
  starts: Uint16Array | undefined;
  low = 0;
  /** No rule here matches without strict slashes: nothing to try once the children failed. */
  strictOnly = true;
  /** No dynamic child either: after the static child, nothing is left to try here. */
  passThrough = false;
  /** The `""` child: where a trailing slash leads. */
  slash: State<R> | undefined;
  /** On a domain state: the state after the leading `/`. */
  pathRoot: State<R> | undefined;
  /**
   * By a standard method's bit index: the rule an HTTP (not WebSocket) request of that method
   * matches here, the first in `rules` that takes it. A hit is one array read; a miss goes through
   * `rules` to record what a 405 or 400 needs.
   */
  byMethod: ReadonlyArray<R | undefined> = NO_RULES;

  /** The state reached by `parts`, made as needed. */
  descend(parts: readonly RulePart[]): State<R> {
    let state: State<R> = this;
    for (const part of parts) {
      if (part.static) {
        let next = state.static.get(part.text);
        if (next === undefined) state.static.set(part.text, (next = new State<R>()));
        state = next;
      } else {
        const edge = state.dynamic.find((other) => other.part.key === part.key);
        if (edge !== undefined) {
          state = edge.state;
        } else {
          const next = new State<R>();
          state.dynamic.push({ part, state: next });
          state = next;
        }
      }
    }
    return state;
  }

  // The static children's arrays, and `starts` for a wide state (a counting sort by first char).
  // Their order does not matter otherwise: the keys differ in their first segment, so at most one
  // fits a path. Plain loops: this runs for every state on the first match, before V8 compiles it.
  private index(keys: string[], children: Array<State<R>>): void {
    const count = keys.length;
    const firsts: number[] = [];
    let low = 0x10000;
    let high = -1;
    for (let i = 0; i < count; i++) {
      const code = keys[i] === '' ? 47 : keys[i].charCodeAt(0);
      firsts.push(code);
      if (code < low) low = code;
      if (code > high) high = code;
    }
    this.starts = undefined;
    this.low = 0;
    const span = high - low + 1;
    // Few keys, far-apart first chars (non-Latin text) or too many keys for the table: scanned whole.
    if (count <= WIDE || span > 256 || count > 0xffff) {
      this.keys = keys;
      this.children = children;
      this.firsts = firsts;
      return;
    }
    const starts = new Uint16Array(span + 1);
    for (let i = 0; i < count; i++) starts[firsts[i] - low + 1]++;
    for (let c = 1; c <= span; c++) starts[c] += starts[c - 1];
    const next = starts.slice(0, span);
    this.keys = new Array<string>(count);
    this.children = new Array<State<R>>(count);
    this.firsts = new Array<number>(count);
    for (let i = 0; i < count; i++) {
      const at = next[firsts[i] - low]++;
      this.keys[at] = keys[i];
      this.children[at] = children[i];
      this.firsts[at] = firsts[i];
    }
    this.starts = starts;
    this.low = low;
  }

  // byMethod: for each standard method, the first HTTP rule here that takes it.
  private indexMethods(): void {
    const rules = this.rules;
    if (rules.length === 0) {
      this.byMethod = NO_RULES;
      return;
    }
    const byMethod: Array<R | undefined> = [];
    for (let i = 0; i < STANDARD_METHODS; i++) byMethod.push(undefined);
    for (const rule of rules) {
      if (rule.websocket) continue;
      const mask = rule.methodMatch.mask;
      for (let i = 0; i < STANDARD_METHODS; i++) if (byMethod[i] === undefined && (mask & (1 << i)) !== 0) byMethod[i] = rule;
    }
    this.byMethod = byMethod;
  }

  /** Sorts and indexes this state and everything below it; the root's children are domain states. */
  freeze(level: 'root' | 'domain' | 'path' = 'root'): void {
    const below = level === 'root' ? 'domain' : 'path';
    // Array sort is stable: equal weights keep insertion order, as in Werkzeug.
    this.dynamic.sort((a, b) => compareWeighting(a.part.weight, b.part.weight));
    const keys: string[] = [];
    const children: Array<State<R>> = [];
    for (const [text, state] of this.static) {
      state.freeze(below);
      let key = text;
      let target = state;
      // A chain of states with one static child and nothing else becomes one multi-segment key:
      // no alternative is skipped, and a static route is compared in one loop.
      while (level === 'path' && target.rules.length === 0 && target.dynamic.length === 0 && target.static.size === 1) {
        const [[onlyKey, only]] = target.static;
        if (onlyKey === '') break;
        key = `${key}/${onlyKey}`;
        target = only;
      }
      keys.push(key);
      children.push(target);
    }
    this.index(keys, children);
    this.chained = keys.some((key) => key.includes('/'));
    this.indexMethods();
    this.strictOnly = this.rules.every((rule) => rule.strictSlashes);
    this.passThrough = this.dynamic.length === 0 && this.strictOnly;
    this.slash = this.static.get('');
    for (const edge of this.dynamic) edge.state.freeze(below);
    if (level === 'domain') {
      this.pathRoot = this.static.get('');
    }
  }
}
