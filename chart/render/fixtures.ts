/**
 * Test and benchmark fixtures: real bars from the bundled dataset (core/data/market) and
 * indicator series derived from them with the textbook formulas, so charts are drawn on real
 * prices. Private to chart tests and bench/chart_bench.ts.
 *
 * @module
 */
import type { Candle } from "@trading/shared/schemas";

const DATA = new URL("../../core/data/market/", import.meta.url);
/** Files of earlier releases' default universe, now in `extra/` (fixed histories the tests pin). */
const MOVED: Record<string, string> = {
  AAPL: "extra/AAPL_2013_2018.csv",
  SPX: "extra/SPX.csv",
  GOOG: "extra/GOOG_2004_2008.csv",
  QCOM: "extra/QCOM_2017.csv",
};

/** The bundled daily bars of `symbol` (e.g. AAPL, SPX), optionally the last `last` of them. */
export function realCandles(symbol: string, last?: number): Candle[] {
  const lines = Deno.readTextFileSync(new URL(MOVED[symbol] ?? `${symbol}.csv`, DATA)).trim().split(
    "\n",
  ).slice(1);
  const rows = last ? lines.slice(-last) : lines;
  return rows.map((l) => {
    const [date, open, high, low, close, volume] = l.split(",");
    return {
      date: date!,
      open: +open!,
      high: +high!,
      low: +low!,
      close: +close!,
      volume: +volume!,
    };
  });
}

type S = (number | null)[];

function sma(v: readonly number[], p: number): S {
  let sum = 0;
  return v.map((x, i) => {
    sum += x - (i >= p ? v[i - p]! : 0);
    return i >= p - 1 ? sum / p : null;
  });
}

function ema(v: readonly (number | null)[], p: number): S {
  const a = 2 / (p + 1);
  let prev: number | null = null;
  let seen = 0;
  let seed = 0;
  return v.map((x) => {
    if (x === null) return null;
    if (prev === null) {
      seed += x;
      if (++seen < p) return null;
      prev = seed / p;
      return prev;
    }
    prev = x * a + prev * (1 - a);
    return prev;
  });
}

function rsi(c: readonly number[], p: number): S {
  let g = 0;
  let l = 0;
  return c.map((x, i) => {
    if (i === 0) return null;
    const d = x - c[i - 1]!;
    const up = Math.max(d, 0);
    const dn = Math.max(-d, 0);
    if (i <= p) {
      g += up / p;
      l += dn / p;
      if (i < p) return null;
    } else {
      g = (g * (p - 1) + up) / p;
      l = (l * (p - 1) + dn) / p;
    }
    return l === 0 ? 100 : 100 - 100 / (1 + g / l);
  });
}

/** Indicator series keyed as the chart renderer expects (sma20, bb.*, rsi, macd.*, …). */
export function derivedSeries(candles: readonly Candle[]): Record<string, S> {
  const close = candles.map((c) => c.close);
  const mid = sma(close, 20);
  const sd = close.map((_, i) => {
    const m = mid[i];
    if (m === null || m === undefined) return null;
    let s = 0;
    for (let j = i - 19; j <= i; j++) s += (close[j]! - m) ** 2;
    return Math.sqrt(s / 20);
  });
  const fast = ema(close, 12);
  const slow = ema(close, 26);
  const macd = close.map((
    _,
    i,
  ) => (fast[i] === null || slow[i] === null ? null : fast[i]! - slow[i]!));
  const signal = ema(macd, 9);
  let pv = 0;
  let vv = 0;
  const k = candles.map((_, i) => {
    if (i < 13) return null;
    let hh = -Infinity;
    let ll = Infinity;
    for (let j = i - 13; j <= i; j++) {
      hh = Math.max(hh, candles[j]!.high);
      ll = Math.min(ll, candles[j]!.low);
    }
    return hh === ll ? 50 : ((close[i]! - ll) / (hh - ll)) * 100;
  });
  return {
    sma20: mid,
    sma50: sma(close, 50),
    ema20: ema(close, 20),
    "bb.middle": mid,
    "bb.upper": mid.map((m, i) => (m === null ? null : m + 2 * sd[i]!)),
    "bb.lower": mid.map((m, i) => (m === null ? null : m - 2 * sd[i]!)),
    vwap: candles.map((c) => {
      pv += ((c.high + c.low + c.close) / 3) * c.volume;
      vv += c.volume;
      return vv ? pv / vv : null;
    }),
    rsi: rsi(close, 14),
    "macd.macd": macd,
    "macd.signal": signal,
    "macd.histogram": macd.map((
      m,
      i,
    ) => (m === null || signal[i] === null ? null : m - signal[i]!)),
    "stoch.k": k,
    "stoch.d": k.map((
      _,
      i,
    ) => (i < 15 || k[i - 2] === null ? null : (k[i]! + k[i - 1]! + k[i - 2]!) / 3)),
  };
}
