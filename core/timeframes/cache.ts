/**
 * The cache of aggregated series, per (symbol, interval, adjust, data version). The source
 * series object is the version: the series cache builds a new one whenever the stored bars
 * change (an import, a sync, another instance's write seen through the data versions), so an
 * entry whose source is not the current one is recomputed.
 *
 * @module
 */
import { Lru } from "@trading/shared/lru";
import type { CalendarInterval } from "@trading/shared/schemas";
import type { AdjustMode } from "../market_data/adjust.ts";
import type { Series } from "../market_data/series.ts";
import { type MarketCode, marketOf } from "../calendars/calendar.ts";
import { aggregateCalendar, type TimeframeSeries } from "./aggregate.ts";
import { periodEnded } from "./partial.ts";

interface Entry {
  source: Series;
  view: TimeframeSeries;
}

/**
 * The series of `daily` at `interval`: the daily bars themselves (`1d`, never partial) or their
 * weekly/monthly aggregation, the last bar partial unless the market calendar shows its period
 * has ended.
 */
export function calendarView(daily: Series, interval: CalendarInterval): TimeframeSeries {
  if (interval === "1d") return { ...daily, interval, partial: false };
  const last = daily.dates.at(-1);
  const market: MarketCode = daily.market === "TW" || daily.market === "US"
    ? daily.market
    : marketOf(daily.symbol);
  const ended = last !== undefined && periodEnded(market, interval, last);
  return aggregateCalendar(daily, interval, { lastPeriodEnded: ended });
}

/** A bounded cache of {@link calendarView}s (default 600 entries). */
export class TimeframeCache {
  readonly #lru: Lru<Entry>;
  #computed = 0;

  /** @param options `maxEntries`: most (symbol, interval, adjust) entries held */
  constructor({ maxEntries = 600 }: { maxEntries?: number } = {}) {
    this.#lru = new Lru<Entry>({ maxEntries });
  }

  /** How many views were computed (misses), for tests and metrics. */
  get computed(): number {
    return this.#computed;
  }

  /**
   * The view of `daily` (the `adjust` view of one symbol, as the series cache returned it) at
   * `interval`, computed once per data version.
   */
  get(daily: Series, interval: CalendarInterval, adjust: AdjustMode): TimeframeSeries {
    const key = `${daily.symbol}|${interval}|${adjust}`;
    const hit = this.#lru.get(key);
    if (hit && hit.source === daily) return hit.view;
    const view = calendarView(daily, interval);
    this.#computed++;
    this.#lru.set(key, { source: daily, view });
    return view;
  }
}
