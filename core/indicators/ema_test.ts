import assert from "node:assert/strict";
import { assertSeriesClose } from "./_testing.ts";
import { ema, emaInto, emaWarmup } from "./ema.ts";

Deno.test("ema() is seeded with the SMA of the first period values, then α = 2/(n+1)", () => {
  // seed (1+2)/2 = 1.5; then 1.5 + 2/3·(3 − 1.5) = 2.5; 2.5 + 2/3·(4 − 2.5) = 3.5
  assertSeriesClose(ema(Float64Array.of(1, 2, 3, 4), 2), [null, 1.5, 2.5, 3.5], 1e-12);
  // α = 0.5: seed (2+4+6)/3 = 4; 4 + 0.5·(1 − 4) = 2.5; 2.5 + 0.5·(10 − 2.5) = 6.25
  assertSeriesClose(ema(Float64Array.of(2, 4, 6, 1, 10), 3), [null, null, 4, 2.5, 6.25], 1e-12);
  assert.equal(emaWarmup(3), 2);
});

Deno.test("ema() skips leading NaNs and equals the input for period 1", () => {
  assertSeriesClose(ema(Float64Array.of(NaN, 1, 2, 3), 2), [null, null, 1.5, 2.5], 1e-12);
  assertSeriesClose(ema(Float64Array.of(3, 1, 4), 1), [3, 1, 4], 0);
});

Deno.test("emaInto() fills the caller's buffer; bad periods throw RangeError", () => {
  const out = new Float64Array(3).fill(7);
  emaInto(out, Float64Array.of(1, 2, 3), 5);
  assertSeriesClose(out, [null, null, null], 0);
  assert.throws(() => ema(Float64Array.of(1), -1), {
    name: "RangeError",
    message: "Cannot compute EMA: period must be a positive integer, current value is -1",
  });
});
