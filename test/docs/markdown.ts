/**
 * Reads the fenced code blocks, their example markers and the relative links of the Markdown docs,
 * for `examples.test.ts` (the convention is described there).
 */
import ts from 'typescript';

/** What a marker asks the docs test to do with the block after it. */
export type ExampleKind = 'module' | 'fragment' | 'run' | 'skip';

/** One fenced code block of a Markdown file. */
export interface CodeBlock {
  /** The Markdown file, relative to the repository root (`docs/guide.md`). */
  file: string;
  /** The fence's info string, lower-cased (`ts`, `sh`, `''`). */
  lang: string;
  /** The code between the fences. */
  code: string;
  /** The 1-based line of the opening fence. */
  line: number;
  /** The marker on the line right before the fence, if any. */
  marker?: { kind: ExampleKind; reason?: string } | { error: string };
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)[^\n]*$/;
const MARKER = /^\s*<!--\s*example:\s*(.*?)\s*-->\s*$/;

/** The languages whose blocks must carry a marker and are compiled. */
export const TYPESCRIPT = new Set(['ts', 'typescript', 'tsx', 'mts']);

function parseMarker(text: string): CodeBlock['marker'] {
  const match = /^(module|fragment|run|skip)\b\s*(?::\s*(.*))?$/.exec(text);
  if (!match) return { error: `unknown example marker "${text}" (expected module, fragment, run or "skip: <reason>")` };
  const kind = match[1] as ExampleKind;
  const reason = match[2]?.trim();
  if (kind === 'skip' && !reason) return { error: 'a "skip" marker must give its reason: <!-- example: skip: <why> -->' };
  if (kind !== 'skip' && reason) return { error: `only "skip" takes a reason, not "${kind}"` };
  return reason ? { kind, reason } : { kind };
}

/** Every fenced code block of `markdown`, with the marker written right before it. */
export function codeBlocks(file: string, markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, lang] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = lines[j].trim();
      if (close.length >= fence.length && close === fence[0].repeat(close.length)) break;
      body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j]);
    }
    const before = MARKER.exec(lines[i - 1] ?? '');
    blocks.push({
      file,
      lang: lang.toLowerCase(),
      code: body.join('\n'),
      line: i + 1,
      ...(before ? { marker: parseMarker(before[1]) } : {}),
    });
    i = j;
  }
  return blocks;
}

/** The markdown with fenced blocks and inline code blanked out (same length, lines kept). */
function proseOnly(markdown: string): string {
  const lines = markdown.split('\n');
  let fence: string | undefined;
  const out = lines.map((line) => {
    const open = FENCE.exec(line);
    if (fence === undefined && open) {
      fence = open[2];
      return '';
    }
    if (fence !== undefined) {
      const close = line.trim();
      if (close.length >= fence.length && close === fence[0].repeat(close.length)) fence = undefined;
      return '';
    }
    return line;
  });
  return out.join('\n').replace(/(`+)[\s\S]*?\1/g, (code) => code.replace(/[^\n]/g, ' '));
}

/** The relative link targets in the prose of `markdown` (`[text](target)` and `[ref]: target`). */
export function relativeLinks(markdown: string): Array<{ target: string; line: number }> {
  const prose = proseOnly(markdown);
  const links: Array<{ target: string; line: number }> = [];
  const patterns = [/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g, /^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm];
  for (const pattern of patterns) {
    for (const match of prose.matchAll(pattern)) {
      const target = match[1];
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#') || target.startsWith('//')) continue;
      links.push({ target, line: prose.slice(0, match.index).split('\n').length });
    }
  }
  return links;
}

/** The names a module declares or imports at its top level. */
export function topLevelNames(code: string): Set<string> {
  const source = ts.createSourceFile('block.ts', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const names = new Set<string>();
  const addBinding = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) addBinding(element.name);
  };
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      if (clause.name) names.add(clause.name.text);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
      else if (bindings) for (const element of bindings.elements) names.add(element.name.text);
    } else if (ts.isImportEqualsDeclaration(statement)) {
      names.add(statement.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) addBinding(declaration.name);
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isEnumDeclaration(statement) ||
        ts.isModuleDeclaration(statement)) &&
      statement.name &&
      ts.isIdentifier(statement.name)
    ) {
      names.add(statement.name.text);
    }
  }
  return names;
}
