import assert from "node:assert/strict";
import { assertSeriesClose } from "./_testing.ts";
import { stochastic, stochasticInto, stochasticWarmup } from "./stochastic.ts";
import { williamsR, williamsRInto, williamsRWarmup } from "./williams_r.ts";

const H = Float64Array.of(3, 4, 5, 4);
const L = Float64Array.of(1, 2, 3, 2);
const C = Float64Array.of(2, 3, 4, 3);

Deno.test("stochastic() matches a hand computation", () => {
  // raw %K(2): (3−1)/(4−1) = 66.67, (4−2)/(5−2) = 66.67, (3−2)/(5−2) = 33.33
  const fast = stochastic(H, L, C, { kPeriod: 2, kSmooth: 1, dPeriod: 2 });
  assertSeriesClose(fast.k, [null, 200 / 3, 200 / 3, 100 / 3], 1e-12, "fast k");
  assertSeriesClose(fast.d, [null, null, 200 / 3, 50], 1e-12, "fast d");
  const full = stochastic(H, L, C, { kPeriod: 2, kSmooth: 2, dPeriod: 2 });
  assertSeriesClose(full.k, [null, null, 200 / 3, 50], 1e-12, "full k");
  assertSeriesClose(full.d, [null, null, null, 175 / 3], 1e-12, "full d");
  assert.deepEqual(stochasticWarmup(), { k: 15, d: 17 });
});

Deno.test("stochastic() is 50 on a window without range; stochasticInto() equals it", () => {
  const flat = new Float64Array(5).fill(7);
  assert.equal(stochastic(flat, flat, flat, { kPeriod: 3, kSmooth: 1, dPeriod: 1 }).k[4], 50);
  const out = { k: new Float64Array(4), d: new Float64Array(4) };
  const opts = { kPeriod: 2, kSmooth: 2, dPeriod: 1 };
  assert.deepEqual(stochasticInto(out, H, L, C, opts), stochastic(H, L, C, opts));
  assert.throws(() => stochastic(H, L, C, { kSmooth: 0 }), /Cannot compute Stochastic: kSmooth/);
});

Deno.test("williamsR() matches a hand computation and equals raw %K − 100", () => {
  // −100·(4−3)/3, −100·(5−4)/3, −100·(5−3)/3
  assertSeriesClose(williamsR(H, L, C, 2), [null, -100 / 3, -100 / 3, -200 / 3], 1e-12);
  assert.equal(williamsRWarmup(14), 13);
  const out = new Float64Array(4);
  assert.deepEqual(williamsRInto(out, H, L, C, 3), williamsR(H, L, C, 3));
  assert.throws(() => williamsR(H, L, C, 1.5), /Cannot compute Williams %R: period/);
});

Deno.test("williamsR() tracks the highest high and lowest low across a long window", () => {
  // the extremes leave the window: at i = 5 (period 3) the window is bars 3..5
  const h = Float64Array.of(10, 20, 12, 11, 13, 12);
  const l = Float64Array.of(5, 6, 1, 7, 8, 9);
  const c = Float64Array.of(8, 15, 6, 9, 12, 10);
  // i=2: HH 20, LL 1 → −100·(20−6)/19; i=3: HH 20, LL 1; i=4: HH 13, LL 1; i=5: HH 13, LL 7
  assertSeriesClose(
    williamsR(h, l, c, 3),
    [null, null, -1400 / 19, -1100 / 19, -100 / 12, -50],
    1e-12,
  );
});

Deno.test("stochastic() - fast %K stays within [0, 100] on real SPX bars (no rounding below 0)", async () => {
  const { parseOhlcvCsv } = await import("../market_data/csv.ts");
  const text = await Deno.readTextFile(new URL("../data/market/extra/SPX.csv", import.meta.url));
  const bars = parseOhlcvCsv(text).bars;
  const col = (f: "high" | "low" | "close") => Float64Array.from(bars, (b) => b[f]);
  for (const kSmooth of [1, 3]) {
    const { k, d } = stochastic(col("high"), col("low"), col("close"), { kPeriod: 14, kSmooth });
    for (const v of [...k, ...d]) if (!Number.isNaN(v)) assert.ok(v >= 0 && v <= 100, `${v}`);
  }
});
