/**
 * Wire conversion of indicator arrays.
 *
 * @module
 */

/**
 * Copies a `Float64Array` to a JSON-safe array: `NaN` and `±Infinity` become `null`.
 *
 * @example
 * ```ts
 * toJsonArray(Float64Array.of(NaN, 1.5, Infinity)); // [null, 1.5, null]
 * ```
 */
export function toJsonArray(a: Float64Array): (number | null)[] {
  const n = a.length;
  const out = new Array<number | null>(n);
  for (let i = 0; i < n; i++) {
    const v = a[i]!;
    out[i] = Number.isFinite(v) ? v : null;
  }
  return out;
}
