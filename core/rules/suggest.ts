/**
 * "Did you mean …?" for misspelt names, by Levenshtein edit distance. Pure.
 *
 * @module
 */

/** Edit distance between `a` and `b` (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The closest of `names` to `name` when it is close enough to be a typo (distance ≤ 2 and
 * less than half the name), else `undefined`.
 *
 * @example
 * ```ts
 * import { closest } from "./suggest.ts";
 * closest("rsl", ["rsi", "sma", "ema"]); // "rsi"
 * ```
 */
export function closest(name: string, names: Iterable<string>): string | undefined {
  let best: string | undefined, bestD = Infinity;
  for (const n of names) {
    const d = editDistance(name.toLowerCase(), n);
    if (d < bestD) [best, bestD] = [n, d];
  }
  return bestD <= 2 && bestD < Math.max(2, name.length / 2) ? best : undefined;
}

/** `— did you mean "x"?` or an empty string. */
export function didYouMean(name: string, names: Iterable<string>): string {
  const c = closest(name, names);
  return c === undefined ? "" : ` — did you mean "${c}"?`;
}
