import assert from "node:assert/strict";
import fc from "fast-check";
import { fromCloses } from "./_test_bars.ts";
import { detectCandlestickPatterns } from "./candlesticks.ts";
import { detectChartPatterns } from "./detect_chart_patterns.ts";
import { parseOhlcvCsv } from "../market_data/csv.ts";
import { firstBars, seriesFromBars } from "../market_data/series.ts";

/** Seeded PRNG (mulberry32) so the walks are reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random walks with random volume from a seed: test data for properties, not prices. */
const walk = fc.tuple(fc.integer(), fc.integer({ min: 120, max: 600 })).map(([seed, n]) => {
  const r = rng(seed);
  const close = new Float64Array(n);
  let p = 50;
  for (let i = 0; i < n; i++) close[i] = p *= 1 + (r() + r() + r() - 1.5) * 0.03;
  return fromCloses(close, { wick: 0.006, volume: () => Math.round((0.5 + r()) * 1e6) });
});

Deno.test("detectChartPatterns() - every match comes out the same from the bars cut after its end", () => {
  let checked = 0;
  fc.assert(
    fc.property(walk, (cols) => {
      const all = detectChartPatterns(cols);
      for (const m of all) {
        const cut = detectChartPatterns(firstBars(cols, m.endIndex + 1));
        assert.ok(
          cut.some((x) => JSON.stringify(x) === JSON.stringify(m)),
          `${m.kind} ${m.startIndex}..${m.endIndex} differs after truncation`,
        );
        checked++;
      }
    }),
    { numRuns: 25, seed: 42 },
  );
  assert.ok(checked > 100, `only ${checked} matches checked`);
});

Deno.test("detectChartPatterns() - detection on a prefix never yields a match ending beyond it", () => {
  fc.assert(
    fc.property(walk, fc.double({ min: 0.2, max: 1, noNaN: true }), (cols, f) => {
      const end = Math.floor(cols.close.length * f);
      for (const m of detectChartPatterns(firstBars(cols, end))) {
        assert.ok(m.endIndex < end && m.startIndex <= m.endIndex);
        assert.ok(m.confidence >= 0 && m.confidence <= 1);
        assert.ok(Number.isFinite(m.breakoutLevel) && Number.isFinite(m.invalidation));
        for (let k = 1; k < m.pivots.length; k++) {
          assert.notEqual(m.pivots[k]!.type, m.pivots[k - 1]!.type);
        }
      }
    }),
    { numRuns: 40, seed: 3 },
  );
});

Deno.test("detectCandlestickPatterns() - a prefix yields exactly the matches ending within it", () => {
  fc.assert(
    fc.property(walk, fc.double({ min: 0.1, max: 1, noNaN: true }), (cols, f) => {
      const end = Math.floor(cols.close.length * f);
      const full = detectCandlestickPatterns(cols).filter((m) => m.index < end);
      assert.deepEqual(detectCandlestickPatterns(firstBars(cols, end)), full);
    }),
    { numRuns: 60, seed: 5 },
  );
});

Deno.test("detectChartPatterns() - on the bundled AAPL bars every match survives truncation at its end", async () => {
  const text = await Deno.readTextFile(
    new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url),
  );
  const cols = seriesFromBars("AAPL", parseOhlcvCsv(text).bars);
  const all = detectChartPatterns(cols);
  assert.ok(all.length > 20);
  for (const m of all) {
    const cut = detectChartPatterns(firstBars(cols, m.endIndex + 1));
    assert.ok(cut.some((x) => JSON.stringify(x) === JSON.stringify(m)), `${m.kind} ${m.startDate}`);
  }
});
