/**
 * Candlestick patterns with the trend context they need.
 *
 * Shapes, with `body = |close − open|`, `range = high − low`, the shadows above and below the
 * body, and `avgBody` the mean body of the 10 bars before the pattern's first bar (the
 * pattern's own candles are not in it):
 * - doji: body ≤ 10 % of the range (any trend; neutral).
 * - hammer / hanging man: lower shadow ≥ 2 × body, upper shadow ≤ 10 % of the range, body ≤
 *   35 % of the range, range ≥ 0.5 ATR. Hammer after a downtrend (bullish), hanging man after
 *   an uptrend (bearish).
 * - inverted hammer / shooting star: the same upside down; inverted hammer after a downtrend
 *   (bullish), shooting star after an uptrend (bearish).
 * - bullish / bearish engulfing: a body of the opposite colour to the previous one that covers
 *   it and is larger; bullish after a downtrend, bearish after an uptrend.
 * - bullish / bearish harami: a long body (≥ avgBody) then a body ≤ 60 % of it inside it;
 *   bullish (long black first) after a downtrend, bearish (long white first) after an uptrend.
 * - morning / evening star: a long body, a small body (≤ 30 % of the first) beyond the first
 *   one's close, then an opposite body closing past the first body's midpoint; morning after a
 *   downtrend, evening after an uptrend.
 * - three white soldiers (三陽開泰): three long white bodies (≥ 0.6 avgBody), each closing
 *   higher and opening inside the previous body, upper shadows ≤ 30 % of the body; after a
 *   downtrend or a sideways market, not at the end of a rise. Three black crows: the mirror,
 *   not after a fall.
 *
 * The trend is {@link trendBefore} at the pattern's first bar. Confidence: 0.6 × shape quality
 * + 0.4 × trend strength (doji: shape only; soldiers and crows after a sideways market: trend
 * part 0.5). Shape quality is 0..1 per kind (e.g. hammer: half from the lower shadow's share
 * of the range, half from how small the upper shadow is). A pattern ending at bar i reads no bar after i.
 *
 * @module
 */
import { atr as atrOf } from "../indicators/atr.ts";
import { sma as smaOf } from "../indicators/sma.ts";
import { unit } from "./_geometry.ts";
import { moreCandleShapes } from "./candlesticks_more.ts";
import { trendBefore, type TrendOptions } from "./trend.ts";
import type { CandleKind, CandleMatch, Direction, OhlcvColumns, Trend } from "./types.ts";

/** Options of {@link detectCandlestickPatterns}. */
export interface CandleOptions extends TrendOptions {
  /** ATR period (default 14). */
  atrPeriod?: number;
  /** Only these kinds (default all). */
  kinds?: readonly CandleKind[];
  /** Only patterns ending at or after this bar (default 0). */
  fromIndex?: number;
}

interface Found {
  kind: CandleKind;
  first: number;
  direction: Direction;
  shape: number;
  needs: "up" | "down" | "not_up" | "not_down" | "any";
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Doji, hammer, hanging man, inverted hammer, shooting star, engulfing, harami, morning and
 * evening star, three white soldiers (三陽開泰) and three black crows, each only in its trend
 * context (a hammer shape in an uptrend is a hanging man, not a hammer). Sorted by bar.
 *
 * @example
 * ```ts
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { detectCandlestickPatterns } from "./candlesticks.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const candles = detectCandlestickPatterns(series, { kinds: ["hammer", "three_white_soldiers"] });
 * // [{ kind: "hammer", index: 153, date: "2013-12-18", direction: "bullish", confidence: 0.582,
 * //    trend: "down" }, …]
 * ```
 */
export function detectCandlestickPatterns(
  cols: OhlcvColumns,
  { atrPeriod = 14, kinds, fromIndex = 0, ...trendOpts }: CandleOptions = {},
): CandleMatch[] {
  const { open: O, high: H, low: L, close: C, dates } = cols;
  const n = C.length;
  const atr = atrOf(H, L, C, atrPeriod);
  const sma = smaOf(C, trendOpts.trendPeriod ?? 10);
  const bodies = new Float64Array(n);
  const sums = new Float64Array(n + 1); // sums[i] = bodies[0] + … + bodies[i − 1]
  for (let i = 0; i < n; i++) {
    bodies[i] = Math.abs(C[i]! - O[i]!);
    sums[i + 1] = sums[i]! + bodies[i]!;
  }
  /** Mean body of the 10 bars before bar `first` (NaN when there are fewer). */
  const avgBefore = (first: number) => first >= 10 ? (sums[first]! - sums[first - 10]!) / 10 : NaN;
  const wanted = kinds ? new Set(kinds) : null;
  const out: CandleMatch[] = [];
  const body = (i: number) => bodies[i]!;
  const top = (i: number) => Math.max(O[i]!, C[i]!), bot = (i: number) => Math.min(O[i]!, C[i]!);
  const white = (i: number) => C[i]! > O[i]!, black = (i: number) => C[i]! < O[i]!;
  for (let i = 0; i < n; i++) {
    if (i < fromIndex || i < 10) continue;
    const found: Found[] = [];
    const range = H[i]! - L[i]!, b = body(i);
    const up = H[i]! - top(i), low = bot(i) - L[i]!;
    const a = atr[i - 1]!;
    if (range > 0 && b <= 0.1 * range) {
      found.push({
        kind: "doji",
        first: i,
        direction: "neutral",
        shape: 1 - b / (0.1 * range),
        needs: "any",
      });
    }
    if (range > 0 && a > 0 && range >= 0.5 * a && b <= 0.35 * range) {
      if (low >= 2 * b && up <= 0.1 * range) {
        const shape = 0.5 * unit((low / range - 0.5) / 0.4) + 0.5 * (1 - up / (0.1 * range));
        found.push({ kind: "hammer", first: i, direction: "bullish", shape, needs: "down" });
        found.push({ kind: "hanging_man", first: i, direction: "bearish", shape, needs: "up" });
      }
      if (up >= 2 * b && low <= 0.1 * range) {
        const shape = 0.5 * unit((up / range - 0.5) / 0.4) + 0.5 * (1 - low / (0.1 * range));
        found.push({
          kind: "inverted_hammer",
          first: i,
          direction: "bullish",
          shape,
          needs: "down",
        });
        found.push({ kind: "shooting_star", first: i, direction: "bearish", shape, needs: "up" });
      }
    }
    if (i >= 1) {
      const p = i - 1, bp = body(p);
      if (black(p) && white(i) && O[i]! <= C[p]! && C[i]! >= O[p]! && b > bp) {
        found.push({
          kind: "bullish_engulfing",
          first: p,
          direction: "bullish",
          shape: unit(b / bp - 1),
          needs: "down",
        });
      }
      if (white(p) && black(i) && O[i]! >= C[p]! && C[i]! <= O[p]! && b > bp) {
        found.push({
          kind: "bearish_engulfing",
          first: p,
          direction: "bearish",
          shape: unit(b / bp - 1),
          needs: "up",
        });
      }
      if (bp >= avgBefore(p) && b <= 0.6 * bp && top(i) <= top(p) && bot(i) >= bot(p)) {
        const shape = 1 - b / (0.6 * bp);
        if (black(p)) {
          found.push({
            kind: "bullish_harami",
            first: p,
            direction: "bullish",
            shape,
            needs: "down",
          });
        }
        if (white(p)) {
          found.push({
            kind: "bearish_harami",
            first: p,
            direction: "bearish",
            shape,
            needs: "up",
          });
        }
      }
    }
    if (i >= 2) {
      const f = i - 2, m = i - 1, bf = body(f), mid = (O[f]! + C[f]!) / 2;
      const avgBody = avgBefore(f);
      if (bf >= avgBody && body(m) <= 0.3 * bf) {
        const shape = unit(1 - body(m) / (0.3 * bf)) * 0.5 + 0.5;
        if (black(f) && top(m) <= C[f]! && white(i) && C[i]! > mid) {
          found.push({
            kind: "morning_star",
            first: f,
            direction: "bullish",
            shape,
            needs: "down",
          });
        }
        if (white(f) && bot(m) >= C[f]! && black(i) && C[i]! < mid) {
          found.push({ kind: "evening_star", first: f, direction: "bearish", shape, needs: "up" });
        }
      }
      const soldiers = [f, m, i].every((k) =>
        white(k) && body(k) >= 0.6 * avgBody && H[k]! - C[k]! <= 0.3 * body(k)
      ) &&
        C[m]! > C[f]! && C[i]! > C[m]! && O[m]! >= O[f]! && O[m]! <= C[f]! && O[i]! >= O[m]! &&
        O[i]! <= C[m]!;
      if (soldiers) {
        const shape = unit(Math.min(body(f), body(m), b) / avgBody - 0.6) * 0.5 + 0.5;
        found.push({
          kind: "three_white_soldiers",
          first: f,
          direction: "bullish",
          shape,
          needs: "not_up",
        });
      }
      const crows = [f, m, i].every((k) =>
        black(k) && body(k) >= 0.6 * avgBody && C[k]! - L[k]! <= 0.3 * body(k)
      ) &&
        C[m]! < C[f]! && C[i]! < C[m]! && O[m]! <= O[f]! && O[m]! >= C[f]! && O[i]! <= O[m]! &&
        O[i]! >= C[m]!;
      if (crows) {
        const shape = unit(Math.min(body(f), body(m), b) / avgBody - 0.6) * 0.5 + 0.5;
        found.push({
          kind: "three_black_crows",
          first: f,
          direction: "bearish",
          shape,
          needs: "not_down",
        });
      }
    }
    if (i >= 2) found.push(...moreCandleShapes(i, { O, H, L, C, atr: a, avgBefore }));
    for (const x of found) {
      if (wanted && !wanted.has(x.kind)) continue;
      const { trend, strength } = trendBefore(cols, x.first, atr, sma, trendOpts);
      if (!fits(x.needs, trend)) continue;
      const confidence = x.needs === "any" ? unit(x.shape) : 0.6 * unit(x.shape) +
        0.4 * (x.needs.startsWith("not") ? (trend === "none" ? 0.5 : strength) : strength);
      out.push({
        kind: x.kind,
        index: i,
        date: dates[i]!,
        direction: x.direction,
        confidence: round3(confidence),
        trend,
      });
    }
  }
  return out;
}

function fits(needs: Found["needs"], trend: Trend): boolean {
  switch (needs) {
    case "any":
      return true;
    case "up":
      return trend === "up";
    case "down":
      return trend === "down";
    case "not_up":
      return trend !== "up";
    case "not_down":
      return trend !== "down";
  }
}
