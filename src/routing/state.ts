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
import type { MethodMatch } from './methods.js';
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
  children: Array<State<R>> = [];
  /** No rule here matches without strict slashes: nothing to try once the children failed. */
  strictOnly = true;
  /** No dynamic child either: after the static child, nothing is left to try here. */
  passThrough = false;
  /** The `""` child: where a trailing slash leads. */
  slash: State<R> | undefined;
  /** On a domain state: the state after the leading `/`. */
  pathRoot: State<R> | undefined;

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

  /** Sorts and indexes this state and everything below it; the root's children are domain states. */
  freeze(level: 'root' | 'domain' | 'path' = 'root'): void {
    const below = level === 'root' ? 'domain' : 'path';
    // Array sort is stable: equal weights keep insertion order, as in Werkzeug.
    this.dynamic.sort((a, b) => compareWeighting(a.part.weight, b.part.weight));
    this.keys = [];
    this.firsts = [];
    this.children = [];
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
      this.keys.push(key);
      this.firsts.push(key === '' ? 47 : key.charCodeAt(0));
      this.children.push(target);
    }
    this.strictOnly = this.rules.every((rule) => rule.strictSlashes);
    this.passThrough = this.dynamic.length === 0 && this.strictOnly;
    this.slash = this.static.get('');
    for (const edge of this.dynamic) edge.state.freeze(below);
    if (level === 'domain') {
      this.pathRoot = this.static.get('');
    }
  }
}
