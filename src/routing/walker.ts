/**
 * The matching walk (hot path): Werkzeug's depth-first search with backtracking, over string
 * indices instead of `split('/')`. Static children are found by length and char codes, built-in
 * converters test the segment in place and convert it (a refused value backtracks to the next
 * candidate), and nothing is allocated but the values of variables. A miss records what a 405 or a
 * websocket 400 needs as it goes (bits and a flag); a strict-slash hit stops the walk.
 * @module
 */
import { convert, NO_MATCH } from './converter.js';
import { GROUP, SUFFIX_GROUP, type DynamicPart } from './compile.js';
import { ANY_METHOD, OTHER_METHOD } from './methods.js';
import type { MatchTarget, State } from './state.js';

/** One matching pass's input and findings; reused between calls (matching is synchronous). */
export class Walker<R extends MatchTarget> {
  // The path is an argument of the walk, not a field: storing each request's (new) string in this
  // long-lived object would cost a write barrier per match.
  method = '';
  bit = 0;
  /** The index of a standard method's bit, for `State.byMethod`; -1 for another method or a WebSocket request. */
  methodIndex = -1;
  websocket = false;
  /** The values of the variables on the current branch, domain first. */
  readonly values: unknown[] = [];
  top = 0;
  /** Methods of rules that matched the path but not the method. */
  allowMask = 0;
  allowExtra: Set<string> | undefined;
  websocketMismatch = false;
  /** A strict rule matches with one more slash: the walk stopped. */
  slashRequired = false;
  /**
   * 1 once the walk read past the segments it stood on: an empty segment (a doubled slash), a
   * multi-segment key that did not fit, or a part that takes the rest of the path. Until then it
   * read only whole non-empty segments, which merging slashes leaves as they are, so after a miss
   * the walk of the merged path would miss the same way and the path need not be scanned for `//`
   * (lookup.ts). A number, so that setting it costs no write barrier.
   */
  readPast = 0;
  /** Set while a guarded walk runs, so that a converter calling `match` gets a walker of its own. */
  busy = false;

  start(method: string, bit: number, websocket: boolean): void {
    this.method = method;
    this.bit = bit;
    this.methodIndex = websocket || bit === OTHER_METHOD ? -1 : 31 - Math.clz32(bit);
    this.websocket = websocket;
    this.top = 0;
    this.allowMask = 0;
    this.allowExtra = undefined;
    this.websocketMismatch = false;
    this.slashRequired = false;
    this.readPast = 0;
  }

  /** Walks again (merged slashes) keeping what the first walk recorded for a 405 or 400. */
  restart(): void {
    this.top = 0;
    this.slashRequired = false;
  }

  /** Matches the domain part (a static child first, then dynamic ones), then the path. */
  run(root: State<R>, domain: string, path: string): R | null {
    const state = domain === '' ? root.slash : root.static.get(domain);
    if (state !== undefined) {
      const rule = this.fromDomain(state, path);
      if (rule !== null || this.slashRequired) return rule;
    }
    return root.dynamic.length === 0 ? null : this.runDynamicDomains(root, domain, path);
  }

  // Host or subdomain rules with variables; apart from run, so that run stays small to inline.
  private runDynamicDomains(root: State<R>, domain: string, path: string): R | null {
    for (const edge of root.dynamic) {
      const mark = this.top;
      if (!this.push(edge.part, domain, 0, domain.length)) continue;
      const rule = this.fromDomain(edge.state, path);
      if (rule !== null || this.slashRequired) return rule;
      this.top = mark;
    }
    return null;
  }

  private fromDomain(domain: State<R>, path: string): R | null {
    const root = domain.pathRoot;
    return root === undefined ? null : this.walk(root, 1, path);
  }

  /** Matches from `pos`, the start of a segment; `pos > len` means no segment is left. */
  private walk(state: State<R>, pos: number, path: string): R | null {
    const len = path.length;
    walking: for (;;) {
      if (pos > len) return this.atEnd(state);
      // The static child whose text is this segment: first char, boundary, then the text in place.
      const keys = state.keys;
      let child: State<R> | undefined;
      let next = 0;
      if (keys.length !== 0) {
        let first = 47;
        if (pos < len) {
          first = path.charCodeAt(pos);
          if (first === 47) this.readPast = 1;
        }
        const firsts = state.firsts;
        let k = 0;
        let stopAt = keys.length;
        const starts = state.starts;
        if (starts !== undefined) {
          const at = first - state.low;
          if (at >= 0 && at < starts.length - 1) {
            k = starts[at];
            stopAt = starts[at + 1];
          } else {
            stopAt = 0;
          }
        }
        for (; k < stopAt; k++) {
          if (firsts[k] !== first) continue;
          const key = keys[k];
          const size = key.length;
          const stop = pos + size;
          // stop > len first: a charCodeAt past the end (NaN) makes V8 call the builtin from then on.
          if (stop > len || (stop !== len && path.charCodeAt(stop) !== 47)) {
            if (state.chained) this.readPast = 1;
            continue;
          }
          // String equality compares memory at once: faster than a charCodeAt loop, even with
          // the short-lived substring.
          if (size < 2 || path.substring(pos, stop) === key) {
            child = state.children[k];
            next = stop + 1;
            break;
          }
          if (state.chained) this.readPast = 1;
        }
      }
      if (child !== undefined) {
        // Nothing else to try at this state: go on without a recursive call.
        if (state.passThrough) {
          state = child;
          pos = next;
          continue;
        }
        const rule = this.walk(child, next, path);
        if (rule !== null || this.slashRequired) return rule;
      }
      const dynamic = state.dynamic;
      if (dynamic.length !== 0) {
        let end = -1;
        for (let i = 0; i < dynamic.length; i++) {
          const edge = dynamic[i];
          const part = edge.part;
          const mark = this.top;
          let next: number;
          if (part.final) {
            next = this.matchFinal(part, pos, path);
            if (next === -1) continue;
          } else {
            if (end === -1) {
              end = path.indexOf('/', pos);
              if (end === -1) end = len;
              else if (end === pos) this.readPast = 1;
            }
            const single = part.single;
            if (single !== undefined) {
              const value = single.matchSegment(path, pos, end);
              if (value === NO_MATCH) continue;
              this.values[this.top++] = value;
            } else if (!this.push(part, path, pos, end)) {
              continue;
            }
            next = end + 1;
          }
          // The last thing to try at this state: go on without a recursive call.
          if (i === dynamic.length - 1 && (pos !== len || state.strictOnly)) {
            state = edge.state;
            pos = next;
            continue walking;
          }
          const rule = this.walk(edge.state, next, path);
          if (rule !== null || this.slashRequired) return rule;
          this.top = mark;
        }
      }
      // Only a trailing "" is left: rules without strict slashes match without it.
      return pos === len ? this.loose(state) : null;
    }
  }

  // Small, so that V8 inlines it into walk; what a miss needs is in the next method.
  private atEnd(state: State<R>): R | null {
    const index = this.methodIndex;
    if (index !== -1) {
      const found = state.byMethod[index];
      if (found !== undefined) return found;
    }
    return this.atEndMissed(state);
  }

  /** The end of the path without a rule for the method: what a 405, 400 or slash redirect needs. */
  private atEndMissed(state: State<R>): R | null {
    const rules = state.rules;
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i];
      if (!this.accepts(rule)) this.refused(rule);
      else if (rule.websocket !== this.websocket) this.websocketMismatch = true;
      else return rule;
    }
    const slash = state.slash;
    if (slash !== undefined) {
      for (const rule of slash.rules) {
        if (rule.websocket !== this.websocket || !this.accepts(rule)) continue;
        if (!rule.strictSlashes) return rule;
        this.slashRequired = true;
        return null;
      }
    }
    return null;
  }

  private loose(state: State<R>): R | null {
    for (const rule of state.rules) {
      if (rule.strictSlashes) continue;
      if (!this.accepts(rule)) this.refused(rule);
      else if (rule.websocket !== this.websocket) this.websocketMismatch = true;
      else return rule;
    }
    return null;
  }

  /** Matches a part that takes the rest of the path; the position after it, or -1 (nothing pushed). */
  private matchFinal(part: DynamicPart, pos: number, path: string): number {
    this.readPast = 1;
    const shape = part.pathTail;
    if (shape === undefined) return this.matchFinalRegex(part, pos, path);
    // prefix, then a `path` value (non-empty, not starting with '/'), then tail, to the end.
    const len = path.length;
    let after = len + 1;
    const from = pos + shape.prefix.length;
    let to = len - shape.tail.length;
    if (part.suffixed && len > 0 && path.charCodeAt(len - 1) === 47) {
      to--;
      after = len;
      // The regex's (?<!/): the text before the optional slash must not end with one.
      if (len > 1 && path.charCodeAt(len - 2) === 47) return -1;
    }
    if (to - from < 1 || path.charCodeAt(from) === 47) return -1;
    const { prefix, tail } = shape;
    if ((prefix !== '' && !path.startsWith(prefix, pos)) || (tail !== '' && !path.startsWith(tail, to))) return -1;
    this.values[this.top++] = path.substring(from, to);
    return after;
  }

  /** `matchFinal` for a part with its regular expression (several variables, or a custom converter). */
  private matchFinalRegex(part: DynamicPart, pos: number, path: string): number {
    const regex = part.regex!;
    regex.lastIndex = pos;
    const m = regex.exec(path);
    if (m === null || !this.pushGroups(part, m.groups!)) return -1;
    return part.suffixed && m.groups![SUFFIX_GROUP] === '/' ? path.length : path.length + 1;
  }

  /** Pushes the values of a part matched by its regular expression; false (and none pushed) if refused. */
  private push(part: DynamicPart, text: string, start: number, end: number): boolean {
    if (part.single !== undefined) {
      const value = part.single.matchSegment(text, start, end);
      if (value === NO_MATCH) return false;
      this.values[this.top++] = value;
      return true;
    }
    const m = part.regex!.exec(text.substring(start, end));
    return m !== null && this.pushGroups(part, m.groups!);
  }

  private pushGroups(part: DynamicPart, groups: Record<string, string>): boolean {
    const mark = this.top;
    const converters = part.converters;
    for (let i = 0; i < converters.length; i++) {
      const value = convert(converters[i], groups[GROUP + i]);
      if (value === NO_MATCH) {
        this.top = mark;
        return false;
      }
      this.values[this.top++] = value;
    }
    return true;
  }

  private accepts(rule: R): boolean {
    const match = rule.methodMatch;
    const bit = this.bit;
    if ((match.mask & bit) === 0) return false;
    return bit !== OTHER_METHOD || match.mask === ANY_METHOD || match.extra!.has(this.method);
  }

  private refused(rule: R): void {
    if (rule.methods === undefined) return;
    this.allowMask |= rule.methodMatch.mask;
    const extra = rule.methodMatch.extra;
    if (extra !== undefined) for (const method of extra) (this.allowExtra ??= new Set()).add(method);
  }
}

/**
 * The walker of a map with a converter that is not built in. Such a converter may throw, or match
 * with the same map while this walk is under way: the walker is marked busy while it walks (a
 * nested match then gets a walker of its own, `RuleMap.walker`) and freed even when the converter
 * throws. Other maps walk without the try/finally, which around their walk cost a match about 4%
 * (measured with bench/routing-ab.js).
 */
export class GuardedWalker<R extends MatchTarget> extends Walker<R> {
  override run(root: State<R>, domain: string, path: string): R | null {
    this.busy = true;
    try {
      return super.run(root, domain, path);
    } finally {
      this.busy = false;
    }
  }
}
