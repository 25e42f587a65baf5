/**
 * Options objects checked by name: a misspelt option (`serve(app, { prot: 8123 })`) is a
 * `TypeError` that names it and the option it most likely meant, not a silent default.
 * @module
 */

/** Every option name of `T`, each mapped to `true`: the compiler then keeps the list complete. */
export type OptionNames<T> = { readonly [K in keyof T]-?: true };

/**
 * A checker for the options object of `where` (a function or class name): it throws a `TypeError`
 * for options that are not an object and for any own key not in `names`. Build it once per
 * factory; the check is one pass over the keys given.
 *
 * @example
 * ```ts
 * const checkServeOptions = optionsChecker<ServeOptions>('serve', { host: true, port: true, ... });
 * checkServeOptions({ prot: 8123 }); // TypeError: serve: unknown option 'prot' (did you mean 'port'?)
 * ```
 */
export function optionsChecker<T>(where: string, names: OptionNames<T>): (options: T | undefined) => void {
  const known = Object.keys(names);
  return (options) => {
    if (options === undefined) return;
    if (typeof options !== 'object' || options === null) {
      throw new TypeError(`${where}: options must be an object, got ${options === null ? 'null' : typeof options}`);
    }
    for (const key of Object.keys(options)) {
      if (!Object.hasOwn(names, key)) throw unknownOption(where, key, known);
    }
  };
}

function unknownOption(where: string, key: string, known: readonly string[]): TypeError {
  const guess = closest(key, known);
  const hint = guess !== undefined ? ` (did you mean '${guess}'?)` : known.length <= 12 ? ` (known options: ${known.join(', ')})` : '';
  return new TypeError(`${where}: unknown option '${key}'${hint}`);
}

/**
 * The known name nearest to `key`, ignoring case, when it is near enough to be a typo: at most
 * one edit for short names, two from six letters on (a swap of two neighbours counts as one).
 */
function closest(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const limit = key.length < 6 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const name of known) {
    const distance = editDistance(lower, name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance with transpositions of neighbours (optimal string alignment). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0].push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2][j - 2] + 1);
      rows[i].push(value);
    }
  }
  return rows[a.length][b.length];
}
