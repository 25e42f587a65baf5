/**
 * The trie of rule parts (Werkzeug's `StateMachineMatcher` states): static children by exact text,
 * dynamic children in weight order, and the rules that end here. `freeze()` precomputes what
 * matching reads: static children bucketed by length, the `""` child (trailing slash), and per
 * domain a table from whole static paths to their state.
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

/** Static children of one length: parallel arrays, compared char by char. */
export interface StaticBucket<R> {
  readonly keys: string[];
  readonly states: Array<State<R>>;
}

/** A dynamic transition. */
export interface DynamicEdge<R> {
  readonly part: DynamicPart;
  readonly state: State<R>;
}

/** One state of the trie. */
export class State<R> {
  /** Rules ending here, in insertion order: the first whose method fits wins. */
  readonly rules: R[] = [];
  readonly static = new Map<string, State<R>>();
  readonly dynamic: Array<DynamicEdge<R>> = [];
  /** `byLength[n]`: the static children whose text has n characters. */
  byLength: Array<StaticBucket<R> | undefined> = [];
  /** The `""` child: where a trailing slash leads. */
  slash: State<R> | undefined;
  /** On a domain state: the state after the leading `/`. */
  pathRoot: State<R> | undefined;
  /** On a domain state: whole static paths to the state they end in. */
  staticPaths: Map<string, State<R>> | undefined;

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
    this.byLength = [];
    for (const [text, state] of this.static) {
      const bucket = (this.byLength[text.length] ??= { keys: [], states: [] });
      bucket.keys.push(text);
      bucket.states.push(state);
      state.freeze(below);
    }
    // Fill holes so that the array stays packed for the matcher.
    for (let i = 0; i < this.byLength.length; i++) this.byLength[i] ??= undefined;
    this.slash = this.static.get('');
    for (const edge of this.dynamic) edge.state.freeze(below);
    if (level === 'domain') {
      this.pathRoot = this.static.get('');
      this.staticPaths = new Map();
      if (this.pathRoot !== undefined) collectStatic(this.pathRoot, '', this.staticPaths);
    }
  }
}

function collectStatic<R>(state: State<R>, path: string, into: Map<string, State<R>>): void {
  for (const [text, child] of state.static) {
    const full = `${path}/${text}`;
    if (child.rules.length > 0) into.set(full, child);
    collectStatic(child, full, into);
  }
}
