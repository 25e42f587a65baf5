/**
 * The argument list of a converter in a rule, `<int(fixedDigits=4, signed=true):n>`: literals in
 * Werkzeug's syntax (Python's, plus JavaScript's `true`, `false`, `null` and negative numbers).
 * @module
 */

/**
 * One converter argument: a number, a string (quoted or a bare word), a boolean or null.
 *
 * @example
 * ```ts
 * const args: ConverterArg[] = parseConverterArgs("4, 'x', True").positional as ConverterArg[]; // [4, 'x', true]
 * ```
 */
export type ConverterArg = string | number | boolean | null;

/**
 * A converter's arguments as written in the rule, positional and named.
 *
 * @example
 * ```ts
 * parseConverterArgs("a, 'b,c', min=1"); // { positional: ['a', 'b,c'], named: { min: 1 } }
 * ```
 */
export interface ConverterArgs {
  readonly positional: readonly ConverterArg[];
  readonly named: Readonly<Record<string, ConverterArg>>;
}

// One item and the comma after it (the caller appends one), as Werkzeug reads them.
// Bare words may hold any letter or digit, as Python's \w does.
const ITEM = /\s*(?:(\w+)\s*=\s*)?(?:[urUR]?("[^"]*"|'[^']*')|(-?\d+\.\d*|-?\d+|[\p{L}\p{N}_.]+))\s*,/uy;
const CONSTANTS: Record<string, ConverterArg> = { True: true, False: false, None: null, true: true, false: false, null: null };

/**
 * Parses the text between a converter's parentheses; a `SyntaxError` names the part it cannot read.
 *
 * @example
 * ```ts
 * parseConverterArgs('test, a=1, b=3.0'); // { positional: ['test'], named: { a: 1, b: 3 } }
 * ```
 */
export function parseConverterArgs(text: string): ConverterArgs {
  const source = `${text},`;
  const positional: ConverterArg[] = [];
  const named: Record<string, ConverterArg> = Object.create(null) as Record<string, ConverterArg>;
  let pos = 0;
  while (pos < source.length) {
    ITEM.lastIndex = pos;
    const m = ITEM.exec(source);
    if (m === null) {
      if (/^[\s,]*$/.test(source.slice(pos))) break;
      throw new SyntaxError(`cannot parse converter argument ${JSON.stringify(source.slice(pos, -1))}`);
    }
    const value = m[2] !== undefined ? m[2].slice(1, -1) : literal(m[3]);
    if (m[1] === undefined) positional.push(value);
    else named[m[1]] = value;
    pos = ITEM.lastIndex;
  }
  return { positional, named };
}

function literal(text: string): ConverterArg {
  if (text in CONSTANTS) return CONSTANTS[text];
  if (/^-?\d+(?:\.\d*)?$/.test(text)) return Number(text);
  return text;
}

/**
 * Reads a converter's arguments by position or by any of each parameter's names (camelCase and
 * Werkzeug's snake_case), and refuses extra or unknown ones with a `TypeError`.
 *
 * @example
 * ```ts
 * readArgs('int', parseConverterArgs('4, max=9'), [['fixedDigits', 'fixed_digits'], ['min'], ['max']]);
 * // [4, undefined, 9]
 * ```
 */
export function readArgs(
  converter: string,
  args: ConverterArgs,
  params: ReadonlyArray<readonly string[]>,
): Array<ConverterArg | undefined> {
  if (args.positional.length > params.length) {
    throw new TypeError(`converter ${converter} takes at most ${params.length} positional arguments`);
  }
  const values: Array<ConverterArg | undefined> = params.map((_, i) => args.positional[i]);
  for (const name of Object.keys(args.named)) {
    const index = params.findIndex((names) => names.includes(name));
    if (index === -1) throw new TypeError(`converter ${converter} has no argument ${JSON.stringify(name)}`);
    if (values[index] !== undefined) throw new TypeError(`converter ${converter} got argument ${name} twice`);
    values[index] = args.named[name];
  }
  return values;
}

/** An argument that must be a number (or absent); a `TypeError` otherwise. */
export function numberArg(converter: string, value: ConverterArg | undefined): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') throw new TypeError(`converter ${converter}: ${JSON.stringify(value)} is not a number`);
  return value;
}
