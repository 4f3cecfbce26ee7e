import assert from "node:assert/strict";
import { assertSeriesClose } from "./_testing.ts";
import { macd, macdInto, macdWarmup } from "./macd.ts";

Deno.test("macd() matches a hand computation (fast 2, slow 3, signal 2)", () => {
  // EMA2: 2, 2, 4, 4, 5.3333; EMA3: 2, 3.5, 3.75, 4.875 → line 0, 0.5, 0.25, 0.45833
  // signal seeded (0 + 0.5)/2 = 0.25 at index 3, then 0.25, 0.25 + 2/3·(0.45833 − 0.25)
  const r = macd(Float64Array.of(1, 3, 2, 5, 4, 6), { fast: 2, slow: 3, signal: 2 });
  const line5 = 16 / 3 - 4.875;
  const sig5 = 0.25 + (2 / 3) * (line5 - 0.25);
  assertSeriesClose(r.macd, [null, null, 0, 0.5, 0.25, line5], 1e-12, "macd");
  assertSeriesClose(r.signal, [null, null, null, 0.25, 0.25, sig5], 1e-12, "signal");
  assertSeriesClose(r.histogram, [null, null, null, 0.25, 0, line5 - sig5], 1e-12, "histogram");
  assert.deepEqual(macdWarmup({ fast: 2, slow: 3, signal: 2 }), { macd: 2, signal: 3 });
  assert.deepEqual(macdWarmup(), { macd: 25, signal: 33 });
});

Deno.test("macdInto() equals macd(); fast ≥ slow and bad periods throw RangeError", () => {
  const x = Float64Array.from({ length: 60 }, (_, i) => 100 + 10 * Math.sin(i / 5) + i / 3);
  const n = x.length;
  const out = {
    macd: new Float64Array(n),
    signal: new Float64Array(n),
    histogram: new Float64Array(n),
  };
  assert.deepEqual(macdInto(out, x), macd(x));
  assert.throws(() => macd(x, { fast: 26, slow: 12 }), {
    name: "RangeError",
    message: "Cannot compute MACD: slow must be greater than fast (26), current value is 12",
  });
  assert.throws(() => macd(x, { signal: 0 }), /signal must be a positive integer/);
});
