/**
 * Assertions shared by this folder's tests (private; imported only by `*_test.ts`).
 *
 * @module
 */
import assert from "node:assert/strict";

/**
 * Asserts that `actual` matches `expected` element by element: `null` expects `NaN` (warm-up),
 * a number expects a finite value within `tol` (absolute).
 */
export function assertSeriesClose(
  actual: Float64Array,
  expected: readonly (number | null)[],
  tol: number,
  label = "series",
): void {
  assert.equal(actual.length, expected.length, `${label}: length`);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const a = actual[i]!;
    if (e === null || e === undefined) {
      assert.ok(Number.isNaN(a), `${label}[${i}]: expected NaN (warm-up), got ${a}`);
      continue;
    }
    assert.ok(Number.isFinite(a), `${label}[${i}]: expected ${e}, got ${a}`);
    const d = Math.abs(a - e);
    if (d > worst) worst = d;
    assert.ok(d <= tol, `${label}[${i}]: expected ${e} ± ${tol}, got ${a}`);
  }
}

/** `k` NaNs followed by `values` (for writing expected arrays with a warm-up). */
export function warm(k: number, values: readonly number[]): (number | null)[] {
  return [...new Array<null>(k).fill(null), ...values];
}
