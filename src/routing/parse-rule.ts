/**
 * Reads a rule string (`/v<int:major>.<int(min=1):minor>/`) into slashes, static text and
 * variables, as Werkzeug's `_part_re` does.
 * @module
 */

/** One piece of a rule string. */
export type RuleToken =
  | { readonly kind: 'slash' }
  | { readonly kind: 'static'; readonly text: string }
  | { readonly kind: 'var'; readonly converter: string; readonly args: string | undefined; readonly name: string };

const TOKEN = /(\/)|([^</]+)|<(?:([A-Za-z_]\w*)(?:\((.*?)\))?:)?([A-Za-z_]\w*)>/y;
const SLASH: RuleToken = { kind: 'slash' };

/**
 * Splits a rule or host pattern into tokens; a `SyntaxError` for a malformed `<...>`.
 *
 * @example
 * ```ts
 * tokenizeRule('/v<int:major>');
 * // [{ kind: 'slash' }, { kind: 'static', text: 'v' }, { kind: 'var', converter: 'int', args: undefined, name: 'major' }]
 * ```
 */
export function tokenizeRule(rule: string): RuleToken[] {
  const tokens: RuleToken[] = [];
  let pos = 0;
  while (pos < rule.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(rule);
    if (m === null) throw new SyntaxError(`malformed url rule: ${JSON.stringify(rule)} at ${pos}`);
    if (m[1] !== undefined) tokens.push(SLASH);
    else if (m[2] !== undefined) tokens.push({ kind: 'static', text: m[2] });
    else tokens.push({ kind: 'var', converter: m[3] ?? 'default', args: m[4], name: m[5] });
    pos = TOKEN.lastIndex;
  }
  return tokens;
}
