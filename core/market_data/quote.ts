import type { Quote } from "@trading/shared/schemas";
import type { Series } from "./series.ts";

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * Quote from the latest stored bar: close, change against the previous close, volume and the
 * 52-week high/low (bars within 365 days of the last date). Pure; `null` for an empty series.
 */
export function quoteOf(s: Series): Quote | null {
  const n = s.dates.length;
  if (n === 0) return null;
  const last = n - 1;
  const close = s.close[last]!;
  const prev = n > 1 ? s.close[last - 1]! : null;
  const lastDate = s.dates[last]!;
  const d = new Date(`${lastDate.slice(0, 10)}T00:00:00Z`); // an intraday date is a local time
  d.setUTCDate(d.getUTCDate() - 365);
  const cutoff = d.toISOString().slice(0, 10);
  let hi = -Infinity, lo = Infinity;
  for (let i = last; i >= 0 && s.dates[i]! > cutoff; i--) {
    if (s.high[i]! > hi) hi = s.high[i]!;
    if (s.low[i]! < lo) lo = s.low[i]!;
  }
  return {
    symbol: s.symbol,
    date: lastDate,
    close,
    previous_close: prev,
    change: prev === null ? null : round(close - prev, 6),
    change_percent: prev === null ? null : round(((close - prev) / prev) * 100, 4),
    volume: s.volume[last]!,
    high_52w: hi,
    low_52w: lo,
    as_of: lastDate,
  };
}
