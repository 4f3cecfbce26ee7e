/**
 * Argument checks shared by the indicators (private to this folder). Every check throws a
 * `RangeError` whose message reads `Cannot compute RSI: period must be a positive integer,
 * current value is 0`.
 *
 * @module
 */

/** Throws unless `value` is an integer ≥ 1. */
export function checkPeriod(indicator: string, name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(
      `Cannot compute ${indicator}: ${name} must be a positive integer, current value is ${value}`,
    );
  }
}

/** Throws unless `value` is a finite number ≥ 0. */
export function checkNonNegative(indicator: string, name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(
      `Cannot compute ${indicator}: ${name} must be a finite number ≥ 0, current value is ${value}`,
    );
  }
}

/** Throws unless every array has length `n` (`names` label them in the message). */
export function checkLengths(
  indicator: string,
  n: number,
  arrays: readonly ArrayLike<number>[],
  names: readonly string[],
): void {
  for (let j = 0; j < arrays.length; j++) {
    const len = arrays[j]!.length;
    if (len !== n) {
      throw new RangeError(
        `Cannot compute ${indicator}: ${names[j]} must have length ${n} like the input, ` +
          `current length is ${len}`,
      );
    }
  }
}

/** Index of the first value that is not NaN (`values.length` when all are NaN). */
export function leadingNaNs(values: Float64Array): number {
  let s = 0;
  while (s < values.length && values[s] !== values[s]) s++;
  return s;
}
