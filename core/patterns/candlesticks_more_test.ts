import { bundledCsvUrl } from "../../tests/helpers/bundled.ts";
import assert from "node:assert/strict";
import { parseOhlcvCsv } from "../market_data/csv.ts";
import { seriesFromBars } from "../market_data/series.ts";
import { atr } from "../indicators/atr.ts";
import { barsOf } from "./_test_bars.ts";
import { detectCandlestickPatterns } from "./candlesticks.ts";
import type { CandleKind, OhlcvColumns } from "./types.ts";

type Row = [number, number, number, number]; // open, high, low, close
const DOWN: Row[] = Array.from({ length: 20 }, (_, k) => [130 - k, 130.2 - k, 128.8 - k, 129 - k]);
const UP: Row[] = Array.from({ length: 20 }, (_, k) => [100 + k, 101.2 + k, 99.8 + k, 101 + k]);

function lastKinds(context: Row[], pattern: Row[]): CandleKind[] {
  const cols = barsOf([...context, ...pattern]);
  const last = cols.close.length - 1;
  return detectCandlestickPatterns(cols).filter((m) => m.index === last).map((m) => m.kind);
}

Deno.test("detectCandlestickPatterns() - piercing line after a fall, dark cloud cover after a rise", () => {
  // long black (body 3 ≥ the 1-point bodies before), white opening below its low, closing past
  // its midpoint but below its open
  const piercing: Row[] = [[114, 114.2, 110.8, 111], [110.5, 113.2, 110.3, 113]];
  assert.ok(lastKinds(DOWN, piercing).includes("piercing_line"));
  assert.ok(
    !lastKinds(UP, piercing.map(([o, h, l, c]) => [o + 10, h + 10, l + 10, c + 10])).includes(
      "piercing_line",
    ),
  );
  const cloud: Row[] = [[118, 121.2, 117.8, 121], [121.5, 121.7, 118.8, 119]];
  assert.ok(lastKinds(UP, cloud).includes("dark_cloud_cover"));
  // closing below the first open is an engulfing, not a dark cloud
  const engulf: Row[] = [[118, 121.2, 117.8, 121], [121.5, 121.7, 117.5, 117.6]];
  assert.ok(!lastKinds(UP, engulf).includes("dark_cloud_cover"));
});

Deno.test("detectCandlestickPatterns() - marubozu, three inside up/down and tweezers", () => {
  assert.ok(lastKinds(DOWN, [[110, 113, 110, 113]]).includes("marubozu_white"));
  assert.ok(lastKinds(UP, [[121, 121, 118, 118]]).includes("marubozu_black"));
  assert.ok(!lastKinds(DOWN, [[110, 113.5, 109.5, 113]]).includes("marubozu_white"), "shadows");
  const insideUp: Row[] = [[113, 113.2, 109.8, 110], [110.5, 112, 110.2, 111.5], [
    111.6,
    113.6,
    111.4,
    113.5,
  ]];
  assert.ok(lastKinds(DOWN, insideUp).includes("three_inside_up"));
  const insideDown: Row[] = [[118, 121.2, 117.8, 121], [120.5, 120.8, 119, 119.5], [
    119.4,
    119.6,
    117.5,
    117.6,
  ]];
  assert.ok(lastKinds(UP, insideDown).includes("three_inside_down"));
  const bottom: Row[] = [[111, 111.2, 109.5, 110], [110.2, 111.5, 109.5, 111.3]];
  assert.ok(lastKinds(DOWN, bottom).includes("tweezer_bottom"));
  const topRows: Row[] = [[119, 121.5, 118.8, 121], [121, 121.5, 119.5, 119.8]];
  assert.ok(lastKinds(UP, topRows).includes("tweezer_top"));
});

/** The definitions of `candlesticks_more.ts`, restated bar by bar (no shared code). */
function holds(kind: CandleKind, c: OhlcvColumns, i: number, atrBefore: number): boolean {
  const o = (k: number) => c.open[k]!, h = (k: number) => c.high[k]!;
  const l = (k: number) => c.low[k]!, cl = (k: number) => c.close[k]!;
  const avg = (first: number) => {
    let s = 0;
    for (let k = first - 10; k < first; k++) s += Math.abs(cl(k) - o(k));
    return s / 10;
  };
  const body = (k: number) => Math.abs(cl(k) - o(k));
  const p = i - 1, f = i - 2, mid = (o(p) + cl(p)) / 2;
  switch (kind) {
    case "piercing_line":
      return cl(p) < o(p) && body(p) >= avg(p) && o(i) < l(p) && cl(i) > mid && cl(i) < o(p);
    case "dark_cloud_cover":
      return cl(p) > o(p) && body(p) >= avg(p) && o(i) > h(p) && cl(i) < mid && cl(i) > o(p);
    case "marubozu_white":
    case "marubozu_black": {
      const r = h(i) - l(i);
      const white = kind === "marubozu_white";
      return (white ? cl(i) > o(i) : cl(i) < o(i)) && body(i) >= avg(i) &&
        h(i) - Math.max(o(i), cl(i)) <= 0.05 * r && Math.min(o(i), cl(i)) - l(i) <= 0.05 * r;
    }
    case "three_inside_up":
      return cl(f) < o(f) && body(f) >= avg(f) && cl(p) > o(p) && body(p) <= 0.6 * body(f) &&
        cl(p) <= o(f) && o(p) >= cl(f) && cl(i) > o(i) && cl(i) > o(f);
    case "three_inside_down":
      return cl(f) > o(f) && body(f) >= avg(f) && cl(p) < o(p) && body(p) <= 0.6 * body(f) &&
        o(p) <= cl(f) && cl(p) >= o(f) && cl(i) < o(i) && cl(i) < o(f);
    case "tweezer_bottom":
      return cl(p) < o(p) && cl(i) > o(i) && Math.abs(l(i) - l(p)) <= 0.05 * atrBefore;
    case "tweezer_top":
      return cl(p) > o(p) && cl(i) < o(i) && Math.abs(h(i) - h(p)) <= 0.05 * atrBefore;
    default:
      return false;
  }
}

Deno.test("detectCandlestickPatterns() - every added kind occurs on real bars, each match as defined", async () => {
  const kinds: CandleKind[] = [
    "piercing_line",
    "dark_cloud_cover",
    "marubozu_white",
    "marubozu_black",
    "three_inside_up",
    "three_inside_down",
    "tweezer_top",
    "tweezer_bottom",
  ];
  const seen = new Map<CandleKind, number>();
  for (const sym of ["AAPL", "SPX", "MSFT", "GOOG", "NVDA"]) {
    const csv = await Deno.readTextFile(bundledCsvUrl(sym));
    const s = seriesFromBars(sym, parseOhlcvCsv(csv).bars);
    const a = atr(s.high, s.low, s.close, 14);
    for (const m of detectCandlestickPatterns(s, { kinds })) {
      assert.ok(holds(m.kind, s, m.index, a[m.index - 1]!), `${sym} ${m.date} ${m.kind}`);
      seen.set(m.kind, (seen.get(m.kind) ?? 0) + 1);
    }
  }
  for (const k of kinds) assert.ok((seen.get(k) ?? 0) > 0, `${k} found on the bundled data`);
});
