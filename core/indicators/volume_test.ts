import assert from "node:assert/strict";
import { assertSeriesClose } from "./_testing.ts";
import { obv, obvInto } from "./obv.ts";
import { pvt, pvtInto } from "./pvt.ts";
import { volumeRatio, volumeRatioInto, volumeRatioWarmup } from "./volume_ratio.ts";
import { vwap, vwapInto, vwapWarmup } from "./vwap.ts";

Deno.test("obv() adds volume on up closes, subtracts on down closes, keeps on flat", () => {
  const c = Float64Array.of(10, 11, 10.5, 10.5, 12);
  const v = Float64Array.of(100, 200, 50, 70, 30);
  assertSeriesClose(obv(c, v), [0, 200, 150, 150, 180], 0);
  assert.deepEqual(obvInto(new Float64Array(5), c, v), obv(c, v));
  assert.throws(() => obv(c, v.subarray(1)), /Cannot compute OBV: volume must have length 5/);
});

Deno.test("pvt() accumulates volume × relative change", () => {
  const c = Float64Array.of(10, 11, 9.9);
  const v = Float64Array.of(100, 200, 100);
  assertSeriesClose(pvt(c, v), [0, 20, 10], 1e-12); // 200·0.1; 20 + 100·(−1.1/11)
  assert.deepEqual(pvtInto(new Float64Array(3), c, v), pvt(c, v));
});

Deno.test("vwap() is the rolling volume-weighted typical price", () => {
  const h = Float64Array.of(3, 6, 9), l = Float64Array.of(1, 2, 3), c = Float64Array.of(2, 4, 6);
  const v = Float64Array.of(1, 3, 1); // typical prices 2, 4, 6
  assertSeriesClose(vwap(h, l, c, v, 2), [null, 3.5, 4.5], 1e-12); // (2+12)/4, (12+6)/4
  assert.equal(vwapWarmup(2), 1);
  assert.deepEqual(vwapInto(new Float64Array(3), h, l, c, v, 2), vwap(h, l, c, v, 2));
  assert.ok(Number.isNaN(vwap(h, l, c, new Float64Array(3), 2)[2]!), "no volume → NaN");
});

Deno.test("volumeRatio() divides by the mean of the previous period volumes", () => {
  assertSeriesClose(volumeRatio(Float64Array.of(10, 20, 30, 60), 2), [null, null, 2, 2.4], 1e-12);
  assert.equal(volumeRatioWarmup(20), 20);
  const v = Float64Array.of(0, 0, 5, 0);
  const r = volumeRatioInto(new Float64Array(4), v, 2);
  assert.equal(r[2], Infinity);
  assert.equal(r[3], 0); // 0 / mean(0, 5)
  assert.throws(() => volumeRatio(v, 0), /Cannot compute volume ratio: period/);
});
