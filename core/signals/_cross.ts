/** True when `a` crosses above `b` at bar `i` (both finite at i-1 and i). */
export function crossUp(a: Float64Array, b: Float64Array, i: number): boolean {
  const a0 = a[i - 1]!, a1 = a[i]!, b0 = b[i - 1]!, b1 = b[i]!;
  return a0 <= b0 && a1 > b1;
}

/** True when `a` crosses below `b` at bar `i` (NaN compares false, so warm-up never crosses). */
export function crossDown(a: Float64Array, b: Float64Array, i: number): boolean {
  const a0 = a[i - 1]!, a1 = a[i]!, b0 = b[i - 1]!, b1 = b[i]!;
  return a0 >= b0 && a1 < b1;
}

/** True when `a` crosses above the constant `level` at bar `i`. */
export function crossUpLevel(a: Float64Array, level: number, i: number): boolean {
  return a[i - 1]! < level && a[i]! >= level;
}

/** True when `a` crosses below the constant `level` at bar `i`. */
export function crossDownLevel(a: Float64Array, level: number, i: number): boolean {
  return a[i - 1]! > level && a[i]! <= level;
}

/** Formats a number for a reason text (2 decimals, or 4 below 1). */
export function fmt(x: number): string {
  return Math.abs(x) < 1 ? x.toFixed(4) : x.toFixed(2);
}
