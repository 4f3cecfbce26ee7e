/**
 * Corporate actions from a QuantConnect LEAN factor file (`date,price_factor,split_factor,
 * reference_price`). Pure: text and trading dates in, splits and dividends out.
 *
 * LEAN's convention: a row's factors apply to prices on and before its date (the first row
 * whose date is on or after the bar's). So where `split_factor` changes between a row and the
 * next, a split happens on the first trading day after the row's date, of ratio
 * `next split_factor / split_factor`; where `price_factor` changes, a dividend goes ex on that
 * day, of amount `(1 − price_factor / next price_factor) × reference_price` (the row's close:
 * the backward factor `1 − dividend / previous close` of the usual dividend adjustment).
 *
 * @module
 */
import type { DividendEvent, SplitEvent } from "./bar.ts";

/** The splits and dividends of a factor file. */
export interface LeanActions {
  /** Splits, ex-dates ascending. */
  splits: SplitEvent[];
  /** Cash dividends, ex-dates ascending. */
  dividends: DividendEvent[];
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Parses a LEAN factor file; `tradingDates` (ISO, ascending: the symbol's bar dates) place
 * each event on the first trading day after its row. Events after the last trading date are
 * dropped (the file's final row, 2050-12-31, holds 1 and 1).
 *
 * @example
 * ```ts
 * const file = "date,price_factor,split_factor,reference_price\n" +
 *   "2014-06-06,0.9011818,0.03571430,645.57\n2014-08-06,0.9011818,0.25,94.97\n";
 * actionsFromLeanFactors(file, ["2014-06-06", "2014-06-09"]).splits; // [{ date: "2014-06-09", ratio: 7 }]
 * ```
 */
export function actionsFromLeanFactors(
  text: string,
  tradingDates: readonly string[],
): LeanActions {
  const rows = text.trim().split(/\r?\n/).slice(1).map((line, i) => {
    const [date, pf, sf, ref] = line.split(",");
    const r = { date: date ?? "", pf: Number(pf), sf: Number(sf), ref: Number(ref) };
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.date) || !(r.pf > 0) || !(r.sf > 0) || !(r.ref >= 0)) {
      throw new RangeError(`Cannot read the LEAN factor file: line ${i + 2} is "${line}"`);
    }
    return r;
  });
  const nextTradingDay = (date: string): string | undefined => {
    let lo = 0, hi = tradingDates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tradingDates[mid]! <= date) lo = mid + 1;
      else hi = mid;
    }
    return tradingDates[lo];
  };
  const splits: SplitEvent[] = [];
  const dividends: DividendEvent[] = [];
  for (let i = 0; i + 1 < rows.length; i++) {
    const a = rows[i]!, b = rows[i + 1]!;
    const ex = nextTradingDay(a.date);
    if (!ex) break;
    if (a.sf !== b.sf) splits.push({ date: ex, ratio: round(b.sf / a.sf, 4) });
    if (a.pf !== b.pf) {
      dividends.push({ date: ex, amount: round((1 - a.pf / b.pf) * a.ref, 4) });
    }
  }
  return { splits, dividends };
}
