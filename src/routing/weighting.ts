/**
 * The order in which the dynamic parts at one place of the path are tried, as Werkzeug's
 * `Weighting`: more static pieces first, then longer static pieces earlier, then more variables,
 * then lighter converters (int 50 before string 100 before path 200). Ties keep insertion order.
 * @module
 */

/** Werkzeug's weighting tuple of one dynamic part. */
export interface Weighting {
  /** Minus the number of static pieces. */
  readonly staticCount: number;
  /** Per static piece: its index and minus its length in code points. */
  readonly statics: ReadonlyArray<readonly [number, number]>;
  /** Minus the number of variables. */
  readonly argCount: number;
  /** The weight of each variable's converter. */
  readonly args: readonly number[];
}

/**
 * Builds the tuple from a part's static pieces and converter weights.
 *
 * @example
 * ```ts
 * weighting(['v', '.'], [50, 50]); // { staticCount: -2, statics: [[0, -1], [1, -1]], argCount: -2, args: [50, 50] }
 * ```
 */
export function weighting(statics: readonly string[], args: readonly number[]): Weighting {
  return {
    staticCount: -statics.length,
    statics: statics.map((text, i) => [i, -[...text].length] as const),
    argCount: -args.length,
    args,
  };
}

/**
 * Compares two weightings as Python compares the tuples (lists element by element, then by length).
 *
 * @example
 * ```ts
 * compareWeighting(weighting([], [50]), weighting([], [100])); // negative: int before string
 * ```
 */
export function compareWeighting(a: Weighting, b: Weighting): number {
  return (
    a.staticCount - b.staticCount ||
    compareLists(a.statics, b.statics, (x, y) => x[0] - y[0] || x[1] - y[1]) ||
    a.argCount - b.argCount ||
    compareLists(a.args, b.args, (x, y) => x - y)
  );
}

function compareLists<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const order = compare(a[i], b[i]);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}
