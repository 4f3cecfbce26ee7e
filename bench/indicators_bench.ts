/**
 * Indicator benchmark: the six core indicators (SMA20, EMA20, RSI14, MACD 12/26/9, BB 20/2,
 * ATR14) over 13 × 2,520 bars and over one 1,000,000-bar series, against npm
 * `technicalindicators` and `trading-signals` on the same data in the same run, and against a
 * plain single-loop Float64Array SMA(20) as the floor. Run with
 * `deno bench -A bench/indicators_bench.ts`; each group's summary prints the ratios.
 *
 * Data (real prices only, never generated):
 * - 13 × 2,520 bars: each of the 13 default-universe files in `core/data/market/*.csv`, its real
 *   daily bars repeated end to end (tiled) until 2,520 bars; SPX (5,105 bars) keeps its last
 *   2,520. A tile seam is one real bar followed by the file's first real bar again.
 * - 1,000,000 bars: the real SPX daily bars (2000–2020) tiled the same way.
 * Each library gets its native input: Float64Array for ours and the floor, number[] for
 * technicalindicators, per-bar numbers/objects for trading-signals (built before timing). Every
 * implementation produces its full output series (trading-signals' per-bar results are stored
 * in Float64Arrays, its cheapest form); results go to a global sink.
 *
 * @module
 */
import { bundledCsvUrl } from "../tests/helpers/bundled.ts";
import * as ti from "technicalindicators";
import {
  ATR as TsATR,
  BollingerBands as TsBB,
  EMA as TsEMA,
  MACD as TsMACD,
  RSI as TsRSI,
  SMA as TsSMA,
} from "trading-signals";
import { parseOhlcvCsv } from "../core/market_data/csv.ts";
import {
  atr,
  atrInto,
  bollinger,
  bollingerInto,
  ema,
  emaInto,
  macd,
  macdInto,
  rsi,
  rsiInto,
  sma,
  smaInto,
} from "../core/indicators/mod.ts";

const UNIVERSE = [
  "AAPL",
  "AMD",
  "AMZN",
  "CSCO",
  "FB",
  "GOOG",
  "INTC",
  "MSFT",
  "NFLX",
  "NVDA",
  "QCOM",
  "SPX",
  "TSLA",
];

interface Bars {
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  highArr: number[];
  lowArr: number[];
  closeArr: number[];
  candles: { high: number; low: number; close: number }[];
}

async function load(symbol: string) {
  const text = await Deno.readTextFile(
    bundledCsvUrl(symbol),
  );
  const { bars, rejected } = parseOhlcvCsv(text);
  if (rejected.length) throw new Error(`${symbol}.csv has rejected rows`);
  return bars;
}

/** Real bars repeated end to end to `n` bars (the last `n` when there are more). */
function tile(real: readonly { high: number; low: number; close: number }[], n: number): Bars {
  const offset = real.length > n ? real.length - n : 0;
  const high = new Float64Array(n), low = new Float64Array(n), close = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const b = real[(offset + i) % real.length]!;
    high[i] = b.high;
    low[i] = b.low;
    close[i] = b.close;
  }
  const highArr = Array.from(high), lowArr = Array.from(low), closeArr = Array.from(close);
  const candles = closeArr.map((c, i) => ({ high: highArr[i]!, low: lowArr[i]!, close: c }));
  return { high, low, close, highArr, lowArr, closeArr, candles };
}

const real = new Map<string, Awaited<ReturnType<typeof load>>>();
for (const s of UNIVERSE) real.set(s, await load(s));
const SMALL = UNIVERSE.map((s) => tile(real.get(s)!, 2_520));
const BIG = [tile(real.get("SPX")!, 1_000_000)];

// deno-lint-ignore no-explicit-any
let sink: any = null;
const keep = (x: unknown) => {
  sink = x;
};

/** The floor: a plain single-loop running-sum SMA(20) into a new Float64Array. */
function floorSma(x: Float64Array, p: number): Float64Array {
  const n = x.length;
  const out = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += x[i]!;
    if (i >= p) sum -= x[i - p]!;
    out[i] = i >= p - 1 ? sum / p : NaN;
  }
  return out;
}

/**
 * Runs a trading-signals indicator over every input, storing each bar's result in
 * Float64Arrays (the cheapest store for it: no boxed numbers; `null` → NaN).
 */
function tsRun<I>(ind: { add(x: I): number | null }, inputs: readonly I[]): Float64Array {
  const out = new Float64Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) out[i] = ind.add(inputs[i]!) ?? NaN;
  return out;
}

/** Same for a trading-signals indicator with several outputs per bar. */
function tsRunMulti<I, K extends string>(
  ind: { add(x: I): Record<K, number> | null },
  inputs: readonly I[],
  keys: readonly K[],
): Float64Array[] {
  const n = inputs.length;
  const outs = keys.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const r = ind.add(inputs[i]!);
    for (let j = 0; j < keys.length; j++) outs[j]![i] = r ? r[keys[j]!] : NaN;
  }
  return outs;
}

type Impl = (b: Bars) => unknown;
interface Case {
  name: string;
  ours: Impl;
  technicalindicators: Impl;
  tradingSignals: Impl;
}

const CASES: Case[] = [
  {
    name: "SMA20",
    ours: (b) => sma(b.close, 20),
    technicalindicators: (b) => ti.SMA.calculate({ period: 20, values: b.closeArr }),
    tradingSignals: (b) => tsRun(new TsSMA(20), b.closeArr),
  },
  {
    name: "EMA20",
    ours: (b) => ema(b.close, 20),
    technicalindicators: (b) => ti.EMA.calculate({ period: 20, values: b.closeArr }),
    tradingSignals: (b) => tsRun(new TsEMA(20), b.closeArr),
  },
  {
    name: "RSI14",
    ours: (b) => rsi(b.close, 14),
    technicalindicators: (b) => ti.RSI.calculate({ period: 14, values: b.closeArr }),
    tradingSignals: (b) => tsRun(new TsRSI(14), b.closeArr),
  },
  {
    name: "MACD12/26/9",
    ours: (b) => macd(b.close),
    technicalindicators: (b) =>
      ti.MACD.calculate({
        values: b.closeArr,
        fastPeriod: 12,
        slowPeriod: 26,
        signalPeriod: 9,
        SimpleMAOscillator: false,
        SimpleMASignal: false,
      }),
    tradingSignals: (b) =>
      tsRunMulti(new TsMACD(new TsEMA(12), new TsEMA(26), new TsEMA(9)), b.closeArr, [
        "macd",
        "signal",
        "histogram",
      ]),
  },
  {
    name: "BB20/2",
    ours: (b) => bollinger(b.close, { period: 20, k: 2 }),
    technicalindicators: (b) =>
      ti.BollingerBands.calculate({ period: 20, values: b.closeArr, stdDev: 2 }),
    tradingSignals: (b) => tsRunMulti(new TsBB(20, 2), b.closeArr, ["upper", "middle", "lower"]),
  },
  {
    name: "ATR14",
    ours: (b) => atr(b.high, b.low, b.close, 14),
    technicalindicators: (b) =>
      ti.ATR.calculate({ high: b.highArr, low: b.lowArr, close: b.closeArr, period: 14 }),
    tradingSignals: (b) => tsRun(new TsATR(14), b.candles),
  },
];

for (const [label, data, slow] of [["13x2520", SMALL, false], ["1M", BIG, true]] as const) {
  // the libraries take 0.1–2 s per pass over 1M bars: a few timed passes are enough there
  const libOpts = slow ? { n: 5, warmup: 1 } : {};
  for (const c of CASES) {
    const group = `${c.name} ${label}`;
    const each = (impl: Impl) => () => {
      for (const b of data) keep(impl(b));
    };
    Deno.bench({ name: `${group} ours`, group, baseline: true, fn: each(c.ours) });
    Deno.bench({
      name: `${group} floor SMA loop`,
      group,
      fn: each((b) => floorSma(b.close, 20)),
    });
    Deno.bench({
      name: `${group} technicalindicators`,
      group,
      ...libOpts,
      fn: each(c.technicalindicators),
    });
    Deno.bench({ name: `${group} trading-signals`, group, ...libOpts, fn: each(c.tradingSignals) });
  }
}

// All six over the 13 × 2,520 bars (target ≤ 2 ms), allocating and into reused buffers.
const N = 2_520;
const buf = () => new Float64Array(N);
const bufs = { sma: buf(), ema: buf(), rsi: buf(), atr: buf() };
const macdBuf = { macd: buf(), signal: buf(), histogram: buf() };
const bbBuf = { upper: buf(), middle: buf(), lower: buf() };
Deno.bench({
  name: "all six 13x2520 ours",
  group: "all six 13x2520",
  baseline: true,
  fn: () => {
    for (const b of SMALL) {
      keep(sma(b.close, 20));
      keep(ema(b.close, 20));
      keep(rsi(b.close, 14));
      keep(macd(b.close));
      keep(bollinger(b.close));
      keep(atr(b.high, b.low, b.close, 14));
    }
  },
});
Deno.bench({
  name: "all six 13x2520 ours Into (no allocation)",
  group: "all six 13x2520",
  fn: () => {
    for (const b of SMALL) {
      smaInto(bufs.sma, b.close, 20);
      emaInto(bufs.ema, b.close, 20);
      rsiInto(bufs.rsi, b.close, 14);
      macdInto(macdBuf, b.close);
      bollingerInto(bbBuf, b.close);
      atrInto(bufs.atr, b.high, b.low, b.close, 14);
    }
    keep(bufs);
  },
});
Deno.bench({
  name: "all six 13x2520 technicalindicators",
  group: "all six 13x2520",
  fn: () => {
    for (const b of SMALL) for (const c of CASES) keep(c.technicalindicators(b));
  },
});
Deno.bench({
  name: "all six 13x2520 trading-signals",
  group: "all six 13x2520",
  fn: () => {
    for (const b of SMALL) for (const c of CASES) keep(c.tradingSignals(b));
  },
});

globalThis.addEventListener("unload", () => {
  if (sink === undefined) throw new Error("sink unused");
});
