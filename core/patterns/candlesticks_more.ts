/**
 * The candlestick shapes added to the first set (see `candlesticks.ts` for the vocabulary and
 * the confidence rule), each as traders define it (Nison; TA-Lib's CDL* functions):
 * - piercing line: a long black body (≥ avgBody), then a white candle that opens below the first
 *   one's low and closes above the midpoint of its body but below its open; after a downtrend.
 * - dark cloud cover: the mirror: a long white body, then a black candle opening above the first
 *   one's high and closing below the midpoint of its body but above its open; after an uptrend.
 * - white / black marubozu: a long body (≥ avgBody) with no shadows to speak of (each ≤ 5 % of
 *   the range); white is bullish, black bearish, in any trend.
 * - three inside up: a bullish harami (a long black body, then a body ≤ 60 % of it inside it)
 *   confirmed by a third, white candle closing above the first one's open; after a downtrend.
 *   Three inside down mirrors it (after an uptrend).
 * - tweezer bottom: a black candle then a white one with the same low (within 5 % of the ATR);
 *   after a downtrend. Tweezer top: a white then a black candle with the same high; after an
 *   uptrend.
 *
 * A shape ending at bar `i` reads bars `i − 2 … i` only. Pure.
 *
 * @module
 */
import { unit } from "./_geometry.ts";
import type { CandleKind, Direction } from "./types.ts";

/** A shape found at a bar, before the trend check. */
export interface CandleShape {
  kind: CandleKind;
  /** First bar of the pattern. */
  first: number;
  direction: Direction;
  /** 0..1 shape quality. */
  shape: number;
  /** The trend the pattern needs before its first bar. */
  needs: "up" | "down" | "any";
}

/** What the shape tests read of the bars. */
export interface CandleBars {
  O: ArrayLike<number>;
  H: ArrayLike<number>;
  L: ArrayLike<number>;
  C: ArrayLike<number>;
  /** ATR of the bar before `i`. */
  atr: number;
  /** Mean body of the 10 bars before bar `first`. */
  avgBefore: (first: number) => number;
}

/**
 * The added shapes ending at bar `i` (`i ≥ 2`).
 *
 * @example
 * ```ts
 * import { moreCandleShapes } from "./candlesticks_more.ts";
 *
 * // a long black day, then a white day opening below its low and closing past its midpoint
 * const bars = {
 *   O: [100, 102, 99.5], H: [100.5, 102.2, 101.5], L: [99, 98.9, 98.5], C: [100, 99, 101],
 *   atr: 2, avgBefore: () => 1.5,
 * };
 * moreCandleShapes(2, bars).map((s) => s.kind); // ["piercing_line"]
 * ```
 */
export function moreCandleShapes(i: number, x: CandleBars): CandleShape[] {
  const { O, H, L, C } = x;
  const found: CandleShape[] = [];
  const body = (k: number) => Math.abs(C[k]! - O[k]!);
  const top = (k: number) => Math.max(O[k]!, C[k]!), bot = (k: number) => Math.min(O[k]!, C[k]!);
  const white = (k: number) => C[k]! > O[k]!, black = (k: number) => C[k]! < O[k]!;
  const p = i - 1, bp = body(p), mid = (O[p]! + C[p]!) / 2;
  const longP = bp > 0 && bp >= x.avgBefore(p);
  if (longP && black(p) && white(i) && O[i]! < L[p]! && C[i]! > mid && C[i]! < O[p]!) {
    const shape = 0.5 + 0.5 * unit((C[i]! - mid) / (O[p]! - mid));
    found.push({ kind: "piercing_line", first: p, direction: "bullish", shape, needs: "down" });
  }
  if (longP && white(p) && black(i) && O[i]! > H[p]! && C[i]! < mid && C[i]! > O[p]!) {
    const shape = 0.5 + 0.5 * unit((mid - C[i]!) / (mid - O[p]!));
    found.push({ kind: "dark_cloud_cover", first: p, direction: "bearish", shape, needs: "up" });
  }
  const range = H[i]! - L[i]!, b = body(i);
  if (range > 0 && b > 0 && b >= x.avgBefore(i)) {
    const shadows = (H[i]! - top(i)) + (bot(i) - L[i]!);
    if (H[i]! - top(i) <= 0.05 * range && bot(i) - L[i]! <= 0.05 * range) {
      const shape = 1 - shadows / (0.1 * range);
      const kind = white(i) ? "marubozu_white" : "marubozu_black";
      found.push({
        kind,
        first: i,
        direction: white(i) ? "bullish" : "bearish",
        shape: unit(shape),
        needs: "any",
      });
    }
  }
  const f = i - 2, bf = body(f);
  const harami = bf > 0 && bf >= x.avgBefore(f) && body(p) <= 0.6 * bf && top(p) <= top(f) &&
    bot(p) >= bot(f);
  if (harami && black(f) && white(p) && white(i) && C[i]! > O[f]!) {
    const shape = 0.5 + 0.5 * unit((C[i]! - O[f]!) / bf);
    found.push({ kind: "three_inside_up", first: f, direction: "bullish", shape, needs: "down" });
  }
  if (harami && white(f) && black(p) && black(i) && C[i]! < O[f]!) {
    const shape = 0.5 + 0.5 * unit((O[f]! - C[i]!) / bf);
    found.push({ kind: "three_inside_down", first: f, direction: "bearish", shape, needs: "up" });
  }
  const tol = 0.05 * x.atr;
  if (x.atr > 0 && black(p) && white(i) && Math.abs(L[i]! - L[p]!) <= tol) {
    const shape = 1 - Math.abs(L[i]! - L[p]!) / tol;
    found.push({ kind: "tweezer_bottom", first: p, direction: "bullish", shape, needs: "down" });
  }
  if (x.atr > 0 && white(p) && black(i) && Math.abs(H[i]! - H[p]!) <= tol) {
    const shape = 1 - Math.abs(H[i]! - H[p]!) / tol;
    found.push({ kind: "tweezer_top", first: p, direction: "bearish", shape, needs: "up" });
  }
  return found;
}
