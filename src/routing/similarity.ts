/**
 * How alike two strings are, as Python's `difflib.SequenceMatcher(None, a, b).ratio()` measures
 * it (Ratcliff/Obershelp): twice the characters in matching blocks over the total length. Used
 * to suggest the endpoint a `BuildError` probably meant.
 * @module
 */

/**
 * The similarity ratio of two strings, from 0 (nothing in common) to 1 (equal).
 *
 * @example
 * ```ts
 * similarity('admin.user', 'admin.users'); // 0.952...
 * ```
 */
export function similarity(a: string, b: string): number {
  const total = a.length + b.length;
  return total === 0 ? 1 : (2 * matchingCharacters(a, 0, a.length, b, 0, b.length)) / total;
}

// The longest common block (earliest in a, then in b, as difflib picks it), then the same on
// each side of it.
function matchingCharacters(a: string, aLo: number, aHi: number, b: string, bLo: number, bHi: number): number {
  let bestI = aLo;
  let bestJ = bLo;
  let bestSize = 0;
  let previous = new Array<number>(bHi - bLo + 1).fill(0);
  for (let i = aLo; i < aHi; i++) {
    const current = new Array<number>(bHi - bLo + 1).fill(0);
    for (let j = bLo; j < bHi; j++) {
      if (a[i] !== b[j]) continue;
      const size = previous[j - bLo] + 1;
      current[j - bLo + 1] = size;
      if (size > bestSize) {
        bestI = i - size + 1;
        bestJ = j - size + 1;
        bestSize = size;
      }
    }
    previous = current;
  }
  if (bestSize === 0) return 0;
  return (
    bestSize +
    matchingCharacters(a, aLo, bestI, b, bLo, bestJ) +
    matchingCharacters(a, bestI + bestSize, aHi, b, bestJ + bestSize, bHi)
  );
}
