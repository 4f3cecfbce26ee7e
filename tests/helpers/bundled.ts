import { parseOhlcvCsv } from "../../core/market_data/csv.ts";
import { type Series, seriesFromBars } from "../../core/market_data/series.ts";

/**
 * Files of earlier releases' default universe, now in `core/data/market/extra/`: pure-code tests
 * keep computing on them (fixed real histories whose figures the tests pin), whatever the
 * universe serves (AAPL is LEAN's 1998–2021 there).
 */
const MOVED: Record<string, string> = {
  AAPL: "extra/AAPL_2013_2018.csv",
  SPX: "extra/SPX.csv",
  GOOG: "extra/GOOG_2004_2008.csv",
  QCOM: "extra/QCOM_2017.csv",
};

/** The URL of a bundled daily file of `symbol` for pure-code tests (see {@link MOVED}). */
export function bundledCsvUrl(symbol: string): URL {
  return new URL(`../../core/data/market/${MOVED[symbol] ?? `${symbol}.csv`}`, import.meta.url);
}

/** A bundled real series (core/data/market/SYMBOL.csv) as columns, for pure-code tests. */
export function bundledSeries(symbol: string): Series {
  const text = Deno.readTextFileSync(bundledCsvUrl(symbol));
  const { bars, rejected } = parseOhlcvCsv(text);
  if (rejected.length) throw new Error(`${symbol}.csv is invalid`);
  return seriesFromBars(symbol, bars);
}

/**
 * A hand-built test series from closes: open = previous close, high/low 0.5% around the body,
 * constant volume, consecutive weekdays from 2020-01-01. Test data only, never served.
 */
export function seriesFromCloses(closes: readonly number[], { volume = 1_000_000 } = {}): Series {
  const bars = [];
  const d = new Date("2020-01-01T00:00:00Z");
  for (let i = 0; i < closes.length; i++) {
    while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
    const close = closes[i]!;
    const open = i === 0 ? close : closes[i - 1]!;
    bars.push({
      date: d.toISOString().slice(0, 10),
      open,
      high: Math.max(open, close) * 1.005,
      low: Math.min(open, close) * 0.995,
      close,
      volume,
    });
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return seriesFromBars("TEST", bars);
}
