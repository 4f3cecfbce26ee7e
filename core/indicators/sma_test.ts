import assert from "node:assert/strict";
import { assertSeriesClose } from "./_testing.ts";
import { sma, smaInto, smaWarmup } from "./sma.ts";

Deno.test("sma() matches hand-computed means", () => {
  assertSeriesClose(sma(Float64Array.of(1, 2, 3, 4, 5), 3), [null, null, 2, 3, 4], 1e-12);
  assertSeriesClose(sma(Float64Array.of(4, 8), 1), [4, 8], 0);
  assert.equal(smaWarmup(3), 2);
});

Deno.test("sma() skips leading NaNs so it can smooth another indicator", () => {
  assertSeriesClose(sma(Float64Array.of(NaN, NaN, 2, 4, 6), 2), [null, null, null, 3, 5], 1e-12);
});

Deno.test("sma() is all NaN when the input is shorter than the period", () => {
  assertSeriesClose(sma(Float64Array.of(1, 2), 3), [null, null], 0);
  assert.equal(sma(new Float64Array(0), 3).length, 0);
});

Deno.test("smaInto() writes into the caller's buffer and returns it", () => {
  const out = new Float64Array(5);
  assert.equal(smaInto(out, Float64Array.of(1, 2, 3, 4, 5), 2), out);
  assertSeriesClose(out, [null, 1.5, 2.5, 3.5, 4.5], 1e-12);
});

Deno.test("sma() rejects a bad period or buffer with a RangeError saying what is needed", () => {
  assert.throws(() => sma(Float64Array.of(1), 0), {
    name: "RangeError",
    message: "Cannot compute SMA: period must be a positive integer, current value is 0",
  });
  assert.throws(() => sma(Float64Array.of(1), 2.5), RangeError);
  assert.throws(
    () => smaInto(new Float64Array(1), Float64Array.of(1, 2), 1),
    /out must have length 2/,
  );
});
