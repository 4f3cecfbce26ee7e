/**
 * Property tests (fast-check, fixed seed) for the invariants every indicator must keep on any
 * valid bar series: bounds, symmetry, sign, lengths, warm-up shape and Into/allocating equality.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { bollinger } from "./bollinger.ts";
import { obv } from "./obv.ts";
import { INDICATORS, type OhlcvSeries } from "./registry.ts";
import { resolveParams } from "./compute.ts";
import { rsi, rsiInto } from "./rsi.ts";
import { sma, smaInto } from "./sma.ts";
import { ema, emaInto } from "./ema.ts";
import { wma, wmaInto } from "./wma.ts";
import { williamsR, williamsRInto } from "./williams_r.ts";
import { stochastic, stochasticInto } from "./stochastic.ts";
import { atr, atrInto } from "./atr.ts";
import { adx, adxInto } from "./adx.ts";
import { macd, macdInto } from "./macd.ts";
import { bollingerInto } from "./bollinger.ts";
import { vwap, vwapInto } from "./vwap.ts";
import { volumeRatio, volumeRatioInto } from "./volume_ratio.ts";
import { pvt, pvtInto } from "./pvt.ts";
import { obvInto } from "./obv.ts";

const RUNS = { seed: 1978, numRuns: 150 };

/** Valid bars: low ≤ open, close ≤ high, prices > 0, volumes ≥ 1 (integers). */
const barsArb = (minLength = 0) =>
  fc.array(
    fc.record({
      c: fc.double({ min: 1, max: 5000, noNaN: true }),
      o: fc.double({ min: 0, max: 1, noNaN: true }),
      up: fc.double({ min: 0, max: 0.2, noNaN: true }),
      down: fc.double({ min: 0, max: 0.2, noNaN: true }),
      v: fc.integer({ min: 1, max: 2_000_000_000 }),
    }),
    { minLength, maxLength: 260 },
  ).map((rows): OhlcvSeries => {
    const n = rows.length;
    const s: OhlcvSeries = {
      open: new Float64Array(n),
      high: new Float64Array(n),
      low: new Float64Array(n),
      close: new Float64Array(n),
      volume: new Float64Array(n),
    };
    rows.forEach((r, i) => {
      const high = r.c * (1 + r.up), low = r.c * (1 - r.down);
      s.close[i] = r.c;
      s.high[i] = high;
      s.low[i] = low;
      s.open[i] = low + r.o * (high - low);
      s.volume[i] = r.v;
    });
    return s;
  });
const periodArb = fc.integer({ min: 1, max: 40 });

Deno.test("property - RSI stays within [0, 100]", () => {
  fc.assert(
    fc.property(barsArb(), periodArb, (s, p) => {
      for (const v of rsi(s.close, p)) if (!Number.isNaN(v)) assert.ok(v >= 0 && v <= 100, `${v}`);
    }),
    RUNS,
  );
});

Deno.test("property - Williams %R within [−100, 0] and stochastic %K/%D within [0, 100]", () => {
  fc.assert(
    fc.property(barsArb(), periodArb, fc.integer({ min: 1, max: 5 }), (s, p, smooth) => {
      for (const v of williamsR(s.high, s.low, s.close, p)) {
        if (!Number.isNaN(v)) assert.ok(v >= -100 && v <= 0, `%R ${v}`);
      }
      const { k, d } = stochastic(s.high, s.low, s.close, {
        kPeriod: p,
        kSmooth: smooth,
        dPeriod: smooth,
      });
      for (const a of [k, d]) {
        for (const v of a) {
          if (!Number.isNaN(v)) assert.ok(v >= 0 && v <= 100, `K/D ${v}`);
        }
      }
    }),
    RUNS,
  );
});

Deno.test("property - Bollinger bands are symmetric around the SMA, upper ≥ middle ≥ lower", () => {
  fc.assert(
    fc.property(barsArb(), periodArb, fc.double({ min: 0.1, max: 4, noNaN: true }), (s, p, k) => {
      const b = bollinger(s.close, { period: p, k });
      assert.deepEqual(b.middle, sma(s.close, p));
      for (let i = p - 1; i < s.close.length; i++) {
        const up = b.upper[i]! - b.middle[i]!, down = b.middle[i]! - b.lower[i]!;
        assert.ok(up >= 0 && down >= 0, `bands ordered at ${i}`);
        assert.ok(Math.abs(up - down) <= 1e-9 * Math.max(1, b.middle[i]!), `symmetric at ${i}`);
      }
    }),
    RUNS,
  );
});

Deno.test("property - OBV moves with the sign of the close change", () => {
  fc.assert(
    fc.property(barsArb(1), fc.array(fc.boolean(), { maxLength: 260 }), (s, flats) => {
      // force some unchanged closes so the flat branch is exercised
      for (let i = 1; i < s.close.length; i++) if (flats[i]) s.close[i] = s.close[i - 1]!;
      const o = obv(s.close, s.volume);
      assert.equal(o[0], 0);
      for (let i = 1; i < o.length; i++) {
        assert.equal(Math.sign(o[i]! - o[i - 1]!), Math.sign(s.close[i]! - s.close[i - 1]!));
      }
    }),
    RUNS,
  );
});

Deno.test("property - every registered indicator: same length, NaN warm-up, then finite", () => {
  const specs = Object.values(INDICATORS);
  fc.assert(
    fc.property(barsArb(), fc.constantFrom(...specs), (s, spec) => {
      const params = resolveParams(spec);
      const w = spec.warmup(params);
      for (const [key, a] of Object.entries(spec.compute(params, s))) {
        assert.equal(a.length, s.close.length, `${spec.name}.${key}`);
        const first = a.findIndex((v) => !Number.isNaN(v));
        if (first === -1) continue; // shorter than its warm-up
        assert.ok(first <= w, `${spec.name}.${key} starts by its warm-up`);
        for (let i = first; i < a.length; i++) {
          assert.ok(Number.isFinite(a[i]!), `${spec.name}.${key}[${i}] = ${a[i]}`);
        }
      }
    }),
    { ...RUNS, numRuns: 400 },
  );
});

Deno.test("property - every Into variant equals its allocating form, whatever the buffer held", () => {
  const dirty = (n: number) => new Float64Array(n).fill(-12345);
  fc.assert(
    fc.property(barsArb(), periodArb, (s, p) => {
      const { high: h, low: l, close: c, volume: v } = s;
      const n = c.length;
      assert.deepEqual(smaInto(dirty(n), c, p), sma(c, p));
      assert.deepEqual(emaInto(dirty(n), c, p), ema(c, p));
      assert.deepEqual(wmaInto(dirty(n), c, p), wma(c, p));
      assert.deepEqual(rsiInto(dirty(n), c, p), rsi(c, p));
      assert.deepEqual(atrInto(dirty(n), h, l, c, p), atr(h, l, c, p));
      assert.deepEqual(williamsRInto(dirty(n), h, l, c, p), williamsR(h, l, c, p));
      assert.deepEqual(vwapInto(dirty(n), h, l, c, v, p), vwap(h, l, c, v, p));
      assert.deepEqual(volumeRatioInto(dirty(n), v, p), volumeRatio(v, p));
      assert.deepEqual(obvInto(dirty(n), c, v), obv(c, v));
      assert.deepEqual(pvtInto(dirty(n), c, v), pvt(c, v));
      const three = () => ({ a: dirty(n), b: dirty(n), c: dirty(n) });
      let t = three();
      assert.deepEqual(
        macdInto({ macd: t.a, signal: t.b, histogram: t.c }, c, { fast: p, slow: p + 3 }),
        macd(c, { fast: p, slow: p + 3 }),
      );
      t = three();
      assert.deepEqual(
        bollingerInto({ upper: t.a, middle: t.b, lower: t.c }, c, { period: p }),
        bollinger(c, { period: p }),
      );
      t = three();
      assert.deepEqual(
        adxInto({ adx: t.a, plusDi: t.b, minusDi: t.c }, h, l, c, p),
        adx(h, l, c, p),
      );
      assert.deepEqual(
        stochasticInto({ k: dirty(n), d: dirty(n) }, h, l, c, { kPeriod: p }),
        stochastic(h, l, c, { kPeriod: p }),
      );
    }),
    RUNS,
  );
});

Deno.test("property - moving averages of a constant series equal the constant", () => {
  fc.assert(
    fc.property(fc.double({ min: 0.01, max: 1e4, noNaN: true }), periodArb, (x, p) => {
      const c = new Float64Array(p + 30).fill(x);
      for (const a of [sma(c, p), ema(c, p), wma(c, p)]) {
        for (let i = p - 1; i < c.length; i++) assert.ok(Math.abs(a[i]! - x) <= 1e-9 * x);
      }
    }),
    RUNS,
  );
});
